"""Samenvoegen in the browser: the coordinator opens the likely duplicates, merges a pair and lands on the dossier
that stays, which shows both trajecten (screenshots of the list and the confirmation page looked at by a human)."""

import pytest
from playwright.sync_api import expect

from clients.models import Deelnemer
from tests.browser.axe import controleer
from tests.factories import DeelnemerFactory
from tests.rapportage.helpers import traject


@pytest.mark.django_db(transaction=True)
def test_coordinator_merges_a_likely_duplicate(login_as, page, live_server, coordinator, coach, coach2, programma,
                                               screenshot):
    a = DeelnemerFactory(programma=programma, clientcode="TST-2025-0007", roepnaam="Mirela", geboortejaar=1998,
                         herkomstland="RO", begeleider=coach)
    b = DeelnemerFactory(programma=programma, clientcode="TST-2026-0031", roepnaam="Mirella", geboortejaar=1998,
                         herkomstland="RO", begeleider=coach2)
    DeelnemerFactory(programma=programma, clientcode="TST-2026-0040", roepnaam="Zsófia", geboortejaar=1990,
                     herkomstland="HU", bsn="123456782", begeleider=coach)
    DeelnemerFactory(programma=programma, clientcode="TST-2026-0041", roepnaam="Sofie", geboortejaar=1993,
                     herkomstland="NL", bsn="123456782", begeleider=coach2)
    traject(a, "2025-03-10", ("orientatie", "2025-03-24"), eind="2025-09-30")
    traject(b, "2026-02-03")
    login_as(coordinator)
    page.get_by_role("link", name="Aandacht").click()
    page.get_by_role("link", name="2 paren deelnemers lijken op elkaar").click()
    expect(page.get_by_role("heading", name="Mogelijke duplicaten")).to_be_visible()
    expect(page.get_by_text("roepnaam één letter anders, zelfde geboortejaar")).to_be_visible()
    expect(page.get_by_text("zelfde BSN", exact=True)).to_be_visible()
    screenshot("duplicaten-lijst")
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot("duplicaten-lijst-390")
    page.set_viewport_size({"width": 1280, "height": 800})
    controleer(page, "duplicaten")

    page.locator("tbody", has_text="Mirella").get_by_role("link", name="Samenvoegen…").click()
    expect(page.get_by_role("heading", name="Dossiers samenvoegen")).to_be_visible()
    expect(page.get_by_role("heading", name="TST-2025-0007 · Mirela")).to_be_visible()
    expect(page.get_by_role("heading", name="TST-2026-0031 · Mirella")).to_be_visible()
    page.get_by_label("TST-2026-0031 · Mirella blijft").check()
    screenshot("samenvoegen-bevestigen")
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot("samenvoegen-bevestigen-390")
    page.set_viewport_size({"width": 1280, "height": 800})
    controleer(page, "samenvoegen")
    page.get_by_role("button", name="Samenvoegen").click()

    expect(page).to_have_url(f"{live_server.url}/deelnemers/{b.pk}/")
    expect(page.get_by_text("TST-2025-0007 is samengevoegd met TST-2026-0031.")).to_be_visible()
    expect(page.get_by_text("10-03-2025").first).to_be_visible()
    expect(page.get_by_text("03-02-2026").first).to_be_visible()
    screenshot("samenvoegen-dossier-na")
    assert b.trajecten.count() == 2 and Deelnemer.objects.get(pk=a.pk).samengevoegd_met_id == b.pk
