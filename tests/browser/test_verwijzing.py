"""A coach refers a participant to debt help, records the start, and sees the waiting time."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.factories import KetenpartnerFactory
from trajecten import services
from trajecten.models import Verwijzing
from uitstap.codes import KetenpartnerSoort, VerwijzingStatus
from uitstap.models import Contactpersoon


@pytest.mark.django_db(transaction=True)
def test_coach_refers_to_debt_help_records_start_and_sees_waiting_time(login_as, page, live_server, programma, coach,
                                                                       deelnemer, screenshot):
    vandaag = datetime.date.today()
    services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=90), door=coach)
    partner = KetenpartnerFactory(programma=programma, naam="Schuldhulp Flevoland", soort=KetenpartnerSoort.SCHULDHULPVERLENING)
    Contactpersoon.objects.create(ketenpartner=partner, naam="Anouk de Boer", functie="Budgetcoach", telefoon="0320-123456")

    login_as(coach)
    page.get_by_role("link", name=deelnemer.clientcode).click()
    page.get_by_role("link", name="Verwijzingen", exact=True).click()
    expect(page.get_by_text("Nog geen verwijzingen.")).to_be_visible()
    page.get_by_role("link", name="Verwijzen", exact=True).click()

    page.get_by_label("Ketenpartner").select_option(label="Schuldhulp Flevoland (Schuldhulpverlening)")
    page.get_by_label("Soort hulp (optioneel)").fill("Schuldenoverzicht en budgetbeheer")
    page.get_by_label("Verwezen op").fill((vandaag - datetime.timedelta(days=40)).isoformat())
    page.get_by_label("Contactpersoon (optioneel)").select_option(label="Anouk de Boer – Schuldhulp Flevoland (Budgetcoach)")
    page.get_by_label("Wachtlijst").check()
    screenshot("verwijzing-nieuw")
    page.get_by_role("button", name="Verwijzing vastleggen").click()

    expect(page.get_by_text("Verwijzing naar Schuldhulp Flevoland vastgelegd.")).to_be_visible()
    kaart = page.locator("article.verwijzing")
    expect(kaart.locator(".badge")).to_have_text("Wachtlijst")
    expect(kaart.locator(".wachttijd")).to_contain_text("wacht al 40 dagen")
    expect(kaart.locator(".wachttijd")).to_contain_text("langer dan 30 dagen")
    expect(page.locator(".samenvatting")).to_contain_text("1 verwijzing(en) wachten lang")

    kaart.get_by_role("link", name="Start vastleggen").click()
    expect(page.get_by_label("Gestart")).to_be_checked()
    page.get_by_label("Datum").fill((vandaag - datetime.timedelta(days=8)).isoformat())
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("Status gewijzigd in Gestart.")).to_be_visible()
    expect(kaart.locator(".badge")).to_have_text("Gestart")
    expect(kaart.locator(".wachttijd")).to_have_text("32 dagen gewacht")
    expect(kaart).to_contain_text("Anouk de Boer")
    expect(page.locator(".samenvatting")).not_to_contain_text("wachten lang")
    screenshot("verwijzing-tab")

    v = Verwijzing.objects.get()
    assert (v.status, (v.gestart - v.verwezen).days) == (VerwijzingStatus.GESTART, 32)

    # The partner page shows the referral to its coach.
    kaart.get_by_role("link", name="Schuldhulp Flevoland", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Schuldhulp Flevoland")
    expect(page.get_by_role("table")).to_contain_text(deelnemer.clientcode)
    screenshot("ketenpartner-coach")
