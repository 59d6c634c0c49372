"""Account management by the beheerder: create, change role, (de)activate, reset MFA, unlock. Every action audited."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.models import Gebruiker, Gemeente, Organisatie


def _alleen_beheerder(door: Gebruiker) -> None:
    if door.rol != Rol.BEHEERDER or not door.is_active:
        raise ValidationError("Alleen de beheerder beheert accounts.")


def _check_rol(*, rol: str, organisatie: Organisatie | None, gemeente: Gemeente | None) -> None:
    if rol not in Rol.values:
        raise ValidationError({"rol": "Kies een rol."})
    if rol == Rol.KLANTMANAGER and gemeente is None:
        raise ValidationError({"gemeente": "Een klantmanager hoort bij een gemeente: kies die gemeente."})
    if rol != Rol.KLANTMANAGER and gemeente is not None:
        raise ValidationError({"gemeente": "Alleen een klantmanager hoort bij een gemeente. Laat dit veld leeg."})
    if rol in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR) and organisatie is None:
        raise ValidationError({"organisatie": "Een trajectbegeleider of coördinator hoort bij een organisatie."})


def sessies_beeindigen(gebruiker: Gebruiker) -> int:
    """Delete every stored session of this user (database sessions). Returns how many ended."""
    user_id = str(gebruiker.pk)
    weg = []
    for sessie in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(sessie.get_decoded().get("_auth_user_id")) == user_id:
            weg.append(sessie.pk)
    if weg:
        Session.objects.filter(pk__in=weg).delete()
    return len(weg)


def wachtwoordlink(gebruiker: Gebruiker, *, basis_url: str = "") -> str:
    """A one-time link to set a password (Django's reset token: invalid once the password changes)."""
    uid = urlsafe_base64_encode(force_bytes(gebruiker.pk))
    token = default_token_generator.make_token(gebruiker)
    return basis_url.rstrip("/") + reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def _mail_link(gebruiker: Gebruiker, link: str) -> bool:
    if not gebruiker.email:
        return False
    send_mail(
        "Je account voor uitstap",
        (
            f"Hallo {gebruiker.first_name or gebruiker.username},\n\n"
            f"Er is een account voor je gemaakt in uitstap. Je gebruikersnaam is: {gebruiker.username}\n\n"
            f"Kies zelf een wachtwoord via deze link (hij werkt één keer):\n{link}\n\n"
            "Daarna stel je bij de eerste keer inloggen de authenticator-app in.\n"
        ),
        settings.DEFAULT_FROM_EMAIL,
        [gebruiker.email],
    )
    return True


@transaction.atomic
def gebruiker_aanmaken(
    *, username: str, first_name: str = "", last_name: str = "", email: str = "", rol: str,
    organisatie: Organisatie | None = None, gemeente: Gemeente | None = None, door: Gebruiker,
) -> Gebruiker:
    """A new account without a password: the person chooses one through a one-time link."""
    _alleen_beheerder(door)
    _check_rol(rol=rol, organisatie=organisatie, gemeente=gemeente)
    username = (username or "").strip()
    if Gebruiker.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "Deze gebruikersnaam bestaat al (ook gedeactiveerde accounts tellen mee)."})
    gebruiker = Gebruiker(
        username=username, first_name=first_name, last_name=last_name, email=email, rol=rol,
        organisatie=organisatie, gemeente=gemeente, is_active=True, is_staff=False, is_superuser=False,
    )
    gebruiker.set_unusable_password()
    gebruiker.full_clean(exclude=["password"])
    gebruiker.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=gebruiker, object_type="gebruiker")
    return gebruiker


@transaction.atomic
def wachtwoordlink_versturen(*, gebruiker: Gebruiker, basis_url: str = "", door: Gebruiker) -> tuple[str, bool]:
    """Make a one-time set-password link; mail it when the account has an address. Returns (link, mailed)."""
    _alleen_beheerder(door)
    if not gebruiker.is_active:
        raise ValidationError("Dit account is gedeactiveerd. Activeer het eerst.")
    link = wachtwoordlink(gebruiker, basis_url=basis_url)
    gemaild = _mail_link(gebruiker, link)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type="gebruiker.wachtwoordlink")
    return link, gemaild


