"""Sessions: new key at login, logout by POST only, idle 30 min and absolute 10 h, deactivation ends them."""

import datetime

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.urls import reverse

from tests.factories import WACHTWOORD

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def wizard_login(client, username):
    return client.post(reverse("two_factor:login"), {
        "uitstap_login_view-current_step": "auth", "auth-username": username, "auth-password": WACHTWOORD,
    })


def test_new_session_key_at_login(client, coach):
    client.get(reverse("two_factor:login"))
    client.session.save()
    before = client.session.session_key
    assert wizard_login(client, "coach1").status_code == 302
    assert client.session.session_key != before


def test_logout_only_by_post(client, coach):
    client.force_login(coach)
    assert client.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in client.session
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_idle_timeout(client, coach):
    with time_machine.travel(START, tick=False) as traveller:
        wizard_login(client, "coach1")
        assert client.get(reverse("account")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("account")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=29))  # 29 minutes after the last request: still fine
        assert client.get(reverse("account")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=31))
        response = client.get(reverse("account"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("two_factor:login"))
        assert "_auth_user_id" not in client.session
        # The login page says why.
        assert "sessie is verlopen" in client.get(response["Location"]).content.decode()


def test_absolute_timeout_even_when_active(client, coach):
    with time_machine.travel(START, tick=False) as traveller:
        wizard_login(client, "coach1")
        for _ in range(23):  # 23 x 25 minutes = 9 h 35 min, always active
            traveller.shift(datetime.timedelta(minutes=25))
            assert client.get(reverse("account")).status_code == 200
        traveller.shift(datetime.timedelta(minutes=26))  # 10 h 1 min after login
        response = client.get(reverse("account"))
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session


def test_deactivating_ends_sessions(client, coach, beheerder):
    client.force_login(coach)
    assert client.get(reverse("account")).status_code == 200
    beheer = client.__class__()
    beheer.force_login(beheerder)
    response = beheer.post(reverse("gebruiker_deactiveren", args=[coach.pk]))
    assert response.status_code == 302
    coach.refresh_from_db()
    assert not coach.is_active
    assert not any(s.get_decoded().get("_auth_user_id") == str(coach.pk) for s in Session.objects.all())
    response = client.get(reverse("account"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:login"))
    # The beheerder's own session is untouched.
    assert beheer.get(reverse("gebruikers")).status_code == 200


def test_idle_timeout_on_htmx_request_reloads_the_page(client, coach):
    with time_machine.travel(START, tick=False) as traveller:
        wizard_login(client, "coach1")
        traveller.shift(datetime.timedelta(minutes=31))
        response = client.get(reverse("trajecten:caseload"), HTTP_HX_REQUEST="true",
                              HTTP_HX_CURRENT_URL="http://testserver/deelnemers/?pagina=2")
        assert response.status_code == 204
        assert response["HX-Redirect"] == reverse("two_factor:login") + "?next=%2Fdeelnemers%2F%3Fpagina%3D2"
