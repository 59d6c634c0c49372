"""Round 2 finding 1 (SECURITY.md 39): no single beheerder can take over an account; four eyes, told, audited."""

import datetime
import re
import smtplib

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import GebruikerFactory, OrganisatieFactory
from uitstap.codes import Rol
from uitstap.models import Accountverzoek, AuditEvent, Gebruiker

pytestmark = pytest.mark.django_db

WACHTWOORD_C = "coordinator wachtwoord blijft"
LINK = re.compile(r"(http://testserver/account/wachtwoord-instellen/\S+)")


@pytest.fixture
def slachtoffer(organisatie, deelnemer):
    """The coordinator whose account an attacker wants: password, authenticator app, e-mail address."""
    c = GebruikerFactory(username="coord_c", rol=Rol.COORDINATOR, organisatie=organisatie, email="c@example.org")
    c.set_password(WACHTWOORD_C)
    c.save()
    TOTPDevice.objects.create(user=c, name="default", confirmed=True)
    return c


def _als(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def a(beheerder):
    return _als(beheerder)


@pytest.fixture
def beheerder_b(organisatie):
    return GebruikerFactory(username="beheer_b", rol=Rol.BEHEERDER, organisatie=organisatie)


def _verzoeken(gebruiker):
    return Accountverzoek.objects.filter(gebruiker=gebruiker, status="open")


def _schermen_en_mails(responses):
    return " ".join(r.content.decode() for r in responses) + " ".join(m.body for m in mail.outbox)


def test_one_beheerder_cannot_take_over_an_account(a, beheerder, slachtoffer, organisatie):
    """The probe's path: reset the second factor, empty the e-mail, make a link, set a password, log in."""
    gezien = [
        a.post(reverse("gebruiker_tweede_factor_resetten", args=[slachtoffer.pk]), follow=True),
        a.post(reverse("gebruiker_bewerken", args=[slachtoffer.pk]), {
            "first_name": "", "last_name": "", "email": "", "rol": Rol.COORDINATOR, "organisatie": organisatie.pk,
        }, follow=True),
        a.post(reverse("gebruiker_wachtwoordlink", args=[slachtoffer.pk]), follow=True),
    ]
    # An address of the attacker's choosing: only a request, the link never leaves before a second person.
    gezien.append(a.post(reverse("gebruiker_bewerken", args=[slachtoffer.pk]), {
        "email": "aanvaller@example.org", "rol": Rol.COORDINATOR, "organisatie": organisatie.pk}, follow=True))
    gezien.append(a.post(reverse("gebruiker_wachtwoordlink", args=[slachtoffer.pk]), follow=True))
    # Approving one's own requests is refused, on screen and in the service.
    for verzoek in _verzoeken(slachtoffer):
        gezien.append(a.post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk]), follow=True))
    # A brand-new coordinator account of one's own does not work either.
    gezien.append(a.post(reverse("gebruiker_nieuw"), {
        "username": "nep.coord", "rol": Rol.COORDINATOR, "organisatie": organisatie.pk}, follow=True))
    nep = Gebruiker.objects.get(username="nep.coord")
    gezien.append(a.post(reverse("accountverzoek_goedkeuren", args=[_verzoeken(nep).get().pk]), follow=True))

    slachtoffer.refresh_from_db()
    nep.refresh_from_db()
    assert TOTPDevice.objects.filter(user=slachtoffer).exists()
    assert slachtoffer.check_password(WACHTWOORD_C)
    assert not nep.is_active and not nep.has_usable_password()
    assert not LINK.search(_schermen_en_mails(gezien)), "a password link reached the beheerder"
    assert "een tweede persoon" in gezien[-1].content.decode()
    # The victim was told, at the address the account had.
    assert any("c@example.org" in m.to and "tweede factor" in m.body for m in mail.outbox)
    assert any("c@example.org" in m.to and "e-mailadres" in m.body for m in mail.outbox)


