"""`manage.py rups_landelijk`: several programmes' figure files merged; medians per programme only; extern <5."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import ProgrammaFactory
from tests.rapportage.helpers import d, deelnemer, traject
from trajecten.models import Uitstroom

pytestmark = pytest.mark.django_db


@pytest.fixture
def bestanden(tmp_path, programma):
    """Programme 'test': 2 ingestroomd in 2024 (one uitgestapt after 100 days); 'noord': 5 ingestroomd."""
    a = traject(deelnemer(programma), "2024-01-01", ("orientatie", "2024-01-11"))
    Uitstroom.objects.create(traject=a, datum=d("2024-04-20"), soort="uitgestapt", resultaat="opleiding")
    traject(deelnemer(programma), "2024-02-01", ("orientatie", "2024-02-21"))
    noord = ProgrammaFactory(slug="noord")
    for i in range(5):
        traject(deelnemer(noord), f"2024-03-0{i + 1}", ("orientatie", f"2024-03-1{i + 1}"))
    paden = []
    for slug in ("test", "noord"):
        pad = tmp_path / f"{slug}.json"
        call_command("rups_verslag", "--programma", slug, "--jaar", "2024", "--output", str(pad), stderr=io.StringIO())
        paden.append(str(pad))
    return paden


def test_merges_counts_and_keeps_medians_per_programme(bestanden):
    out = io.StringIO()
    call_command("rups_landelijk", *bestanden, stdout=out)
    data = json.loads(out.getvalue())
    assert list(data["programmas"]) == ["test", "noord"]
    totaal = data["totaal"]
    assert totaal["ingestroomd"] == 7 and totaal["aanmeldingen"] == 7 and totaal["uitgestapt"] == 1
    assert totaal["cumulatief"] == {"ingestroomd": 7, "uitgestapt": 1, "tussentijds_gestopt": 0, "lopend": 6}
    assert totaal["uitgestapt_per_resultaat"]["opleiding"] == 1
    assert totaal["verwijzingen_per_soort"]["ggz"] == {"verwezen": 0, "gestart": 0, "mediane_wachttijd_dagen": None}
    assert "doorlooptijden" not in totaal and "per_woongemeente" not in totaal
    # Medians stay per programme: test 10 and 20 days -> 15; noord 10 days each.
    assert data["programmas"]["test"]["doorlooptijden"]["aanmelding_tot_instroom"] == 15
    assert data["programmas"]["noord"]["doorlooptijden"]["aanmelding_tot_instroom"] == 10
    assert "doorlooptijden" in data["niet_opgeteld"]


def test_extern_suppresses_small_counts_after_summing(bestanden, tmp_path):
    out = io.StringIO()
    call_command("rups_landelijk", *bestanden, "--extern", stdout=out)
    data = json.loads(out.getvalue())
    assert data["programmas"]["test"]["ingestroomd"] == "<5" and data["programmas"]["noord"]["ingestroomd"] == 5
    assert data["totaal"]["ingestroomd"] == 7 and data["totaal"]["uitgestapt"] == "<5"


def test_xlsx_and_pdf(bestanden, tmp_path):
    from openpyxl import load_workbook

    xlsx, pdf = tmp_path / "l.xlsx", tmp_path / "l.pdf"
    call_command("rups_landelijk", *bestanden, "--format", "xlsx", "--output", str(xlsx))
    rijen = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rijen[0] == ("sleutel", "test", "noord", "totaal")
    assert ("ingestroomd", 2, 5, 7) in rijen
    call_command("rups_landelijk", *bestanden, "--format", "pdf", "--output", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_bad_files_are_refused_in_dutch(tmp_path, bestanden):
    kapot = tmp_path / "kapot.json"
    kapot.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("rups_landelijk", str(kapot))
    leeg = tmp_path / "leeg.json"
    leeg.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="sleutels ontbreken"):
        call_command("rups_landelijk", bestanden[0], str(leeg))
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("rups_landelijk", str(tmp_path / "nergens.json"))
