"""Issue 19 in the browser: a duplicate registration is caught and leads to the existing dossier; the safe-contact
strip on the contact form; the English convenant rendered to PNG (screenshots looked at by a human)."""

import datetime
import subprocess

import pytest
from playwright.sync_api import expect

from clients.models import Deelnemer, Toegestaan
from clients.services import contactafspraak_vastleggen
from tests.browser.conftest import SCREENSHOTS
from tests.factories import DeelnemerFactory
from trajecten import services
from trajecten.models import Contactmoment
from trajecten.selectors import plan_pdf_context
from uitstap.pdf import render_pdf


@pytest.mark.django_db(transaction=True)
def test_registering_a_duplicate_warns_and_leads_to_the_dossier(login_as, page, live_server, coach, programma,
                                                               screenshot):
    bestaand = DeelnemerFactory(programma=programma, begeleider=coach, roepnaam="Ioana", geboortejaar=1995,
                                herkomstland="RO")
    login_as(coach)
    page.goto(f"{live_server.url}/deelnemers/nieuw/")
    page.get_by_label("Roepnaam (optioneel)").fill("ioána")
    page.get_by_label("Geboortejaar (optioneel)").fill("1995")
    page.get_by_label("Herkomstland (optioneel)").select_option("RO")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name="Mogelijk staat deze persoon al in het programma")).to_be_visible()
    expect(page.get_by_text(bestaand.clientcode)).to_be_visible()
    expect(page.get_by_label("Roepnaam (optioneel)")).to_have_value("ioána")  # input kept, nothing saved
    screenshot("duplicaat-waarschuwing")
    assert Deelnemer.objects.count() == 1
    page.get_by_role("link", name="Dit is dezelfde persoon: naar het dossier").click()
    expect(page).to_have_url(f"{live_server.url}/deelnemers/{bestaand.pk}/")
    expect(page.get_by_role("heading", name=bestaand.clientcode)).to_be_visible()
    assert Deelnemer.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_contact_form_shows_the_strip_and_asks_for_a_reason(login_as, page, live_server, coach, deelnemer, screenshot):
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=datetime.date.today(), door=coach)
    contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
        "bellen": Toegestaan.NEE, "huisbezoek": Toegestaan.NEE, "sms": Toegestaan.JA,
        "vermijden": "na 18.00 uur en in het weekend", "alleen_via_toelichting": "de opvang (vraag naar Sanne)",
        "codewoorden": "tante Rosa"})
    login_as(coach)
    page.goto(f"{live_server.url}/trajecten/{traject.pk}/contact/")
    strip = page.get_by_role("complementary", name="Veilig contact: let op de afspraken")
    expect(strip).to_contain_text("Niet veilig: bellen, huisbezoek.")
    expect(strip).not_to_contain_text("tante Rosa")
    page.get_by_label("Soort contact").select_option("huisbezoek")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Er is een probleem")).to_be_visible()
    expect(page.get_by_text("een huisbezoek is niet veilig").first).to_be_visible()
    screenshot("contactafspraken-strip-contactformulier")
    page.get_by_label("Ik wijk bewust af van de contactafspraken").check()
    page.get_by_label("Reden van de afwijking (verplicht bij afwijken)").fill("Opvang bevestigt: veilig")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Contact geregistreerd.")).to_be_visible()
    assert Contactmoment.objects.get(traject=traject).afspraak_afwijkingen.count() == 1


@pytest.mark.django_db
def test_english_convenant_as_png(deelnemer, coach, tmp_path):
    from django.utils import translation

    vandaag = datetime.date.today()
    deelnemer.roepnaam, deelnemer.documenttaal = "Grace", "en"
    deelnemer.save()
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=60),
                                       door=coach)
    plan = services.trajectplan_opstellen(traject=traject, opgesteld_op=vandaag - datetime.timedelta(days=30),
                                          door=coach, afspraken="")
    services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "huisvesting", "omschrijving": "I have a room of my own", "indicator": "A signed rental contract",
        "acceptabel": True, "streefdatum": vandaag + datetime.timedelta(days=90), "startscore": 2, "doelscore": 7})
    services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "financien", "omschrijving": "I know what I owe", "indicator": "A list of all debts",
        "acceptabel": True, "streefdatum": vandaag + datetime.timedelta(days=45)})
    for taal, tweetalig, naam in (("en", False, "convenant-en"), ("en", True, "convenant-en-tweetalig")):
        with translation.override(taal):
            _, pdf = render_pdf("trajecten/pdf/plan.html", plan_pdf_context(plan, taal=taal, tweetalig=tweetalig))
        bestand = tmp_path / f"{naam}.pdf"
        bestand.write_bytes(pdf)
        SCREENSHOTS.mkdir(exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(bestand), str(SCREENSHOTS / naam)],
                       check=True)
    assert list(SCREENSHOTS.glob("convenant-en-1.png")) or list(SCREENSHOTS.glob("convenant-en-01.png"))
