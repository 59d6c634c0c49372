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


@pytest.fixture
def met_beschikking(programma, organisatie, coordinator):
    import datetime
    from decimal import Decimal

    from rapportage import services

    traject(deelnemer(programma), "2024-03-10", ("orientatie", "2024-04-01"))
    b = services.beschikking_aanmaken(programma=programma, financier="JenV", nummer="B-1", startdatum=datetime.date(2024, 3, 1),
                                      einddatum=datetime.date(2026, 2, 28), bedrag=Decimal("90000"), penvoerder=organisatie,
                                      door=coordinator)
    return b


def test_periode_json_xlsx_and_pdf(met_beschikking, coordinator, tmp_path):
    from openpyxl import load_workbook

    from rapportage import services

    out = io.StringIO()
    call_command("rups_verslag", "--programma", "test", "--periode", "1", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert list(data) == SLEUTELS and data["ingestroomd"] == 1 and data["aanmeldingen"] == 1
    call_command("rups_verslag", "--programma", "test", "--periode", "2", "--format", "json", stdout=(out := io.StringIO()))
    assert json.loads(out.getvalue())["ingestroomd"] == 0
    xlsx = tmp_path / "c.xlsx"
    call_command("rups_verslag", "--programma", "test", "--jaar", "2024", "--format", "xlsx", "--output", str(xlsx),
                 stderr=io.StringIO())
    rijen = {r[0]: r[1] for r in load_workbook(xlsx).active.iter_rows(min_row=2, values_only=True)}
    assert rijen["ingestroomd"] == 1 and rijen["cumulatief / lopend"] == 1 and rijen["per_woongemeente / onbekend / aanmeldingen"] == 1
    # A definitief verslag: the command writes exactly the stored PDF.
    p1 = met_beschikking.perioden.get(nummer=1)
    v = services.verslag_aanmaken(beschikking=met_beschikking, periode=p1, door=coordinator)
    v = services.verslag_vaststellen(verslag=v, gelezen_versie=v.versie, door=coordinator)
    pdf = tmp_path / "v.pdf"
    call_command("rups_verslag", "--programma", "test", "--periode", "1", "--format", "pdf", "--output", str(pdf),
                 stderr=io.StringIO())
    v.refresh_from_db()
    assert pdf.read_bytes() == bytes(v.pdf)
    call_command("rups_verslag", "--programma", "test", "--periode", "1", "--format", "pdf", "--extern", "--output",
                 str(pdf), stderr=io.StringIO())
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes() != bytes(v.pdf)


@pytest.mark.parametrize("argumenten,melding", [
    (["--programma", "test", "--periode", "1", "--format", "json"], "heeft geen beschikking"),
    (["--programma", "test", "--jaar", "2024", "--format", "pdf", "--output", "x.pdf"], "gebruik --periode N"),
    (["--programma", "test", "--format", "json"], "Geef --periode N, --jaar JJJJ of --van en --tot"),
    (["--programma", "test", "--periode", "1", "--jaar", "2024"], "niet allebei"),
])
def test_period_errors_are_dutch(programma, argumenten, melding):
    with pytest.raises(CommandError, match=melding):
        call_command("rups_verslag", *argumenten)


def test_unknown_period_lists_the_known_ones(met_beschikking):
    with pytest.raises(CommandError, match="geen periode 7. Perioden: 1, 2"):
        call_command("rups_verslag", "--programma", "test", "--periode", "7")
