"""A coach's main path in the browser: register, intake, uitvoering, contact, exit to paid work, timeline."""

import datetime

import pytest
from playwright.sync_api import expect

from trajecten.models import Traject, Uitstroom


@pytest.mark.django_db(transaction=True)
def test_coach_registers_and_guides_a_participant_to_paid_work(login_as, page, live_server, programma, coach, coach2, gemeente, screenshot):
    vandaag = datetime.date.today().isoformat()
    login_as(coach)
    expect(page.get_by_role("heading", name="Mijn caseload")).to_be_visible()
    page.get_by_role("link", name="Nieuwe aanmelding").first.click()
    page.get_by_label("Roepnaam (optioneel)").fill("Mira")
    page.get_by_label("Geboortejaar (optioneel)").fill("1994")
    page.get_by_label("Herkomstland (optioneel)").fill("RO")
    page.get_by_label("Verwezen door (optioneel)").select_option("ggd")
    screenshot("aanmelding")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_text("aangemeld")).to_be_visible()
    clientcode = Traject.objects.get().deelnemer.clientcode
    expect(page.get_by_role("heading", level=1)).to_contain_text(clientcode)

    page.get_by_role("link", name="Intake vastleggen").click()
    page.get_by_label("Hulpvraag (optioneel)").fill("Wil stoppen en ander werk vinden.")
    page.get_by_label("Toegelaten", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Intake vastgelegd.")).to_be_visible()
    expect(page.locator(".badge.fase").first).to_have_text("Oriëntatie")

    page.get_by_role("link", name="Fase wijzigen").click()
    page.get_by_label("Uitvoering", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".badge.fase").first).to_have_text("Uitvoering")

    # The quick contact form on the dossier (htmx), today's date and 60 minutes pre-filled.
    snel = page.locator("#snel-contact")
    snel.get_by_label("Notitie (optioneel)").fill("Sollicitatie besproken.")
    snel.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Sollicitatie besproken.")).to_be_visible()

    page.get_by_role("link", name="Uitstroom vastleggen").click()
    page.get_by_label("Uitgestapt", exact=True).check()
    page.get_by_label("Resultaat (optioneel)").select_option("betaald_werk")
    page.get_by_label("Branche (optioneel)").select_option("zorg")
    page.get_by_label("Traject nu afsluiten").check()
    page.get_by_label("Datum").fill(vandaag)
    page.get_by_role("button", name="Uitstroom vastleggen").click()
    expect(page.get_by_text("Uitstroom vastgelegd.")).to_be_visible()
    expect(page.locator(".tijdlijn").get_by_text("Uitgestapt: Betaald werk")).to_be_visible()
    expect(page.locator(".tijdlijn").get_by_text("Traject afgesloten")).to_be_visible()
    screenshot("dossier-tijdlijn")
    u = Uitstroom.objects.get()
    assert (u.soort, u.resultaat, u.branche) == ("uitgestapt", "betaald_werk", "zorg")
