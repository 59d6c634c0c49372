"""Every demo role logs in through the real form and sees its own start page."""

import pytest
from playwright.sync_api import expect

from tests.factories import GebruikerFactory
from uitstap.codes import Rol


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "rol,kop",
    [
        (Rol.TRAJECTBEGELEIDER, "Mijn caseload"),
        (Rol.COORDINATOR, "Wat aandacht vraagt"),
        (Rol.KLANTMANAGER, "Gedeelde deelnemers"),
        (Rol.BEHEERDER, "Gebruikers"),
    ],
)
def test_each_role_lands_on_its_start_page(login_as, page, programma, organisatie, gemeente, rol, kop, screenshot):
    user = GebruikerFactory(
        username=f"demo-{rol}", rol=rol,
        organisatie=None if rol == Rol.KLANTMANAGER else organisatie,
        gemeente=gemeente if rol == Rol.KLANTMANAGER else None,
    )
    login_as(user)
    expect(page.get_by_role("heading", level=1)).to_have_text(kop)
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    screenshot(f"start-{rol}")


@pytest.mark.django_db(transaction=True)
def test_login_page_is_dutch_and_styled(live_server, page, screenshot):
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "nl"
    # Bootstrap is served by the app itself: the primary button is not unstyled.
    bg = page.get_by_role("button", name="Inloggen").evaluate("b => getComputedStyle(b).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "rgb(239, 239, 239)")
    screenshot("login")
