"""The coach's day in the browser, axe-core at 1280 and 390 px on every page visited:
caseload -> participant -> contact -> phase -> plan with a goal -> meting -> referral -> uitstroom."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.axe import controleer
from tests.factories import KetenpartnerFactory
from trajecten import services
from trajecten.models import Contactmoment, Uitstroom, Verwijzing
from uitstap.codes import KetenpartnerSoort


@pytest.mark.django_db(transaction=True)
def test_coach_day(login_as, page, live_server, programma, coach, deelnemer):
    vandaag = datetime.date.today()
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=60), door=coach)
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=vandaag - datetime.timedelta(days=50), door=coach)
    KetenpartnerFactory(programma=programma, naam="Schuldhulp Flevoland", soort=KetenpartnerSoort.SCHULDHULPVERLENING)

    login_as(coach)
    expect(page.get_by_role("heading", name="Mijn caseload")).to_be_visible()
    expect(page.get_by_role("link", name="Geen contact sinds 60 dagen")).to_be_visible()
    controleer(page, "coach-caseload")

    page.get_by_role("link", name=deelnemer.clientcode).click()
    controleer(page, "coach-dossier")
    # The quick contact: a double click saves once.
    snel = page.locator("#snel-contact")
    snel.get_by_label("Notitie (optioneel)").fill("Sollicitatie besproken.")
    snel.get_by_role("button", name="Opslaan").dblclick()
    expect(page.locator(".tijdlijn").get_by_text("Sollicitatie besproken.")).to_be_visible()
    assert Contactmoment.objects.filter(traject=traject).count() == 1

    page.get_by_role("link", name="Fase wijzigen").click()
    page.get_by_role("button", name="Opslaan").click()  # nothing chosen: a Dutch error summary
    expect(page.get_by_role("heading", name="Er is een probleem")).to_be_visible()
    controleer(page, "coach-fase-fout")
    page.get_by_label("Uitvoering", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".badge.fase").first).to_have_text("Uitvoering")

    page.get_by_role("link", name="Trajectplan", exact=True).click()
    page.get_by_role("link", name="Trajectplan opstellen").first.click()
    page.get_by_role("button", name="Plan opstellen").click()
    page.get_by_role("link", name="Doel toevoegen").first.click()
    page.get_by_label("Leefgebied").select_option("financien")
    page.get_by_label("S – specifiek").fill("Ik heb een betalingsregeling voor mijn schulden.")
    page.get_by_label("M – meetbaar").fill("Getekende regeling")
    page.get_by_label("Doelscore (optioneel)").fill("acht")
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("T – tijdgebonden").fill((vandaag + datetime.timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text("Vul een heel getal van 1 tot en met 10 in.").first).to_be_visible()
    expect(page.get_by_label("Doelscore (optioneel)")).to_have_value("acht")
    controleer(page, "coach-doel-fout")
    page.get_by_label("Doelscore (optioneel)").fill("8")
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text("Doel toegevoegd.")).to_be_visible()

    page.get_by_role("link", name="Meting toevoegen").click()
    for label, score in (("Huisvesting", "4"), ("Financiën", "2"), ("Werk en dagbesteding", "3")):
        page.get_by_label(label).fill(score)
    page.get_by_role("button", name="Meting opslaan").click()
    expect(page.get_by_text("Meting vastgelegd.")).to_be_visible()
    controleer(page, "coach-trajectplan")

    page.get_by_role("link", name="Verwijzingen", exact=True).click()
    page.get_by_role("link", name="Verwijzen", exact=True).click()
    page.get_by_label("Ketenpartner").select_option(label="Schuldhulp Flevoland (Schuldhulpverlening)")
    page.get_by_role("button", name="Verwijzing vastleggen").click()
    expect(page.get_by_text("Verwijzing naar Schuldhulp Flevoland vastgelegd.")).to_be_visible()
    assert Verwijzing.objects.count() == 1

    page.get_by_role("link", name="Uitstroom vastleggen").click()
    expect(page.get_by_label("Branche")).to_be_hidden()
    page.get_by_label("Uitgestapt", exact=True).check()
    page.get_by_label("Resultaat").select_option("betaald_werk")
    expect(page.get_by_label("Branche")).to_be_visible()
    page.get_by_role("button", name="Uitstroom vastleggen").click()
    expect(page.get_by_text("Kies in welke branche de deelnemer werkt.").first).to_be_visible()
    controleer(page, "coach-uitstroom-fout")
    page.get_by_label("Branche").select_option("zorg")
    page.get_by_label("Traject nu afsluiten").check()
    page.get_by_role("button", name="Uitstroom vastleggen").click()
    expect(page.get_by_text("Uitstroom vastgelegd.")).to_be_visible()
    u = Uitstroom.objects.get()
    assert (u.soort, u.resultaat, u.branche) == ("uitgestapt", "betaald_werk", "zorg")
