"""A coach in the browser: adds a meting, drafts a plan with two SMART goals and a sub-goal, signs it, downloads the PDF."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from trajecten import services
from trajecten.models import Doel, Meting, Trajectplan


@pytest.mark.django_db(transaction=True)
def test_coach_draws_up_signs_and_prints_a_trajectplan(login_as, page, live_server, deelnemer, coach, screenshot):
    vandaag = datetime.date.today()
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=40), door=coach)
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=vandaag - datetime.timedelta(days=30), door=coach)
    login_as(coach)
    page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/")
    page.get_by_role("link", name="Trajectplan", exact=True).click()
    expect(page.get_by_text("Nog geen trajectplan voor dit traject.")).to_be_visible()

    # A meting: the participant scores four leefgebieden.
    page.get_by_role("link", name="Meting toevoegen").click()
    page.get_by_label("Huisvesting").fill("4")
    page.get_by_label("Financiën").fill("2")
    page.get_by_label("Werk en dagbesteding").fill("3")
    page.get_by_label("Zingeving").fill("6")
    page.get_by_role("button", name="Meting opslaan").click()
    expect(page.get_by_text("Meting vastgelegd.")).to_be_visible()
    expect(page.locator("table.meting-tabel")).to_contain_text("Financiën")
    expect(page.get_by_role("img", name="Radargrafiek")).to_be_visible()

    # Draft the plan.
    page.get_by_role("link", name="Trajectplan opstellen").first.click()
    page.get_by_role("button", name="Plan opstellen").click()
    expect(page.get_by_text("Trajectplan opgesteld (concept)")).to_be_visible()

    # A goal without indicator is refused in plain Dutch, the input is kept.
    streef = (vandaag + datetime.timedelta(days=120)).isoformat()
    page.get_by_role("link", name="Doel toevoegen").first.click()
    page.get_by_label("Leefgebied").select_option("financien")
    page.get_by_label("S – specifiek").fill("Ik heb een betalingsregeling voor mijn schulden.")
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("T – tijdgebonden").fill(streef)
    screenshot("trajectplan-doel-form")
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_role("heading", name="Er is een probleem")).to_be_visible()
    expect(page.get_by_text("Zonder meetbare aanwijzing kan het doel niet worden opgeslagen.").first).to_be_visible()
    expect(page.get_by_label("S – specifiek")).to_have_value("Ik heb een betalingsregeling voor mijn schulden.")
    page.get_by_label("M – meetbaar").fill("Getekende regeling met de schuldhulpverlening")
    page.get_by_label("Startscore (optioneel)").fill("2")
    page.get_by_label("Doelscore (optioneel)").fill("6")
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text("Doel toegevoegd.")).to_be_visible()

    page.get_by_role("link", name="Doel toevoegen").first.click()
    page.get_by_label("Leefgebied").select_option("werk_dagbesteding")
    page.get_by_label("S – specifiek").fill("Ik werk twee dagdelen per week als vrijwilliger.")
    page.get_by_label("M – meetbaar").fill("Vrijwilligersovereenkomst getekend")
    page.get_by_label("Ja", exact=True).check()
    page.get_by_label("T – tijdgebonden").fill(streef)
    page.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text("Doel toegevoegd.")).to_be_visible()

    # A sub-goal under the first goal.
    page.get_by_role("link", name="Subdoel toevoegen bij Ik heb een betalingsregeling").click()
    page.get_by_label("Wat is de stap?").fill("Aanmelden bij de schuldhulpverlening")
    page.get_by_label("Waaraan zien jullie dat de stap gezet is?").fill("Intakegesprek gepland")
    page.get_by_label("Streefdatum").fill((vandaag + datetime.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Subdoel opslaan").click()
    expect(page.get_by_text("Subdoel toegevoegd.")).to_be_visible()
    expect(page.get_by_role("heading", name="Financiën")).to_be_visible()
    expect(page.get_by_role("heading", name="Werk en dagbesteding")).to_be_visible()
    expect(page.locator(".subdoelen")).to_contain_text("Aanmelden bij de schuldhulpverlening")
    screenshot("trajectplan-concept")

    # Sign: the version becomes active and read-only; "Nieuwe versie" replaces the edit buttons.
    page.get_by_role("link", name="Ondertekenen", exact=True).click()
    expect(page.get_by_text("kan deze versie niet meer worden gewijzigd")).to_be_visible()
    page.get_by_role("button", name="Ondertekening vastleggen").click()
    expect(page.get_by_text("Versie 1 ondertekend. Het plan is nu actief.")).to_be_visible()
    expect(page.locator("#plan-titel")).to_contain_text("Actief (ondertekend)")
    expect(page.get_by_role("link", name="Nieuwe versie")).to_be_visible()
    expect(page.get_by_role("link", name="Doel toevoegen")).to_have_count(0)
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot("trajectplan-tab")

    # Download the PDF for signing.
    with page.expect_download() as info:
        page.get_by_role("link", name="Print voor ondertekening (pdf)").click()
    download = info.value
    assert download.suggested_filename == f"trajectplan-{deelnemer.clientcode}-v1.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF")

    plan = Trajectplan.objects.get()
    assert plan.status == Trajectplan.Status.ACTIEF and plan.ondertekend_op == vandaag
    assert Doel.objects.filter(ouder__isnull=True).count() == 2 and Doel.objects.filter(ouder__isnull=False).count() == 1
    assert Meting.objects.get().scores.count() == 4

    # At 390 px the tab has no horizontal page scroll.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot("trajectplan-tab-390")
