"""A werkoverleg from planning to afspraken: the coordinator plans one with Almere, opens the generated agenda,
records an afspraak for the shared participant, marks it done and downloads the agenda as PDF."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.factories import ToestemmingFactory
from trajecten import services
from trajecten.models import Doel, Trajectplan, WerkoverlegAfspraak
from uitstap.codes import Leefgebied


@pytest.mark.django_db(transaction=True)
def test_werkoverleg_from_planning_to_afspraken(login_as, page, live_server, coach, coordinator, klantmanager, deelnemer,
                                                 gemeente, ander_deelnemer, screenshot):
    vandaag = datetime.date.today()
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=60), door=coach)
    plan = Trajectplan.objects.create(traject=traject, volgnummer=1, opgesteld_op=vandaag - datetime.timedelta(days=20))
    Doel.objects.create(plan=plan, leefgebied=Leefgebied.WERK_DAGBESTEDING, omschrijving="Drie dagen per week werken",
                        gesteld_op=vandaag - datetime.timedelta(days=20))
    Doel.objects.create(plan=plan, leefgebied=Leefgebied.HUISVESTING, omschrijving="Eigen woning vinden")
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, scopes=["basis", "werk_inkomen"],
                       gegeven_op=vandaag - datetime.timedelta(days=30))

    page.set_viewport_size({"width": 1280, "height": 900})
    login_as(coordinator)
    page.get_by_role("link", name="Werkoverleg", exact=True).click()
    expect(page.get_by_text("Er is geen werkoverleg gepland.")).to_be_visible()
    page.get_by_role("link", name="Werkoverleg plannen").click()
    page.locator("#id_gemeente").select_option(label="Almere")
    page.locator("#id_datum").fill(vandaag.isoformat())
    page.locator("#id_aanwezigen").fill("Ronald Jansen – klantmanager\nSanne de Vries – coördinator")
    page.get_by_role("button", name="Werkoverleg plannen").click()
    expect(page.get_by_text(re.compile("Werkoverleg met Almere gepland op"))).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text(deelnemer.clientcode)
    expect(main).to_contain_text("Drie dagen per week werken")
    expect(main).not_to_contain_text("Eigen woning vinden")  # trajectplan is not shared
    expect(main).not_to_contain_text(ander_deelnemer.clientcode)  # no consent

    page.get_by_role("link", name=f"Afspraak vastleggen voor {deelnemer.clientcode}").click()
    page.locator("#id_wat").fill("Aanmelden voor het werkfit-traject")
    page.locator("#id_eigenaar").fill("klantmanager")
    page.get_by_role("button", name="Afspraak vastleggen").click()
    expect(page.get_by_text("Afspraak vastgelegd.")).to_be_visible()
    kaart = page.locator(f"#deelnemer-{deelnemer.pk}")
    expect(kaart).to_contain_text("Aanmelden voor het werkfit-traject")
    expect(kaart.get_by_text("open", exact=True)).to_be_visible()
    screenshot("werkoverleg-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("werkoverleg-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    kaart.get_by_role("link", name=re.compile("^Afronden")).click()
    page.get_by_role("button", name="Afgerond").click()
    expect(page.get_by_text("Afspraak afgerond.")).to_be_visible()
    expect(page.locator(f"#deelnemer-{deelnemer.pk}")).to_contain_text("afgerond")
    assert WerkoverlegAfspraak.objects.get().afgerond_op == vandaag

    with page.expect_download() as info:
        page.get_by_role("link", name="Agenda (pdf)").click()
    download = info.value
    assert re.fullmatch(r"werkoverleg-agenda-Almere-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename)
    with open(download.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Werkoverleg").click()
    expect(page.get_by_role("row", name=re.compile("Almere"))).to_contain_text("1")
    screenshot("werkoverleg-lijst-1280")

    # The other side of the table: the klantmanager sees the meeting and, on the participant's page, the afspraak.
    page.context.clear_cookies()
    login_as(klantmanager)
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Werkoverleg").click()
    page.get_by_role("link", name=vandaag.strftime("%d-%m-%Y")).click()
    expect(page.locator(f"#deelnemer-{deelnemer.pk}")).to_contain_text("Aanmelden voor het werkfit-traject")
    page.goto(f"{live_server.url}/gemeente/deelnemers/{deelnemer.pk}/")
    expect(page.locator("main")).to_contain_text("Aanmelden voor het werkfit-traject")
    screenshot("werkoverleg-klantmanager-deelnemer-1280")
