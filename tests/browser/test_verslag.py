"""The coordinator enters the beschikking's plan figures, writes a section, finalises and downloads the PDF."""

import datetime
import hashlib
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from rapportage import services
from rapportage.models import Jaarverslag
from tests.rapportage.helpers import deelnemer, traject
from uitstap.models import AuditEvent


@pytest.mark.django_db(transaction=True)
def test_coordinator_plans_writes_finalises_and_downloads(login_as, page, live_server, programma, organisatie,
                                                          coordinator, screenshot):
    traject(deelnemer(programma), "2024-03-10", ("orientatie", "2024-04-01"))
    services.beschikking_aanmaken(
        programma=programma, financier="Ministerie van Justitie en Veiligheid", nummer="RUPS-2024-017",
        startdatum=datetime.date(2024, 3, 1), einddatum=datetime.date(2026, 2, 28), bedrag=Decimal("150000"),
        penvoerder=organisatie, door=coordinator,
    )
    login_as(coordinator)
    page.goto(f"{live_server.url}/rapportage/")
    page.get_by_role("link", name="Beschikking en verslag").click()
    page.get_by_role("link", name="Ministerie van Justitie en Veiligheid RUPS-2024-017").click()
    page.get_by_role("link", name="Plancijfers wijzigen periode 1").click()
    page.get_by_label("Verwacht aantal deelnemers").fill("30")
    page.get_by_label("Intakes").fill("40")
    page.get_by_label("Uitstroom (uitgestapt)").fill("10")
    page.get_by_label("Fte begeleiding (optioneel)", exact=True).fill("2.5")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Plancijfers opgeslagen.")).to_be_visible()
    expect(page.locator("table").first).to_contain_text("30")
    expect(page.get_by_role("cell", name="plan_deelnemers")).to_be_visible()  # the history

    page.get_by_role("button", name="Nieuw verslag").first.click()
    expect(page.get_by_role("heading", name="De vijf vragen")).to_be_visible()
    page.get_by_label("Knelpunten en bijsturing").fill("De wachttijd bij schuldhulp liep op; er is een snelle route afgesproken.")
    page.get_by_role("button", name="Verslag opslaan").click()
    expect(page.get_by_text("Verslag opgeslagen.")).to_be_visible()
    screenshot("verslag-concept")

    page.get_by_label("Ik heb het verslag gelezen").check()
    page.get_by_role("button", name="Definitief maken").click()
    expect(page.get_by_text("Het verslag is definitief.")).to_be_visible()
    verslag = Jaarverslag.objects.get()
    expect(page.locator("code")).to_have_text(verslag.sha256)
    with page.expect_download() as download:
        page.get_by_role("link", name="Pdf downloaden").click()
    inhoud = open(download.value.path(), "rb").read()
    assert download.value.suggested_filename == "verslag-test-periode1-v1.pdf"
    assert hashlib.sha256(inhoud).hexdigest() == verslag.sha256
    assert verslag.cijfers["plan"][0]["plan"] == 30
    assert verslag.cijfers["secties"]["knelpunten"].startswith("De wachttijd bij schuldhulp")
    assert AuditEvent.objects.filter(actie="print", object_type="jaarverslag", gebruiker=coordinator).exists()
    screenshot("verslag-definitief")
