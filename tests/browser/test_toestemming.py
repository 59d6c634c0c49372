"""The coach records consent for Almere (basis, werk en inkomen); the klantmanager sees only that and leaves a
signal; the coach sees it and withdraws; the klantmanager's next request is a 404."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from trajecten import services
from trajecten.models import Contactmoment, Doel, Trajectplan
from uitstap.codes import Leefgebied


@pytest.mark.django_db(transaction=True)
def test_consent_for_almere_from_recording_to_withdrawal(login_as, page, live_server, coach, klantmanager, deelnemer,
                                                         screenshot):
    vandaag = datetime.date.today()
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=60), door=coach)
    plan = Trajectplan.objects.create(traject=traject, volgnummer=1, opgesteld_op=vandaag)
    Doel.objects.create(plan=plan, leefgebied=Leefgebied.WERK_DAGBESTEDING, omschrijving="Drie dagen per week werken")
    Doel.objects.create(plan=plan, leefgebied=Leefgebied.HUISVESTING, omschrijving="Eigen woning vinden")
    Contactmoment.objects.create(traject=traject, datum=vandaag, notitie="Vertrouwelijke notitie uit het gesprek")

    page.set_viewport_size({"width": 1280, "height": 900})
    login_as(coach)
    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/")
    page.get_by_role("link", name="Toestemmingen", exact=True).click()
    expect(page.get_by_text("Er wordt niets gedeeld.")).to_be_visible()
    page.get_by_role("link", name="Toestemming vastleggen").click()
    page.locator("#id_gemeente").select_option(label="Almere")
    page.get_by_role("checkbox", name=re.compile("^Werk en inkomen")).check()
    page.get_by_role("radio", name=re.compile("^Mondeling")).check()
    page.locator("#id_verklaring").fill("Vandaag in het gesprek gevraagd en uitgelegd.")
    screenshot("toestemming-vastleggen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Toestemming vastgelegd voor Almere.")).to_be_visible()
    rij = page.get_by_role("row", name=re.compile("Almere"))
    expect(rij).to_contain_text("Basis, Werk en inkomen")
    expect(rij).to_contain_text("geldig")
    screenshot("toestemming-tab-1280")

    page.context.clear_cookies()
    login_as(klantmanager)
    expect(page.get_by_role("heading", name="Gedeelde deelnemers")).to_be_visible()
    expect(page.get_by_role("link", name=deelnemer.clientcode)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Drie dagen per week werken")
    expect(page.locator("main")).not_to_contain_text("Eigen woning vinden")
    expect(page.locator("main")).not_to_contain_text("Vertrouwelijke notitie")
    screenshot("gemeente-start-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("gemeente-start-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name=deelnemer.clientcode).click()
    deelnemer_url = page.url
    expect(page.locator("main")).to_contain_text("Drie dagen per week werken")
    expect(page.locator("main")).not_to_contain_text("Eigen woning vinden")
    page.locator("#id_tekst").fill("Plek bij werkfit-traject vrij")
    page.get_by_role("button", name="Signaal versturen").click()
    expect(page.get_by_text("Signaal verstuurd naar de trajectbegeleider.")).to_be_visible()
    screenshot("gemeente-deelnemer-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("gemeente-deelnemer-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.context.clear_cookies()
    login_as(coach)
    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/")
    expect(page.locator(".samenvatting")).to_contain_text("signaal van de gemeente")
    page.get_by_role("link", name="Toestemmingen", exact=True).click()
    expect(page.get_by_text("Plek bij werkfit-traject vrij")).to_be_visible()
    page.get_by_role("button", name="Afgehandeld").click()
    expect(page.get_by_text("Signaal afgesloten.")).to_be_visible()
    page.get_by_role("row", name=re.compile("Almere")).get_by_role("link", name="Intrekken").click()
    page.locator("#id_reden").fill("Wil het zelf regelen")
    page.locator("#id_bevestigd").check()
    page.get_by_role("button", name="Intrekken").click()
    expect(page.get_by_text("Toestemming ingetrokken.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Almere"))).to_contain_text("ingetrokken")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("toestemming-tab-390")

    page.context.clear_cookies()
    login_as(klantmanager)
    expect(page.locator("main")).to_contain_text("Er zijn nu geen deelnemers met een geldige toestemming")
    response = page.goto(deelnemer_url)
    assert response.status == 404
