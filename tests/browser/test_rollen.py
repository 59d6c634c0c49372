"""The coordinator's and the beheerder's day in the browser, axe-core at 1280 and 390 px on every page visited."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.axe import controleer
from trajecten import services

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_day(login_as, page, live_server, programma, coordinator, deelnemer, coach, coach3):
    vandaag = datetime.date.today()
    services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=45), door=coach)
    login_as(coordinator)
    expect(page.get_by_role("heading", name="Wat aandacht vraagt")).to_be_visible()
    controleer(page, "coordinator-start")

    page.locator("section[aria-labelledby='a-contact']").get_by_role("link", name=deelnemer.clientcode).click()
    page.get_by_role("link", name="Begeleiding wijzigen").click()
    page.get_by_label("Trajectbegeleider").select_option(str(coach3.pk))
    controleer(page, "coordinator-begeleiding")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Begeleiding opgeslagen.")).to_be_visible()
    deelnemer.refresh_from_db()
    assert deelnemer.begeleider == coach3

    page.get_by_role("link", name="Cijfers", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cijfers")
    controleer(page, "coordinator-cijfers")
    with page.expect_download() as download:
        page.get_by_role("link", name="Historie exporteren (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")


def test_beheerder_day(login_as, page, live_server, beheerder, organisatie):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from uitstap.models import Gebruiker

    login_as(beheerder)
    controleer(page, "beheerder-gebruikers")
    page.get_by_role("link", name="Nieuwe gebruiker").click()
    page.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Trajectbegeleider").check()
    page.get_by_label("Organisatie").select_option(label=organisatie.naam)
    controleer(page, "beheerder-nieuw")
    page.get_by_role("button", name="Account aanmaken").click()
    page.get_by_role("link", name="Naar nieuwe.collega").click()
    nieuw = Gebruiker.objects.get(username="nieuwe.collega")
    TOTPDevice.objects.create(user=nieuw, name="default", confirmed=True)
    page.reload()
    controleer(page, "beheerder-detail")
    page.get_by_role("button", name="Tweede factor resetten").click()
    expect(page.get_by_text("is aangevraagd").first).to_be_visible()
    # Four eyes: a second person approves the reset.
    from tests.factories import GebruikerFactory
    from uitstap.services import accounts as services_accounts
    from uitstap.codes import Rol
    from uitstap.models import Accountverzoek

    tweede = GebruikerFactory(rol=Rol.BEHEERDER, organisatie=organisatie)
    services_accounts.accountverzoek_goedkeuren(verzoek=Accountverzoek.objects.get(gebruiker=nieuw), door=tweede)
    assert not TOTPDevice.objects.filter(user=nieuw).exists()
    page.reload()
    page.get_by_role("button", name="Deactiveren").click()
    page.wait_for_load_state()
    nieuw.refresh_from_db()
    assert not nieuw.is_active
    expect(page.get_by_role("heading", level=1)).to_contain_text("gedeactiveerd")
