"""In a real browser under the strict CSP: enrol an authenticator app via the QR code, and the beheerder's screens."""

import base64
import binascii

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def csp_errors(page):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    return errors


def test_enrol_totp_with_qr_code(settings, login_as, page, screenshot, coach, csp_errors):
    settings.MFA_VERPLICHT = True
    login_as(coach)
    assert "/account/two_factor/setup/" in page.url
    screenshot("mfa_1_welkom")
    page.get_by_role("button", name="Verder").click()
    page.wait_for_load_state()
    qr = page.locator("img.qr-code")
    qr.wait_for()
    assert page.evaluate("document.querySelector('img.qr-code').naturalWidth") > 0, "QR code did not load"
    screenshot("mfa_2_qr")
    secret = page.locator("code").first.inner_text().strip()
    device = TOTPDevice(key=binascii.hexlify(base64.b32decode(secret)).decode())
    code = str(totp(device.bin_key, step=30, t0=0, digits=6)).zfill(6)
    page.locator("[name='generator-token']").fill(code)
    page.get_by_role("button", name="Verder").click()
    page.wait_for_load_state()
    assert "Authenticator-app ingesteld" in page.content()
    screenshot("mfa_3_klaar")
    page.get_by_role("link", name="Reservecodes maken").click()
    page.get_by_role("button", name="Codes maken").click()
    page.wait_for_load_state()
    assert page.locator(".reservecodes li").count() >= 5
    screenshot("mfa_4_reservecodes")
    assert TOTPDevice.objects.filter(user=coach, confirmed=True).exists()
    assert not csp_errors, csp_errors


def test_beheerder_screens(login_as, page, screenshot, beheerder, coach, organisatie, csp_errors):
    login_as(beheerder)
    assert "/beheer/gebruikers/" in page.url
    screenshot("beheer_1_gebruikers")
    page.get_by_role("link", name="Nieuwe gebruiker").click()
    page.get_by_label("Gebruikersnaam").fill("nieuwe.collega")
    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Trajectbegeleider").check()
    page.get_by_label("Organisatie").select_option(label=organisatie.naam)
    screenshot("beheer_2_nieuw")
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_load_state()
    assert "/account/wachtwoord-instellen/" in page.locator("#link").input_value()
    screenshot("beheer_3_link")
    page.get_by_role("link", name="Naar nieuwe.collega").click()
    screenshot("beheer_4_detail")
    assert not csp_errors, csp_errors


def test_password_reset_page(live_server, page, screenshot, csp_errors):
    page.goto(f"{live_server.url}/account/wachtwoord-vergeten/")
    assert "Wachtwoord vergeten" in page.content()
    screenshot("wachtwoord_vergeten")
    assert not csp_errors, csp_errors


def test_login_with_code_and_profile(settings, login_as, page, screenshot, coach, csp_errors):
    settings.MFA_VERPLICHT = True
    device = TOTPDevice.objects.create(user=coach, name="default", confirmed=True)
    login_as(coach)
    page.get_by_label("Code van zes cijfers").wait_for()
    screenshot("mfa_5_code")
    page.get_by_label("Code van zes cijfers").fill(
        str(totp(device.bin_key, step=device.step, t0=device.t0, digits=6)).zfill(6))
    page.get_by_role("button", name="Verder").click()
    page.wait_for_load_state()
    assert "/caseload/" in page.url
    page.goto(page.url.split("/caseload/")[0] + "/account/two_factor/")
    assert "Tweestapsverificatie" in page.content()
    assert "uitzetten" not in page.content()
    screenshot("mfa_6_profiel")
    assert not csp_errors, csp_errors
