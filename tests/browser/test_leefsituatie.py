"""A coach in the browser: intake with the situation, two changes, an exit, the 12-month check from the caseload."""

import datetime

import pytest
from playwright.sync_api import expect

from trajecten import services
from trajecten.models import Leefsituatie, Nacontrole


def _iso(dagen_geleden):
    return (datetime.date.today() - datetime.timedelta(days=dagen_geleden)).isoformat()


@pytest.mark.django_db(transaction=True)
def test_coach_records_situations_an_exit_and_the_12_month_check(login_as, page, live_server, deelnemer, coach,
                                                                  screenshot):
    vandaag = datetime.date.today()
    services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=420), door=coach)
    login_as(coach)
    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/")

    # The intake, with the situation at intake.
    page.get_by_role("link", name="Intake vastleggen").first.click()
    page.get_by_label("Datum intakegesprek").fill(_iso(410))
    page.get_by_label("Toegelaten", exact=True).check()
    page.get_by_label("Inkomstenbron (optioneel)").select_option("sekswerk")
    page.get_by_label("Woonsituatie (optioneel)").select_option("in_het_circuit")
    page.get_by_label("Sekswerk (optioneel)").select_option("actief")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Intake vastgelegd.")).to_be_visible()

    # Two changes from the Leefsituatie tab; the form shows the situation now.
    page.get_by_role("link", name="Leefsituatie", exact=True).click()
    for datum, woon, inkomen, sekswerk in ((400, "particuliere_kamer", "bijstand", "afgebouwd"),
                                           (380, "eigen_huur", "loon", "gestopt")):
        page.get_by_role("link", name="Leefsituatie bijwerken").click()
        page.get_by_label("Datum").fill(_iso(datum))
        page.get_by_label("Woonsituatie (optioneel)").select_option(woon)
        page.get_by_label("Inkomstenbron (optioneel)").select_option(inkomen)
        page.get_by_label("Sekswerk (optioneel)").select_option(sekswerk)
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("Leefsituatie bijgewerkt.")).to_be_visible()
    assert Leefsituatie.objects.count() == 3
    tabel = page.get_by_role("table", name="Leefsituatie bij instroom en nu")
    expect(tabel).to_contain_text("In het circuit (werkplek)")
    expect(tabel).to_contain_text("Eigen huurwoning")

    # The exit, staying in nazorg.
    page.get_by_role("link", name="Uitstroom vastleggen").first.click()
    page.get_by_label("Uitgestapt").check()
    page.get_by_label("Datum").fill(_iso(370))
    page.get_by_label("Resultaat", exact=True).select_option("betaald_werk")
    page.get_by_label("Branche").select_option("zorg")
    page.get_by_role("button", name="Uitstroom vastleggen").click()
    expect(page.get_by_text("Uitstroom vastgelegd.")).to_be_visible()

    # The caseload signals both checks; the 12-month one opens the form with its termijn.
    page.goto(f"{live_server.url}/caseload/")
    signaal = page.get_by_role("link", name="Nacontrole 12 maanden gepland")
    expect(signaal).to_be_visible()
    expect(page.get_by_role("link", name="Nacontrole 6 maanden gepland")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot("leefsituatie-caseload-1280")
    signaal.click()
    expect(page.get_by_label("12 maanden")).to_be_checked()
    page.get_by_label("Uitgestapt gebleven").check()
    page.get_by_label("Notitie (optioneel)").fill("Werkt nog bij dezelfde werkgever.")
    page.get_by_role("button", name="Nacontrole vastleggen").click()
    expect(page.get_by_text("Nacontrole vastgelegd.")).to_be_visible()
    n = Nacontrole.objects.get()
    assert (n.termijn, n.uitkomst, n.datum) == ("12m", "uitgestapt_gebleven", vandaag)
    expect(page.get_by_text("Uitgestapt gebleven (" + vandaag.strftime("%d-%m-%Y") + ")")).to_be_visible()
    screenshot("leefsituatie-tab-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("leefsituatie-tab-390")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.goto(f"{live_server.url}/caseload/")
    expect(page.get_by_role("link", name="Nacontrole 12 maanden gepland")).to_have_count(0)
    screenshot("leefsituatie-caseload-390")
