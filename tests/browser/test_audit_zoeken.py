"""The coordinator's audit search in the browser: a clientcode typed in lower case, and a search that finds more
than the page shows."""

import pytest
from playwright.sync_api import expect

from trajecten import services
from uitstap.views import audit as audit_views


@pytest.mark.django_db(transaction=True)
def test_coordinator_searches_the_audit_log_by_clientcode(login_as, page, live_server, deelnemer, coach, coordinator,
                                                         monkeypatch, screenshot):
    import datetime

    services.traject_starten(deelnemer=deelnemer, aanmelddatum=datetime.date.today(), door=coach)
    login_as(coach)
    for _ in range(3):
        page.goto(f"{live_server.url}/deelnemers/{deelnemer.pk}/")
    monkeypatch.setattr(audit_views, "AUDIT_ZOEK_MAX", 2)
    login_as(coordinator)
    page.get_by_role("link", name="Auditlog").click()
    page.get_by_label("Clientcode").fill(deelnemer.clientcode.lower())
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status")).to_contain_text("Meer dan 2 gebeurtenissen gevonden")
    rijen = page.locator("tbody tr")
    expect(rijen).to_have_count(2)
    expect(rijen.first).to_contain_text(deelnemer.clientcode)
    expect(rijen.first).to_contain_text(coach.username)
    screenshot("audit-zoeken-clientcode")
