"""django-axes: lockout per username + IP, a Dutch page, unlock by the beheerder, audited."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import WACHTWOORD, GebruikerFactory
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db


def wizard_login(client, username, password, ip="10.0.0.7"):
    return client.post(
        reverse("two_factor:login"),
        {"uitstap_login_view-current_step": "auth", "auth-username": username, "auth-password": password},
        REMOTE_ADDR=ip,
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


def test_good_password_logs_in(client, coach):
    response = wizard_login(client, "coach1", WACHTWOORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_five_failures_lock_user_x_not_user_y_on_same_ip(client, coach, coach2):
    for _ in range(5):
        response = wizard_login(client, "coach1", "fout-wachtwoord-123")
        assert not is_logged_in(client)
    # X is locked now, even with the right password.
    response = wizard_login(client, "coach1", WACHTWOORD)
    assert response.status_code == 429
    assert "geblokkeerd" in response.content.decode()
    assert not is_logged_in(client)
    # Y on the same IP is not.
    response = wizard_login(client, "coach2", WACHTWOORD)
    assert response.status_code == 302
    assert is_logged_in(client)
    attempt = AccessAttempt.objects.get()
    assert attempt.username == "coach1"
    assert AuditEvent.objects.filter(actie="lockout", gebruikersnaam="coach1").exists()
    assert AuditEvent.objects.filter(actie="login_failed", gebruikersnaam="coach1").count() >= 5


def test_four_failures_do_not_lock(client, coach):
    for _ in range(4):
        wizard_login(client, "coach1", "fout-wachtwoord-123")
    response = wizard_login(client, "coach1", WACHTWOORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_same_user_other_ip_not_locked(client, coach):
    for _ in range(5):
        wizard_login(client, "coach1", "fout-wachtwoord-123", ip="10.0.0.7")
    assert wizard_login(client, "coach1", WACHTWOORD, ip="10.0.0.7").status_code == 429
    assert wizard_login(client, "coach1", WACHTWOORD, ip="10.0.0.8").status_code == 302


def test_beheerder_unlocks(client, coach, beheerder):
    for _ in range(5):
        wizard_login(client, "coach1", "fout-wachtwoord-123")
    assert wizard_login(client, "coach1", WACHTWOORD).status_code == 429
    beheer = client.__class__()
    beheer.force_login(beheerder)
    detail = beheer.get(reverse("gebruiker_detail", args=[coach.pk]))
    assert "Blokkade opheffen" in detail.content.decode()
    response = beheer.post(reverse("gebruiker_deblokkeren", args=[coach.pk]))
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert AuditEvent.objects.filter(object_type="gebruiker.blokkade_opheffen", object_id=str(coach.pk)).exists()
    assert wizard_login(client, "coach1", WACHTWOORD).status_code == 302


def test_proxy_ip_setting(settings, rf):
    """Behind a proxy the client IP comes from X-Real-IP (set by the proxy); without one it is ignored."""
    from uitstap.middleware import client_ip

    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_REAL_IP", "REMOTE_ADDR"]
    request = rf.get("/", HTTP_X_REAL_IP="203.0.113.9", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "203.0.113.9"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
    request = rf.get("/", HTTP_X_REAL_IP="203.0.113.9", HTTP_X_FORWARDED_FOR="203.0.113.9", REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == "127.0.0.1"


def test_two_offices_behind_one_proxy_lock_separately(client, coach, settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_REAL_IP", "REMOTE_ADDR"]
    url = reverse("two_factor:login")
    data = {"uitstap_login_view-current_step": "auth", "auth-username": "coach1", "auth-password": "fout-wachtwoord-1"}
    for _ in range(5):
        client.post(url, data, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.1")
    data["auth-password"] = WACHTWOORD
    assert client.post(url, data, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.1").status_code == 429
    assert client.post(url, data, REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.2").status_code == 302


def test_deactivated_user_cannot_log_in(client):
    user = GebruikerFactory(username="oud", is_active=False)
    assert user.pk
    response = wizard_login(client, "oud", WACHTWOORD)
    assert response.status_code == 200
    assert not is_logged_in(client)