def test_with_a_second_approval_the_recovery_works_and_both_are_in_the_audit_log(
        a, beheerder, beheerder_b, slachtoffer, organisatie, deelnemer):
    slachtoffer.email = "c.nieuw@example.org"
    slachtoffer.save()
    a.post(reverse("gebruiker_tweede_factor_resetten", args=[slachtoffer.pk]))
    a.post(reverse("gebruiker_wachtwoordlink", args=[slachtoffer.pk]))
    b = _als(beheerder_b)
    html = b.get(reverse("accountverzoeken")).content.decode()
    assert "Tweede factor resetten" in html and "Wachtwoordlink sturen" in html and "beheer" in html
    for verzoek in _verzoeken(slachtoffer).order_by("id"):
        assert b.post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk])).status_code == 302
    assert not TOTPDevice.objects.filter(user=slachtoffer).exists()
    link_mails = [m for m in mail.outbox if LINK.search(m.body)]
    assert [m.to for m in link_mails] == [["c.nieuw@example.org"]]
    # The user sets a password through the mailed link and logs in, then enrols a new app.
    anon = Client()
    form_url = anon.get(LINK.search(link_mails[0].body).group(1).replace("http://testserver", ""))["Location"]
    nieuw = "een heel nieuw wachtwoord 2026"
    assert anon.post(form_url, {"new_password1": nieuw, "new_password2": nieuw}).status_code == 302
    r = anon.post(reverse("two_factor:login"), {
        "uitstap_login_view-current_step": "auth", "auth-username": "coord_c", "auth-password": nieuw})
    assert r.status_code == 302 and anon.session["_auth_user_id"] == str(slachtoffer.pk)
    assert anon.get(reverse("trajecten:dossier", args=[deelnemer.pk])).status_code == 200
    # Both names in the audit log: the request by A, the execution by B with A named.
    for object_type in ("gebruiker.tweede_factor_reset", "gebruiker.wachtwoordlink"):
        e = AuditEvent.objects.get(object_type=object_type, object_id=str(slachtoffer.pk))
        assert e.gebruikersnaam == "beheer_b" and "beheer" in e.grondslag and "beheer_b" in e.grondslag
    assert AuditEvent.objects.filter(gebruikersnaam="beheer", object_type="accountverzoek.tweede_factor").exists()
    assert any("c.nieuw@example.org" in m.to and "beheer_b" in m.body for m in mail.outbox)


def test_the_accounts_coordinator_may_approve_a_coach_reset_another_organisation_may_not(
        a, coach, coordinator, andere_organisatie):
    TOTPDevice.objects.create(user=coach, name="default", confirmed=True)
    a.post(reverse("gebruiker_tweede_factor_resetten", args=[coach.pk]))
    verzoek = _verzoeken(coach).get()
    vreemde = GebruikerFactory(username="coord_vreemd", rol=Rol.COORDINATOR, organisatie=andere_organisatie)
    assert _als(vreemde).post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk])).status_code == 404
    assert _als(coach).post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk])).status_code == 403
    assert TOTPDevice.objects.filter(user=coach).exists()
    assert _als(coordinator).post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk])).status_code == 302
    assert not TOTPDevice.objects.filter(user=coach).exists()


def test_a_coordinator_cannot_approve_a_new_beheerder(a, coordinator, organisatie, beheerder_b):
    a.post(reverse("gebruiker_nieuw"), {"username": "nieuwe.beheerder", "rol": Rol.BEHEERDER,
                                        "organisatie": organisatie.pk})
    nieuw = Gebruiker.objects.get(username="nieuwe.beheerder")
    verzoek = _verzoeken(nieuw).get()
    assert _als(coordinator).post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk])).status_code == 404
    nieuw.refresh_from_db()
    assert not nieuw.is_active
    r = _als(beheerder_b).post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk]))
    nieuw.refresh_from_db()
    assert nieuw.is_active
    # A brand-new account without e-mail: the approver passes the link on, once.
    assert r.status_code == 200 and LINK.search(r.content.decode())


def test_a_request_expires_after_24_hours(a, beheerder_b, slachtoffer):
    a.post(reverse("gebruiker_tweede_factor_resetten", args=[slachtoffer.pk]))
    verzoek = _verzoeken(slachtoffer).get()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=25)):
        r = _als(beheerder_b).post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk]), follow=True)
    assert "verlopen" in r.content.decode()
    assert TOTPDevice.objects.filter(user=slachtoffer).exists()


