"""Account management by the beheerder, the one-time set-password link and password reset."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from uitstap import urls_beheer
from uitstap.codes import Rol
from uitstap.models import AuditEvent, Gebruiker

pytestmark = pytest.mark.django_db

NIEUW_WACHTWOORD = "paarse olifant fietst langzaam"


@pytest.fixture
def beheer(client, beheerder):
    client.force_login(beheerder)
    return client


@pytest.fixture
def beheer2(organisatie):
    """The second person of four eyes: another beheerder, with a client of their own."""
    from django.test import Client

    from tests.factories import GebruikerFactory

    tweede = Client()
    tweede.force_login(GebruikerFactory(username="beheer2", rol=Rol.BEHEERDER, organisatie=organisatie))
    return tweede


def keur_goed(tweede, gebruiker):
    from uitstap.models import Accountverzoek

    verzoek = Accountverzoek.objects.get(gebruiker=gebruiker, status="open")
    return tweede.post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk]))


def link_from(html):
    return re.search(r'value="(http://testserver/account/wachtwoord-instellen/[^"]+)"', html).group(1)


def test_other_roles_cannot_manage_accounts(client, coordinator, coach):
    for user in (coordinator, coach):
        client.force_login(user)
        assert client.get(reverse("gebruikers")).status_code == 403
        assert client.get(reverse("gebruiker_nieuw")).status_code == 403
        assert client.post(reverse("gebruiker_deactiveren", args=[coach.pk])).status_code == 403
    coach.refresh_from_db()
    assert coach.is_active


def test_beheerder_sees_no_dossier_content(beheer, deelnemer):
    assert beheer.get(reverse("trajecten:deelnemers")).status_code in (403, 404)
    assert beheer.get(reverse("trajecten:dossier", args=[deelnemer.pk])).status_code in (403, 404)
    html = beheer.get(reverse("gebruikers")).content.decode()
    assert deelnemer.roepnaam not in html


def test_create_user_and_one_time_link(beheer, organisatie, client):
    response = beheer.post(reverse("gebruiker_nieuw"), {
        "username": "nieuwe.coach", "first_name": "Noor", "last_name": "Visser", "email": "noor@example.org",
        "rol": Rol.TRAJECTBEGELEIDER, "organisatie": organisatie.pk,
    })
    assert response.status_code == 200
    user = Gebruiker.objects.get(username="nieuwe.coach")
    assert not user.has_usable_password()
    assert user.rol == Rol.TRAJECTBEGELEIDER and user.organisatie == organisatie
    assert AuditEvent.objects.filter(actie="create", object_type="gebruiker", object_id=str(user.pk)).exists()
    assert len(mail.outbox) == 1 and "noor@example.org" in mail.outbox[0].to
    # Mailed, so not also on the screen.
    link = re.search(r"(http://testserver/account/wachtwoord-instellen/\S+)", mail.outbox[0].body).group(1)
    assert link not in response.content.decode()

    anon = client.__class__()
    response = anon.get(link)
    assert response.status_code == 302  # Django swaps the token for a session marker
    form_url = response["Location"]
    response = anon.post(form_url, {"new_password1": "kort", "new_password2": "kort"})
    assert response.status_code == 200
    assert "Er is een probleem" in response.content.decode()
    response = anon.post(form_url, {"new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in anon.session  # setting a password never logs in
    user.refresh_from_db()
    assert user.check_password(NIEUW_WACHTWOORD)
    # The link works once.
    again = client.__class__()
    response = again.get(link, follow=True)
    assert "werkt niet (meer)" in response.content.decode()


def test_klantmanager_needs_gemeente(beheer, organisatie, gemeente):
    data = {"username": "km2", "rol": Rol.KLANTMANAGER}
    response = beheer.post(reverse("gebruiker_nieuw"), data)
    assert response.status_code == 200
    assert "gemeente" in response.content.decode()
    assert not Gebruiker.objects.filter(username="km2").exists()
    data["gemeente"] = gemeente.pk
    response = beheer.post(reverse("gebruiker_nieuw"), data)
    assert Gebruiker.objects.get(username="km2").gemeente == gemeente


def test_duplicate_username_refused(beheer, coach, organisatie):
    response = beheer.post(reverse("gebruiker_nieuw"), {
        "username": "COACH1", "rol": Rol.TRAJECTBEGELEIDER, "organisatie": organisatie.pk,
    })
    assert "bestaat al" in response.content.decode()
    assert Gebruiker.objects.filter(username__iexact="coach1").count() == 1


def test_change_role_ends_sessions_and_is_audited(beheer, beheer2, coach, organisatie, client):
    other = client.__class__()
    other.force_login(coach)
    response = beheer.post(reverse("gebruiker_bewerken", args=[coach.pk]), {
        "first_name": coach.first_name, "last_name": coach.last_name, "email": "",
        "rol": Rol.COORDINATOR, "organisatie": organisatie.pk,
    })
    assert response.status_code == 302
    coach.refresh_from_db()
    assert coach.rol == Rol.TRAJECTBEGELEIDER  # raising to coordinator waits for a second person
    assert other.get(reverse("account")).status_code == 200
    assert keur_goed(beheer2, coach).status_code == 302
    coach.refresh_from_db()
    assert coach.rol == Rol.COORDINATOR
    assert AuditEvent.objects.filter(object_type="gebruiker.rol", object_id=str(coach.pk)).exists()
    assert other.get(reverse("account")).status_code == 302


def test_cannot_deactivate_or_demote_yourself(beheer, beheerder, organisatie):
    beheer.post(reverse("gebruiker_deactiveren", args=[beheerder.pk]))
    beheerder.refresh_from_db()
    assert beheerder.is_active
    beheer.post(reverse("gebruiker_bewerken", args=[beheerder.pk]), {
        "rol": Rol.TRAJECTBEGELEIDER, "organisatie": organisatie.pk,
    })
    beheerder.refresh_from_db()
    assert beheerder.rol == Rol.BEHEERDER


def test_deactivate_and_reactivate_never_delete(beheer, beheer2, coach):
    beheer.post(reverse("gebruiker_deactiveren", args=[coach.pk]))
    coach.refresh_from_db()
    assert not coach.is_active
    assert AuditEvent.objects.filter(object_type="gebruiker.deactiveren", object_id=str(coach.pk)).exists()
    html = beheer.get(reverse("gebruikers")).content.decode()
    assert "coach1" in html and "gedeactiveerd" in html
    beheer.post(reverse("gebruiker_activeren", args=[coach.pk]))
    coach.refresh_from_db()
    assert not coach.is_active  # re-activation waits for a second person
    keur_goed(beheer2, coach)
    coach.refresh_from_db()
    assert coach.is_active
    # No route deletes an account.
    assert not any("verwijder" in str(p.pattern) for p in urls_beheer.urlpatterns)


def test_reset_second_factor(beheer, beheer2, coach, client):
    TOTPDevice.objects.create(user=coach, name="default", confirmed=True)
    StaticDevice.objects.create(user=coach, name="backup", confirmed=True).token_set.create(token="abc12345")
    other = client.__class__()
    other.force_login(coach)
    assert "Tweede factor resetten" in beheer.get(reverse("gebruiker_detail", args=[coach.pk])).content.decode()
    response = beheer.post(reverse("gebruiker_tweede_factor_resetten", args=[coach.pk]))
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=coach).exists()  # asked for, not done
    assert keur_goed(beheer2, coach).status_code == 302
    assert not TOTPDevice.objects.filter(user=coach).exists()
    assert not StaticDevice.objects.filter(user=coach).exists()
    assert AuditEvent.objects.filter(object_type="gebruiker.tweede_factor_reset", object_id=str(coach.pk)).exists()
    assert not any(s.get_decoded().get("_auth_user_id") == str(coach.pk) for s in Session.objects.all())


def test_actions_are_post_only(beheer, coach):
    for name in ("gebruiker_deactiveren", "gebruiker_activeren", "gebruiker_tweede_factor_resetten",
                 "gebruiker_deblokkeren", "gebruiker_wachtwoordlink"):
        assert beheer.get(reverse(name, args=[coach.pk])).status_code == 405


def test_new_link_for_existing_user(beheer, beheer2, coach):
    coach.email = "coach@example.org"
    coach.save()
    response = beheer.post(reverse("gebruiker_wachtwoordlink", args=[coach.pk]), follow=True)
    assert "wachtwoord-instellen" not in response.content.decode()  # never on screen for an account in use
    assert len(mail.outbox) == 1 and "wachtwoord-instellen" not in mail.outbox[0].body  # told: asked for
    keur_goed(beheer2, coach)
    assert "wachtwoord-instellen" in mail.outbox[-1].body and mail.outbox[-1].to == ["coach@example.org"]
    assert AuditEvent.objects.filter(object_type="gebruiker.wachtwoordlink", object_id=str(coach.pk)).exists()


@override_settings(MFA_VERPLICHT=True)
def test_password_reset_never_logs_in_nor_skips_mfa(client, coach):
    coach.email = "coach@example.org"
    coach.save()
    device = TOTPDevice.objects.create(user=coach, name="default", confirmed=True)
    response = client.post(reverse("password_reset"), {"email": "coach@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/account/wachtwoord-instellen/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("account")).status_code == 302
    # Logging in with the new password still asks for the code.
    response = client.post(reverse("two_factor:login"), {
        "uitstap_login_view-current_step": "auth", "auth-username": "coach1", "auth-password": NIEUW_WACHTWOORD,
    })
    assert response.status_code == 200
    assert "token-otp_token" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert device.pk


def test_password_reset_pages_are_dutch(client):
    html = client.get(reverse("password_reset")).content.decode()
    assert "Wachtwoord vergeten" in html and "Link versturen" in html
    response = client.post(reverse("password_reset"), {"email": "onbekend@example.org"})
    assert response.status_code == 302  # no hint whether the address exists
    assert len(mail.outbox) == 0
