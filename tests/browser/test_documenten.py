"""Documents and AVG in the browser: upload, refused upload, download as attachment, the coordinator's screens."""

import datetime

import pytest
from playwright.sync_api import expect

from clients.models import Deelnemer, Document
from trajecten.models import Traject

PDF = b"%PDF-1.4\n% synthetic test document\n%%EOF\n"


@pytest.fixture(autouse=True)
def eigen_opslag(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


@pytest.mark.django_db(transaction=True)
def test_coach_uploads_and_downloads_a_document(login_as, page, live_server, deelnemer, coach, screenshot, tmp_path):
    Traject.objects.create(deelnemer=deelnemer, aanmelddatum=datetime.date.today())
    login_as(coach)
    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/")
    page.get_by_role("link", name="Documenten").click()
    expect(page.get_by_text("Nog geen documenten.")).to_be_visible()

    nep = tmp_path / "brief.pdf"
    nep.write_bytes(b"<!doctype html><html><body>geen pdf</body></html>")
    page.get_by_label("Bestand").set_input_files(str(nep))
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_role("alert")).to_contain_text("Alleen PDF, JPEG of PNG")
    screenshot("documenten-geweigerd")
    assert Document.objects.count() == 0

    echt = tmp_path / "trajectplan getekend.pdf"
    echt.write_bytes(PDF)
    page.get_by_label("Bestand").set_input_files(str(echt))
    page.get_by_label("Soort document").select_option("trajectplan")
    page.get_by_label("Omschrijving (optioneel)").fill("versie 1, ondertekend")
    page.get_by_role("button", name="Uploaden").click()
    expect(page.get_by_text("Document opgeslagen.")).to_be_visible()
    expect(page.get_by_role("link", name="trajectplan getekend.pdf")).to_be_visible()
    screenshot("documenten")
    with page.expect_download() as info:
        page.get_by_role("link", name="trajectplan getekend.pdf").click()
    download = info.value
    assert download.suggested_filename == "trajectplan getekend.pdf"
    assert open(download.path(), "rb").read() == PDF


@pytest.mark.django_db(transaction=True)
def test_coordinator_privacy_screens(login_as, page, live_server, deelnemer, coach, coordinator, screenshot):
    Traject.objects.create(deelnemer=deelnemer, aanmelddatum=datetime.date(2015, 1, 5), einddatum=datetime.date(2016, 3, 1))
    deelnemer.achternaam = "Synthetisch"
    deelnemer.save()
    login_as(coordinator)
    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/")
    page.get_by_role("link", name="Privacy: ingezien, inzage, wissen").click()
    expect(page.get_by_role("heading", name="Wie heeft dit dossier ingezien")).to_be_visible()
    expect(page.locator("table")).to_contain_text("coord")
    screenshot("avg-ingezien")

    page.get_by_role("link", name="Inzage-export").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Inzage-export downloaden").click()
    assert info.value.suggested_filename == f"inzage-{deelnemer.clientcode}.zip"
    screenshot("avg-inzage")

    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/wissen/")
    expect(page.get_by_text("Wissen is toegestaan.")).to_be_visible()
    page.get_by_label("Typ de clientcode ter bevestiging").fill(deelnemer.clientcode)
    screenshot("avg-wissen")
    page.get_by_role("button", name="Persoonsgegevens definitief wissen").click()
    expect(page.get_by_text("zijn gewist")).to_be_visible()
    d = Deelnemer.objects.get(pk=deelnemer.pk)
    assert d.gewist_op is not None and d.achternaam == ""

    page.goto(f"{live_server.url}/audit/")
    expect(page.get_by_role("heading", name="Auditlog")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Gewist")
    screenshot("audit-zoeken")