def test_raising_a_role_and_reactivating_need_approval(a, beheerder_b, coach, organisatie):
    a.post(reverse("gebruiker_bewerken", args=[coach.pk]), {"rol": Rol.BEHEERDER})
    coach.refresh_from_db()
    assert coach.rol == Rol.TRAJECTBEGELEIDER
    a.post(reverse("gebruiker_deactiveren", args=[coach.pk]))
    a.post(reverse("gebruiker_activeren", args=[coach.pk]))
    coach.refresh_from_db()
    assert not coach.is_active
    b = _als(beheerder_b)
    for verzoek in _verzoeken(coach):
        b.post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk]))
    coach.refresh_from_db()
    assert coach.is_active and coach.rol == Rol.BEHEERDER


def _kapotte_mail(*args, **kwargs):
    raise smtplib.SMTPException("server weg")


def test_mail_failure_on_approval_rolls_back_with_a_dutch_message(a, beheerder_b, slachtoffer, monkeypatch):
    a.post(reverse("gebruiker_tweede_factor_resetten", args=[slachtoffer.pk]))
    verzoek = _verzoeken(slachtoffer).get()
    monkeypatch.setattr("uitstap.services_accounts.send_mail", _kapotte_mail)
    r = _als(beheerder_b).post(reverse("accountverzoek_goedkeuren", args=[verzoek.pk]), follow=True)
    assert r.status_code == 200 and "kon niet worden verstuurd" in r.content.decode()
    assert TOTPDevice.objects.filter(user=slachtoffer).exists()
    verzoek.refresh_from_db()
    assert verzoek.status == "open"


def test_mail_failure_on_an_invitation_link_is_no_500(a, organisatie, monkeypatch):
    """Finding 12: the mail failure used to be a 500 after the step was already saved."""
    nieuw = GebruikerFactory(username="nog.niet", rol=Rol.TRAJECTBEGELEIDER, organisatie=organisatie,
                             email="nn@example.org")
    nieuw.set_unusable_password()
    nieuw.save()
    monkeypatch.setattr("uitstap.services_accounts.send_mail", _kapotte_mail)
    r = a.post(reverse("gebruiker_wachtwoordlink", args=[nieuw.pk]), follow=True)
    assert r.status_code == 200 and "kon niet worden verstuurd" in r.content.decode()
    assert not AuditEvent.objects.filter(object_type="gebruiker.wachtwoordlink").exists()
    assert not LINK.search(r.content.decode())
    # Creating an account whose mail fails leaves no account behind either.
    r = a.post(reverse("gebruiker_nieuw"), {"username": "mailt.niet", "email": "x@example.org",
                                            "rol": Rol.TRAJECTBEGELEIDER, "organisatie": organisatie.pk})
    assert "kon niet worden verstuurd" in r.content.decode()
    assert not Gebruiker.objects.filter(username="mailt.niet").exists()


def test_no_link_on_screen_later_for_an_account_without_e_mail(a, organisatie):
    nieuw = GebruikerFactory(username="zonder.mail", rol=Rol.TRAJECTBEGELEIDER, organisatie=organisatie, email="")
    nieuw.set_unusable_password()
    nieuw.save()
    r = a.post(reverse("gebruiker_wachtwoordlink", args=[nieuw.pk]), follow=True)
    assert not LINK.search(r.content.decode()) and "geen e-mailadres" in r.content.decode()


def test_coordinator_sees_no_other_organisations_requests(a, coordinator, andere_organisatie):
    vreemd = GebruikerFactory(username="coach_vreemd", rol=Rol.TRAJECTBEGELEIDER, organisatie=andere_organisatie)
    TOTPDevice.objects.create(user=vreemd, name="default", confirmed=True)
    a.post(reverse("gebruiker_tweede_factor_resetten", args=[vreemd.pk]))
    assert "coach_vreemd" not in _als(coordinator).get(reverse("accountverzoeken")).content.decode()
    assert OrganisatieFactory  # factories used above
