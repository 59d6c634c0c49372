"""Round 2 finding 8: the Django admin changes no role or activity and shows no TOTP secret."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import GebruikerFactory
from uitstap.codes import Rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, organisatie):
    su = GebruikerFactory(username="root", rol=Rol.BEHEERDER, organisatie=organisatie, is_staff=True, is_superuser=True)
    client.force_login(su)
    return client


def test_admin_cannot_change_role_or_activity(superuser_client, coach, organisatie):
    url = reverse("admin:uitstap_gebruiker_change", args=[coach.pk])
    r = superuser_client.get(url)
    assert r.status_code == 200  # view only
    assert 'name="rol"' not in r.content.decode() and 'name="is_active"' not in r.content.decode()
    superuser_client.post(url, {"username": "coach1", "rol": Rol.COORDINATOR, "organisatie": organisatie.pk,
                                "is_active": "", "is_superuser": "on", "is_staff": "on"})
    coach.refresh_from_db()
    assert (coach.rol, coach.is_active, coach.is_staff, coach.is_superuser) == (Rol.TRAJECTBEGELEIDER, True, False, False)
    assert superuser_client.get(reverse("admin:uitstap_gebruiker_add")).status_code == 403
    wachtwoord = reverse("admin:auth_user_password_change", args=[coach.pk])
    assert superuser_client.post(wachtwoord, {"password1": "x" * 20, "password2": "x" * 20}).status_code == 403
    coach.refresh_from_db()
    assert coach.check_password("test-wachtwoord-2026")


def test_admin_shows_no_second_factor_secrets(superuser_client, coach):
    device = TOTPDevice.objects.create(user=coach, name="default", confirmed=True)
    assert not admin.site.is_registered(TOTPDevice) and not admin.site.is_registered(StaticDevice)
    html = superuser_client.get(reverse("admin:index")).content.decode()
    assert "otp_totp" not in html
    html = superuser_client.get(reverse("admin:uitstap_gebruiker_change", args=[coach.pk])).content.decode()
    assert device.key not in html
