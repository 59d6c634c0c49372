"""MFA (django-otp + two-factor): required on every protected URL (admin included), codes work once."""

import base64
import binascii
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import WACHTWOORD
from tests.security.urlwalk import concrete, routes
from uitstap.middleware import MFA_EXEMPT
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db

PROTECTED = [(name, concrete(route)) for name, route in routes() if name not in MFA_EXEMPT]
ADMIN_URLS = ["/admin/", "/admin/uitstap/gebruiker/", "/admin/uitstap/gebruiker/1/change/", "/admin/login/"]
LOGIN = "uitstap_login_view-current_step"


def code_for(device: TOTPDevice) -> str:
    return str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)).zfill(
        device.digits
    )


@pytest.fixture
def totp_device(coordinator):
    return TOTPDevice.objects.create(user=coordinator, name="default", confirmed=True)


def test_mfa_is_the_production_default():
    """settings_test switches it off for the other tests; production (no DEMO, no DEBUG) has it on."""
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "import uitstap.urls; from django.contrib import admin; "
         "print(settings.MFA_VERPLICHT, admin.site.__class__.__name__)"],
        capture_output=True, text=True, timeout=120, cwd=django_settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "uitstap.settings", "SECRET_KEY": "x" * 60,
             "AUDIT_SLEUTEL": "y" * 40,
             "DATABASE_URL": "sqlite:////tmp/uitstap-mfa-default.sqlite3"},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "AdminSiteOTPRequired"]


@override_settings(MFA_VERPLICHT=True)
@pytest.mark.parametrize("name,url", PROTECTED + [("admin", u) for u in ADMIN_URLS],
                         ids=[n or u for n, u in PROTECTED] + ADMIN_URLS)
def test_without_second_factor_every_url_goes_to_setup(client, coordinator, name, url):
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 302, f"{url} answered {response.status_code}"
    assert response["Location"] == reverse("two_factor:setup")


@override_settings(MFA_VERPLICHT=True)
@pytest.mark.parametrize("url", ["/", "/deelnemers/", "/beheer/gebruikers/", "/account/"] + ADMIN_URLS)
def test_with_device_but_unverified_session_goes_to_token_step(client, coordinator, totp_device, url):
    coordinator.is_staff = coordinator.is_superuser = True
    coordinator.save()
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:login"))
    assert "_auth_user_id" not in client.session


@override_settings(MFA_VERPLICHT=True)
def test_admin_protected_for_unverified_superuser(client, coordinator):
    coordinator.is_staff = coordinator.is_superuser = True
    coordinator.save()
    client.force_login(coordinator)
    response = client.get("/admin/uitstap/gebruiker/")
    assert response.status_code == 302
    assert response["Location"] == reverse("two_factor:setup")


@override_settings(MFA_VERPLICHT=True)
def test_post_is_blocked_too(client, coordinator, deelnemer):
    client.force_login(coordinator)
    response = client.post(reverse("trajecten:persoonsgegevens", args=[deelnemer.pk]), {"roepnaam": "Gewijzigd"})
    assert response.status_code == 302
    deelnemer.refresh_from_db()
    assert deelnemer.roepnaam != "Gewijzigd"


@override_settings(MFA_VERPLICHT=True)
def test_full_login_with_totp_and_code_works_once(client, coordinator, totp_device):
    url = reverse("two_factor:login")
    response = client.post(url, {LOGIN: "auth", "auth-username": "coord", "auth-password": WACHTWOORD})
    assert response.status_code == 200
    assert "authenticator-app" in response.content.decode()
    assert "_auth_user_id" not in client.session  # the password alone does not log in
    code = code_for(totp_device)
    response = client.post(url, {LOGIN: "token", "token-otp_token": code})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert client.get(reverse("account")).status_code == 200

    # The same code a second time (a new login) is refused.
    client.post(reverse("logout"))
    other = client.__class__()
    other.post(url, {LOGIN: "auth", "auth-username": "coord", "auth-password": WACHTWOORD})
    response = other.post(url, {LOGIN: "token", "token-otp_token": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in other.session
    assert AuditEvent.objects.filter(actie="mfa_failed", gebruikersnaam="coord").exists()


@override_settings(MFA_VERPLICHT=True)
def test_bad_codes_are_throttled_and_logged(client, coordinator, totp_device):
    url = reverse("two_factor:login")
    client.post(url, {LOGIN: "auth", "auth-username": "coord", "auth-password": WACHTWOORD})
    good = code_for(totp_device)
    bad = "000000" if good != "000000" else "111111"
    response = client.post(url, {LOGIN: "token", "token-otp_token": bad})
    assert response.status_code == 200
    totp_device.refresh_from_db()
    assert totp_device.throttling_failure_count == 1
    # Right after a failure even the right code is refused (throttled), and nothing logs in.
    response = client.post(url, {LOGIN: "token", "token-otp_token": good})
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(actie="mfa_failed", gebruikersnaam="coord").count() == 2


@override_settings(MFA_VERPLICHT=True)
def test_backup_code_works_once(client, coordinator, totp_device):
    static = StaticDevice.objects.create(user=coordinator, name="backup", confirmed=True)
    static.token_set.create(token="reserve01")
    url = reverse("two_factor:login")
    client.post(url, {LOGIN: "auth", "auth-username": "coord", "auth-password": WACHTWOORD})
    client.post(url, {"wizard_goto_step": "backup", LOGIN: "token"})
    response = client.post(url, {LOGIN: "backup", "backup-otp_token": "reserve01"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert not static.token_set.exists()


@override_settings(MFA_VERPLICHT=True)
def test_enrolment_with_qr_code(client, coordinator):
    """A user without a device logs in with a password, is sent to setup, scans the QR code, enters a code."""
    url = reverse("two_factor:login")
    response = client.post(url, {LOGIN: "auth", "auth-username": "coord", "auth-password": WACHTWOORD})
    assert response.status_code == 302
    response = client.get(reverse("trajecten:deelnemers"))
    assert response["Location"] == reverse("two_factor:setup")
    setup = reverse("two_factor:setup")
    response = client.get(setup)
    assert response.status_code == 200
    assert "Authenticator-app instellen" in response.content.decode()
    response = client.post(setup, {"setup_view-current_step": "welcome"})
    html = response.content.decode()
    assert reverse("two_factor:qr") in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    qr = client.get(reverse("two_factor:qr"))
    assert qr.status_code == 200
    assert qr["Content-Type"].startswith("image/svg+xml")
    key = client.session["django_two_factor-qr_secret_key"]
    device = TOTPDevice(key=binascii.hexlify(base64.b32decode(key)).decode())
    response = client.post(setup, {"setup_view-current_step": "generator", "generator-token": code_for(device)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()
    assert client.get(reverse("trajecten:deelnemers")).status_code == 200
    response = client.get(reverse("two_factor:backup_tokens"))
    assert response.status_code == 200
    assert "Reservecodes" in response.content.decode()


@override_settings(MFA_VERPLICHT=True)
def test_second_factor_cannot_be_switched_off(client, coordinator, totp_device):
    client.force_login(coordinator)
    response = client.get(reverse("two_factor:disable"))
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=coordinator).exists()


@override_settings(MFA_VERPLICHT=False)
def test_demo_without_mfa_says_so_on_login_page(client):
    response = client.get(reverse("two_factor:login"))
    assert "tweede inlogstap" in response.content.decode()
