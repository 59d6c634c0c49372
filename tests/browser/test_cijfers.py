"""The coordinator reads the figures of a year and downloads the export (screenshots for a human)."""

import datetime

import pytest

from rapportage.uitwisseling.importeren import historie_importeren
from tests.rapportage.test_uitwisseling import voorbeeld


@pytest.mark.django_db(transaction=True)
def test_coordinator_reads_figures(login_as, screenshot, coordinator, coach, live_server):
    data = voorbeeld()
    data["programma"]["organisaties"] = [coordinator.organisatie.naam]
    data["deelnemers"][0]["trajecten"][0].pop("organisatie", None)  # "Terwille" is not an organisation here
    historie_importeren(data=data, vandaag=datetime.date(2026, 1, 1))
    page = login_as(coordinator)
    page.goto(f"{live_server.url}/rapportage/?programma=flevoland&jaar=2024")
    assert page.get_by_role("heading", name="Plan en werkelijkheid").is_visible()
    assert page.get_by_role("row", name="Ingestroomd 2").first.is_visible()
    screenshot("cijfers")
    with page.expect_download() as download:
        page.get_by_role("link", name="Historie exporteren (JSON)").click()
    assert download.value.suggested_filename.startswith("flevoland-uitstap-import-")
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/rapportage/?programma=flevoland&jaar=2024")
    screenshot("cijfers-smal")