@transaction.atomic
def gebruiker_wijzigen(
    *, gebruiker: Gebruiker, rol: str, organisatie: Organisatie | None, gemeente: Gemeente | None,
    first_name: str | None = None, last_name: str | None = None, email: str | None = None, door: Gebruiker,
) -> Gebruiker:
    """Change role, organisation and gemeente (and the name/e-mail). A new role ends current sessions."""
    _alleen_beheerder(door)
    if gebruiker.pk == door.pk and rol != door.rol:
        raise ValidationError({"rol": "Je kunt je eigen rol niet wijzigen. Vraag een andere beheerder."})
    _check_rol(rol=rol, organisatie=organisatie, gemeente=gemeente)
    rol_gewijzigd = gebruiker.rol != rol
    gebruiker.rol = rol
    gebruiker.organisatie = organisatie
    gebruiker.gemeente = gemeente
    for veld, waarde in (("first_name", first_name), ("last_name", last_name), ("email", email)):
        if waarde is not None:
            setattr(gebruiker, veld, waarde)
    gebruiker.full_clean(exclude=["password"])
    gebruiker.save(update_fields=["rol", "organisatie", "gemeente", "first_name", "last_name", "email"])
    if rol_gewijzigd:
        sessies_beeindigen(gebruiker)
    audit_log(
        actie=Actie.UPDATE, gebruiker=door, obj=gebruiker,
        object_type="gebruiker.rol" if rol_gewijzigd else "gebruiker",
    )
    return gebruiker


@transaction.atomic
def gebruiker_deactiveren(*, gebruiker: Gebruiker, door: Gebruiker) -> Gebruiker:
    """Deactivate (never delete: the audit log keeps who did what) and end all their sessions."""
    _alleen_beheerder(door)
    if gebruiker.pk == door.pk:
        raise ValidationError("Je kunt je eigen account niet deactiveren.")
    gebruiker.is_active = False
    gebruiker.save(update_fields=["is_active"])
    sessies_beeindigen(gebruiker)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type="gebruiker.deactiveren")
    return gebruiker


@transaction.atomic
def gebruiker_activeren(*, gebruiker: Gebruiker, door: Gebruiker) -> Gebruiker:
    _alleen_beheerder(door)
    gebruiker.is_active = True
    gebruiker.save(update_fields=["is_active"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type="gebruiker.activeren")
    return gebruiker


@transaction.atomic
def tweede_factor_resetten(*, gebruiker: Gebruiker, door: Gebruiker) -> int:
    """Remove every OTP device (app and backup codes) and end sessions; the next login starts enrolment again."""
    from django_otp import devices_for_user

    _alleen_beheerder(door)
    aantal = 0
    for device in list(devices_for_user(gebruiker, confirmed=None)):
        device.delete()
        aantal += 1
    sessies_beeindigen(gebruiker)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type="gebruiker.tweede_factor_reset")
    return aantal


@transaction.atomic
def blokkade_opheffen(*, gebruiker: Gebruiker, door: Gebruiker) -> int:
    """Lift a django-axes lockout for this username (every IP). Returns the number of records removed."""
    from axes.models import AccessAttempt
    from axes.utils import reset

    _alleen_beheerder(door)
    aantal = reset(username=gebruiker.username) or 0
    # The login form keeps what was typed: also lift "Coach1" when the account is "coach1".
    aantal += AccessAttempt.objects.filter(username__iexact=gebruiker.username).delete()[0]
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type="gebruiker.blokkade_opheffen")
    return aantal


def geblokkeerde_gebruikersnamen() -> set[str]:
    """Usernames with a current django-axes lockout."""
    from axes.models import AccessAttempt

    limiet = settings.AXES_FAILURE_LIMIT
    namen = AccessAttempt.objects.filter(failures_since_start__gte=limiet).values_list("username", flat=True)
    return {(n or "").lower() for n in namen}
