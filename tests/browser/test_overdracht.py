"""The warm handover: A's coach prepares it with the participant (what goes along), B's coordinator sees only that
summary, accepts and assigns a coach; B's coach sees the new participant with the summary; A's traject is closed."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import controleer
from tests.factories import GebruikerFactory, OrganisatieFactory, ProgrammaFactory
from trajecten import services
from trajecten.models import Contactmoment, Doel, Trajectplan, Uitstroom
from uitstap.codes import Leefgebied, Rol


@pytest.mark.django_db(transaction=True)
def test_overdracht_from_preparation_to_acceptance(login_as, page, live_server, coach, deelnemer, screenshot):
    vandaag = datetime.date.today()
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=90), door=coach)
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=vandaag - datetime.timedelta(days=80), door=coach)
    plan = Trajectplan.objects.create(traject=traject, volgnummer=1, opgesteld_op=vandaag - datetime.timedelta(days=70))
    Doel.objects.create(plan=plan, leefgebied=Leefgebied.WERK_DAGBESTEDING, omschrijving="Drie dagen per week werken")
    Doel.objects.create(plan=plan, leefgebied=Leefgebied.MIDDELENGEBRUIK, omschrijving="Minderen met alcohol")
    Contactmoment.objects.create(traject=traject, datum=vandaag, notitie="Vertrouwelijke notitie uit het gesprek")
    org_b = OrganisatieFactory(naam="Stichting Haaglanden")
    ProgrammaFactory(naam="Uitstapprogramma Haaglanden", slug="haaglanden", code="HGL", organisaties=[org_b])
    coord_b = GebruikerFactory(username="coord_hgl", first_name="Esther", last_name="van Dijk", rol=Rol.COORDINATOR,
                               organisatie=org_b)
    coach_b = GebruikerFactory(username="coach_hgl", first_name="Noor", last_name="Hendriks",
                               rol=Rol.TRAJECTBEGELEIDER, organisatie=org_b)

    page.set_viewport_size({"width": 1280, "height": 900})
    login_as(coach)
    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/toestemmingen/")
    page.get_by_role("link", name="Overdracht voorbereiden").click()
    page.locator("#id_naar_programma").select_option(label="Uitstapprogramma Haaglanden")
    page.get_by_role("checkbox", name=re.compile("^Werk en inkomen")).check()
    page.locator("#id_bericht").fill("Verhuist naar Den Haag en wil haar werktraject daar voortzetten.")
    page.get_by_role("radio", name=re.compile("^Mondeling")).check()
    page.locator("#id_verklaring").fill("Vandaag in het gesprek gevraagd en uitgelegd wat meegaat.")
    screenshot("overdracht-voorbereiden")
    controleer(page, "overdracht-voorbereiden")
    page.get_by_role("button", name="Overdracht voorbereiden").click()
    expect(page.get_by_text("Overdracht voorbereid.")).to_be_visible()
    expect(page.locator("#overdracht-titel + ul")).to_contain_text("Uitstapprogramma Haaglanden")
    expect(page.locator("#overdracht-titel + ul")).to_contain_text("Wacht op besluit")
    screenshot("overdracht-tab-a")
    controleer(page, "overdracht-tab-a")

    page.context.clear_cookies()
    login_as(coord_b)
    page.get_by_role("link", name=re.compile("overdracht uit een ander programma wacht")).click()
    expect(page.get_by_role("heading", name="Overdrachten", exact=True)).to_be_visible()
    screenshot("overdracht-lijst")
    controleer(page, "overdracht-lijst")
    page.get_by_role("link", name=re.compile("beoordelen")).click()
    main = page.locator("main")
    expect(main).to_contain_text("Drie dagen per week werken")
    expect(main).to_contain_text("Verhuist naar Den Haag")
    expect(main).not_to_contain_text("Minderen met alcohol")
    expect(main).not_to_contain_text("Vertrouwelijke notitie")
    screenshot("overdracht-beoordelen-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("overdracht-beoordelen-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    controleer(page, "overdracht-beoordelen")
    page.locator("#id_begeleider").select_option(label=str(coach_b))
    page.get_by_role("button", name="Overdracht accepteren").click()
    expect(page.get_by_text(re.compile(r"Overdracht geaccepteerd: HGL-\d{4}-0001"))).to_be_visible()
    expect(page.locator("main")).to_contain_text("Drie dagen per week werken")
    screenshot("overdracht-ontvangen")
    controleer(page, "overdracht-ontvangen")

    page.context.clear_cookies()
    login_as(coach_b)
    page.goto(f"{live_server.url}/caseload/")
    page.get_by_role("link", name=re.compile(r"HGL-\d{4}-0001")).first.click()
    page.get_by_role("link", name="bekijk de overdrachtssamenvatting").click()
    expect(page.locator("main")).to_contain_text("Drie dagen per week werken")
    expect(page.locator("main")).not_to_contain_text("Vertrouwelijke notitie")
    assert Uitstroom.objects.get(traject=traject).reden == "verhuisd"
