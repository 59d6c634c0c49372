"""`manage.py rups_verslag --format json`: exactly the DEFINITIONS keys, clear errors with a non-zero exit."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from rapportage.cijfers import SLEUTELS
from rapportage.management.commands.rups_verslag import Command
from tests.rapportage.helpers import deelnemer, traject

pytestmark = pytest.mark.django_db


def test_prints_every_key_as_json(programma):
    traject(deelnemer(programma), "2024-01-10", ("orientatie", "2024-02-01"))
    out = io.StringIO()
    call_command("rups_verslag", programma="test", jaar=2024, format="json", stdout=out)
    data = json.loads(out.getvalue())
    assert list(data) == SLEUTELS
    assert data["ingestroomd"] == 1 and data["aanmeldingen"] == 1


def test_period_options_and_output_file(programma, tmp_path):
    traject(deelnemer(programma), "2024-01-10", ("orientatie", "2024-02-01"))
    uit = tmp_path / "cijfers.json"
    call_command("rups_verslag", "--programma", "test", "--jaar", "2024", "--van", "2024-01-01", "--tot", "2024-01-31",
                 "--format", "json", "--output", str(uit), stderr=io.StringIO())
    data = json.loads(uit.read_text(encoding="utf-8"))
    assert data["aanmeldingen"] == 1 and data["ingestroomd"] == 0


@pytest.mark.parametrize("argumenten,melding", [
    (["--programma", "nergens", "--jaar", "2024"], "Onbekend programma 'nergens'"),
    (["--programma", "test", "--jaar", "2024", "--van", "2024-13-01"], "--van '2024-13-01' is geen geldige datum"),
    (["--programma", "test", "--jaar", "2024", "--tot", "31-12-2024"], "--tot '31-12-2024' is geen geldige datum"),
    (["--programma", "test", "--jaar", "2024", "--van", "2024-06-01", "--tot", "2024-05-31"], "ligt vóór --van"),
    (["--programma", "test", "--jaar", "1850"], "ligt niet tussen 2000 en 2100"),
])
def test_errors_are_clear_and_exit_non_zero(programma, capsys, argumenten, melding):
    with pytest.raises(CommandError, match=melding):
        call_command("rups_verslag", *argumenten, "--format", "json")
    with pytest.raises(SystemExit) as e:
        Command().run_from_argv(["manage.py", "rups_verslag", *argumenten, "--format", "json", "--skip-checks"])
    assert e.value.code == 1
    assert melding in capsys.readouterr().err
