"""Account management by the beheerder: create, change role, (de)activate, reset MFA, unlock. Every action audited.

Four eyes (SECURITY.md 39): what could hand someone else's account, or a role that sees dossiers, to one
person is only *asked for* here (an Accountverzoek) and happens when a second person approves it within
24 hours: another beheerder, or a coordinator of the account's organisation. The account's owner is
mailed when it is asked and when it is done. A mail that cannot be sent rolls the step back.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.models import Accountverzoek, Gebruiker, Gemeente, Organisatie

logger = logging.getLogger("uitstap.accounts")

Soort = Accountverzoek.Soort
Status = Accountverzoek.Status

GELDIGHEID = datetime.timedelta(hours=24)
# Roles whose account, in the wrong hands, reads dossiers or hands out accounts.
HOGE_ROLLEN = (Rol.COORDINATOR, Rol.BEHEERDER)
DOSSIER_ROLLEN = (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR, Rol.KLANTMANAGER)


def _alleen_beheerder(door: Gebruiker) -> None:
    if door.rol != Rol.BEHEERDER or not door.is_active:
        raise ValidationError(_("Alleen de beheerder beheert accounts."))


def _check_rol(*, rol: str, organisatie: Organisatie | None, gemeente: Gemeente | None) -> None:
    if rol not in Rol.values:
        raise ValidationError({"rol": _("Kies een rol.")})
    if rol == Rol.KLANTMANAGER and gemeente is None:
        raise ValidationError({"gemeente": _("Een klantmanager hoort bij een gemeente: kies die gemeente.")})
    if rol != Rol.KLANTMANAGER and gemeente is not None:
        raise ValidationError({"gemeente": _("Alleen een klantmanager hoort bij een gemeente. Laat dit veld leeg.")})
    if rol in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR) and organisatie is None:
        raise ValidationError({"organisatie": _("Een trajectbegeleider of coördinator hoort bij een organisatie.")})


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


def _mail(adres: str, onderwerp: str, tekst: str) -> None:
    """Send one mail; a failure becomes a Dutch ValidationError, so the surrounding step rolls back."""
    try:
        send_mail(onderwerp, tekst, settings.DEFAULT_FROM_EMAIL, [adres])
    except (smtplib.SMTPException, OSError) as e:
        logger.warning("mail naar een gebruiker mislukt: %s", type(e).__name__)
        raise ValidationError(_(
            "De e-mail kon niet worden verstuurd; er is niets gewijzigd. Probeer het later opnieuw of "
            "vraag de systeembeheerder de mailinstellingen na te kijken."
        )) from e


def _mail_link(gebruiker: Gebruiker, link: str) -> bool:
    if not gebruiker.email:
        return False
    _mail(
        gebruiker.email,
        _("Je account voor uitstap"),
        _(
            "Hallo %(naam)s,\n\nJe gebruikersnaam in uitstap is: %(username)s\n\n"
            "Kies zelf een wachtwoord via deze link (hij werkt één keer):\n%(link)s\n\n"
            "Daarna stel je bij het inloggen de authenticator-app in, als dat nog niet gebeurd is.\n"
            "Heb je hier niet om gevraagd? Neem dan direct contact op met je coördinator.\n"
        ) % {"naam": gebruiker.first_name or gebruiker.username, "username": gebruiker.username, "link": link},
    )
    return True


def _is_ingesteld(gebruiker: Gebruiker) -> bool:
    """Set up: a chosen password or a second factor. A link for such an account is a recovery, not an invitation."""
    from django_otp import devices_for_user

    return gebruiker.has_usable_password() or any(devices_for_user(gebruiker, confirmed=None))


def _heeft_tweede_factor(gebruiker: Gebruiker) -> bool:
    from django_otp import devices_for_user

    return any(devices_for_user(gebruiker, confirmed=None))


# --- direct actions (no second person needed) --------------------------------------------------


@transaction.atomic
def gebruiker_aanmaken(
    *, username: str, first_name: str = "", last_name: str = "", email: str = "", rol: str,
    organisatie: Organisatie | None = None, gemeente: Gemeente | None = None, basis_url: str = "",
    door: Gebruiker,
) -> tuple[Gebruiker, str, bool]:
    """A new account without a password: the person chooses one through a one-time link, mailed when
    there is an address, else returned to be shown once. Returns (gebruiker, link to show or "", mailed).

    A coordinator or beheerder account is created inactive with an activation request: it works (and
    gets its link) once a second person approves. A mail that fails leaves no account behind.
    """
    _alleen_beheerder(door)
    _check_rol(rol=rol, organisatie=organisatie, gemeente=gemeente)
    username = (username or "").strip()
    if Gebruiker.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Deze gebruikersnaam bestaat al (ook gedeactiveerde accounts tellen mee).")})
    hoog = rol in HOGE_ROLLEN
    gebruiker = Gebruiker(
        username=username, first_name=first_name, last_name=last_name, email=email, rol=rol,
        organisatie=organisatie, gemeente=gemeente, is_active=not hoog, is_staff=False, is_superuser=False,
    )
    gebruiker.set_unusable_password()
    gebruiker.full_clean(exclude=["password"])
    gebruiker.save()
    audit_log(actie=Actie.CREATE, gebruiker=door, obj=gebruiker, object_type="gebruiker",
              grondslag="wacht op goedkeuring" if hoog else "")
    if hoog:
        _verzoek_maken(gebruiker=gebruiker, soort=Soort.ACTIVEREN, door=door)
        return gebruiker, "", False
    link, gemaild = wachtwoordlink_versturen(gebruiker=gebruiker, basis_url=basis_url, door=door, op_scherm=True)
    return gebruiker, link, gemaild


@transaction.atomic
def wachtwoordlink_versturen(
    *, gebruiker: Gebruiker, basis_url: str = "", door: Gebruiker, op_scherm: bool = False,
) -> tuple[str, bool]:
    """The invitation link of an account nobody has set up yet (no password, no second factor).

    Mailed when there is an address. Shown on screen (returned) only right after creating the account
    (`op_scherm`): later, an account may already have a caseload, so the link goes by e-mail or not at
    all. For an account that is already set up this is a recovery: accountverzoek_indienen(WACHTWOORDLINK).
    Returns (link to show or "", mailed).
    """
    _alleen_beheerder(door)
    if not gebruiker.is_active:
        raise ValidationError(_("Dit account is gedeactiveerd. Activeer het eerst."))
    if _is_ingesteld(gebruiker):
        raise ValidationError(_(
            "Dit account is al in gebruik. Een nieuwe wachtwoordlink vraagt de goedkeuring van een tweede "
            "persoon en gaat alleen per e-mail."
        ))
    if not gebruiker.email and not op_scherm:
        raise ValidationError(_(
            "Dit account heeft geen e-mailadres. Een wachtwoordlink gaat alleen direct na het aanmaken via "
            "het scherm; vul eerst het e-mailadres van de gebruiker in."
        ))
    link = wachtwoordlink(gebruiker, basis_url=basis_url)
    gemaild = _mail_link(gebruiker, link)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type="gebruiker.wachtwoordlink",
              grondslag="uitnodiging per e-mail" if gemaild else "uitnodiging op het scherm")
    return ("" if gemaild else link), gemaild


@transaction.atomic
def wachtwoordlink_aanvragen(*, gebruiker: Gebruiker, basis_url: str = "", door: Gebruiker):
    """The beheerder's "password link" button: an invitation for an account nobody has set up, a request
    for a second person's approval (and then only by e-mail) for an account in use.
    Returns (link, gemaild, verzoek)."""
    if _is_ingesteld(gebruiker):
        return "", False, accountverzoek_indienen(gebruiker=gebruiker, soort=Soort.WACHTWOORDLINK, door=door)
    link, gemaild = wachtwoordlink_versturen(gebruiker=gebruiker, basis_url=basis_url, door=door)
    return link, gemaild, None


def _rol_vraagt_goedkeuring(gebruiker: Gebruiker, *, rol: str, organisatie: Organisatie | None) -> bool:
    if rol not in HOGE_ROLLEN:
        return False
    return gebruiker.rol != rol or gebruiker.organisatie_id != (organisatie.pk if organisatie else None)


@transaction.atomic
def gebruiker_wijzigen(
    *, gebruiker: Gebruiker, rol: str, organisatie: Organisatie | None, gemeente: Gemeente | None,
    first_name: str | None = None, last_name: str | None = None, email: str | None = None, door: Gebruiker,
) -> Accountverzoek | None:
    """Change name, e-mail, role, organisation and gemeente. A new role ends current sessions.

    A change that makes the account coordinator or beheerder (or moves one to another organisation) is
    not done here: it becomes a request for a second person (returned); the rest is saved at once.
    A changed e-mail address of an account in use is told to the old address.
    """
    _alleen_beheerder(door)
    if gebruiker.pk == door.pk and rol != door.rol:
        raise ValidationError({"rol": _("Je kunt je eigen rol niet wijzigen. Vraag een andere beheerder.")})
    _check_rol(rol=rol, organisatie=organisatie, gemeente=gemeente)
    oud_adres = gebruiker.email
    for veld, waarde in (("first_name", first_name), ("last_name", last_name), ("email", email)):
        if waarde is not None:
            setattr(gebruiker, veld, waarde)
    verzoek = None
    if _rol_vraagt_goedkeuring(gebruiker, rol=rol, organisatie=organisatie):
        gebruiker.full_clean(exclude=["password"])
        gebruiker.save(update_fields=["first_name", "last_name", "email"])
        verzoek = _verzoek_maken(gebruiker=gebruiker, soort=Soort.ROL, door=door,
                                 rol=rol, organisatie=organisatie, gemeente=gemeente)
        rol_gewijzigd = False
    else:
        rol_gewijzigd = gebruiker.rol != rol or gebruiker.organisatie_id != (organisatie.pk if organisatie else None)
        gebruiker.rol = rol
        gebruiker.organisatie = organisatie
        gebruiker.gemeente = gemeente
        gebruiker.full_clean(exclude=["password"])
        gebruiker.save(update_fields=["rol", "organisatie", "gemeente", "first_name", "last_name", "email"])
        if rol_gewijzigd:
            sessies_beeindigen(gebruiker)
    audit_log(
        actie=Actie.UPDATE, gebruiker=door, obj=gebruiker,
        object_type="gebruiker.rol" if rol_gewijzigd else "gebruiker",
    )
    if oud_adres and gebruiker.email != oud_adres and _is_ingesteld(gebruiker):
        _mail(oud_adres, _("Je e-mailadres in uitstap is gewijzigd"), _(
            "Hallo %(naam)s,\n\nBeheerder %(door)s heeft het e-mailadres van je account %(username)s gewijzigd. "
            "Was dit niet met jou afgesproken? Neem dan direct contact op met je coördinator.\n"
        ) % {"naam": gebruiker.first_name or gebruiker.username, "door": door.username, "username": gebruiker.username})
    return verzoek


@transaction.atomic
def gebruiker_deactiveren(*, gebruiker: Gebruiker, door: Gebruiker) -> Gebruiker:
    """Deactivate (never delete: the audit log keeps who did what) and end all their sessions."""
    _alleen_beheerder(door)
    if gebruiker.pk == door.pk:
        raise ValidationError(_("Je kunt je eigen account niet deactiveren."))
    gebruiker.is_active = False
    gebruiker.save(update_fields=["is_active"])
    sessies_beeindigen(gebruiker)
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type="gebruiker.deactiveren")
    return gebruiker


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
    qs = AccessAttempt.objects.filter(failures_since_start__gte=limiet)
    if settings.AXES_COOLOFF_TIME:
        qs = qs.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return {(n or "").lower() for n in qs.values_list("username", flat=True)}


# --- four eyes ---------------------------------------------------------------------------------


def _verzoek_maken(*, gebruiker: Gebruiker, soort: str, door: Gebruiker, rol: str = "",
                   organisatie: Organisatie | None = None, gemeente: Gemeente | None = None) -> Accountverzoek:
    nu = timezone.now()
    Accountverzoek.objects.filter(
        gebruiker=gebruiker, soort=soort, status=Status.OPEN, gevraagd_op__lt=nu - GELDIGHEID
    ).update(status=Status.VERLOPEN)
    if Accountverzoek.objects.filter(gebruiker=gebruiker, soort=soort, status=Status.OPEN).exists():
        raise ValidationError(_("Hiervoor staat al een verzoek open dat op goedkeuring wacht."))
    verzoek = Accountverzoek.objects.create(
        gebruiker=gebruiker, soort=soort, rol=rol, organisatie=organisatie, gemeente=gemeente,
        gevraagd_door=door, gevraagd_op=nu,
    )
    audit_log(actie=Actie.CREATE, gebruiker=door, object_type=f"accountverzoek.{soort}",
              object_id=str(verzoek.pk), grondslag=f"voor {gebruiker.username}"[:60])
    if gebruiker.email:
        _mail(gebruiker.email, _("Er is een wijziging van je uitstap-account gevraagd"), _(
            "Hallo %(naam)s,\n\nBeheerder %(door)s heeft gevraagd: %(wat)s voor je account %(username)s. "
            "Dit gebeurt pas als een tweede persoon het goedkeurt.\n"
            "Was dit niet met jou afgesproken? Neem dan direct contact op met je coördinator.\n"
        ) % {"naam": gebruiker.first_name or gebruiker.username, "door": door.username,
             "wat": verzoek.get_soort_display().lower(), "username": gebruiker.username})
    return verzoek


@transaction.atomic
def accountverzoek_indienen(*, gebruiker: Gebruiker, soort: str, door: Gebruiker) -> Accountverzoek:
    """Ask for a second factor reset, a recovery password link or an activation of `gebruiker`."""
    _alleen_beheerder(door)
    if gebruiker.pk == door.pk:
        raise ValidationError(_("Voor je eigen account vraagt een andere beheerder dit aan."))
    if soort == Soort.TWEEDE_FACTOR and not _heeft_tweede_factor(gebruiker):
        raise ValidationError(_("Dit account heeft geen tweede factor om te resetten."))
    if soort == Soort.WACHTWOORDLINK:
        if not gebruiker.is_active:
            raise ValidationError(_("Dit account is gedeactiveerd. Activeer het eerst."))
        if not gebruiker.email:
            raise ValidationError(_(
                "Dit account heeft geen e-mailadres. Een wachtwoordlink voor een account dat al in gebruik is "
                "gaat alleen per e-mail, nooit via het scherm. Vul eerst het e-mailadres van de gebruiker in."
            ))
    if soort == Soort.ACTIVEREN and gebruiker.is_active:
        raise ValidationError(_("Dit account is al actief."))
    if soort not in (Soort.TWEEDE_FACTOR, Soort.WACHTWOORDLINK, Soort.ACTIVEREN):
        raise ValidationError(_("Onbekende soort verzoek."))
    return _verzoek_maken(gebruiker=gebruiker, soort=soort, door=door)


def mag_goedkeuren(door: Gebruiker, verzoek: Accountverzoek) -> bool:
    """Another beheerder, or a coordinator of the account's organisation (and of the organisation asked
    for); never the one who asked, never the account itself."""
    gebruiker = verzoek.gebruiker
    if not door.is_active or door.pk in (verzoek.gevraagd_door_id, gebruiker.pk):
        return False
    if door.rol == Rol.BEHEERDER:
        return True
    if door.rol != Rol.COORDINATOR or not door.organisatie_id:
        return False
    if gebruiker.rol == Rol.BEHEERDER or verzoek.rol == Rol.BEHEERDER:
        return False
    if verzoek.organisatie_id and verzoek.organisatie_id != door.organisatie_id:
        return False
    return gebruiker.organisatie_id == door.organisatie_id


def accountverzoeken_voor(user) -> QuerySet[Accountverzoek]:
    """Requests `user` can act on or has made: open ones of the last 24 hours and the recent history."""
    qs = Accountverzoek.objects.select_related("gebruiker", "gevraagd_door", "afgehandeld_door", "organisatie")
    if user.rol == Rol.BEHEERDER:
        return qs
    if user.rol == Rol.COORDINATOR and user.organisatie_id:
        return qs.filter(gebruiker__organisatie=user.organisatie_id).exclude(
            Q(gebruiker__rol=Rol.BEHEERDER) | Q(rol=Rol.BEHEERDER)
        )
    return qs.none()


def _open_en_geldig(verzoek: Accountverzoek) -> None:
    if verzoek.status != Status.OPEN:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    if verzoek.gevraagd_op < timezone.now() - GELDIGHEID:
        raise ValidationError(_("Dit verzoek is ouder dan 24 uur en verlopen. Vraag het zo nodig opnieuw aan."))


@transaction.atomic
def accountverzoek_goedkeuren(*, verzoek: Accountverzoek, door: Gebruiker, basis_url: str = "") -> str:
    """Approve and carry out. Returns a link to show only for a brand-new account without e-mail ("" otherwise)."""
    verzoek = Accountverzoek.objects.select_for_update().select_related("gebruiker", "gevraagd_door").get(pk=verzoek.pk)
    if not mag_goedkeuren(door, verzoek):
        raise ValidationError(_(
            "Dit verzoek keurt een tweede persoon goed: een andere beheerder of een coördinator van de "
            "organisatie van dit account, niet degene die het vroeg."
        ))
    _open_en_geldig(verzoek)
    gebruiker = Gebruiker.objects.select_for_update().get(pk=verzoek.gebruiker_id)
    vier_ogen = f"vier ogen: {verzoek.gevraagd_door.username} en {door.username}"[:60]
    link, gedaan = "", ""
    if verzoek.soort == Soort.TWEEDE_FACTOR:
        from django_otp import devices_for_user

        for device in list(devices_for_user(gebruiker, confirmed=None)):
            device.delete()
        sessies_beeindigen(gebruiker)
        object_type, gedaan = "gebruiker.tweede_factor_reset", _("je tweede factor is verwijderd; bij de volgende "
                                                                 "keer inloggen stel je een nieuwe app in")
    elif verzoek.soort == Soort.WACHTWOORDLINK:
        if not gebruiker.email:
            raise ValidationError(_("Dit account heeft geen e-mailadres meer; de link gaat nooit via het scherm."))
        _mail_link(gebruiker, wachtwoordlink(gebruiker, basis_url=basis_url))
        object_type = "gebruiker.wachtwoordlink"
    elif verzoek.soort == Soort.ROL:
        _check_rol(rol=verzoek.rol, organisatie=verzoek.organisatie, gemeente=verzoek.gemeente)
        gebruiker.rol, gebruiker.organisatie, gebruiker.gemeente = verzoek.rol, verzoek.organisatie, verzoek.gemeente
        gebruiker.full_clean(exclude=["password"])
        gebruiker.save(update_fields=["rol", "organisatie", "gemeente"])
        sessies_beeindigen(gebruiker)
        object_type, gedaan = "gebruiker.rol", _("je rol is nu: %(rol)s") % {"rol": gebruiker.get_rol_display()}
    else:  # ACTIVEREN
        gebruiker.is_active = True
        gebruiker.save(update_fields=["is_active"])
        object_type, gedaan = "gebruiker.activeren", _("je account is (weer) actief")
        if not _is_ingesteld(gebruiker):
            nieuwe_link = wachtwoordlink(gebruiker, basis_url=basis_url)
            if not _mail_link(gebruiker, nieuwe_link):
                link = nieuwe_link  # a brand-new account: nobody has used it, so the link may be shown
            gedaan = ""
    verzoek.status, verzoek.afgehandeld_door, verzoek.afgehandeld_op = Status.UITGEVOERD, door, timezone.now()
    verzoek.save(update_fields=["status", "afgehandeld_door", "afgehandeld_op"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, obj=gebruiker, object_type=object_type, grondslag=vier_ogen)
    if gedaan and gebruiker.email:
        _mail(gebruiker.email, _("Je uitstap-account is gewijzigd"), _(
            "Hallo %(naam)s,\n\nOp verzoek van %(vraag)s en met goedkeuring van %(door)s: %(gedaan)s.\n"
            "Was dit niet met jou afgesproken? Neem dan direct contact op met je coördinator.\n"
        ) % {"naam": gebruiker.first_name or gebruiker.username, "vraag": verzoek.gevraagd_door.username,
             "door": door.username, "gedaan": gedaan})
    return link


@transaction.atomic
def accountverzoek_afwijzen(*, verzoek: Accountverzoek, door: Gebruiker) -> Accountverzoek:
    """Refuse (or, by the one who asked, withdraw) an open request."""
    verzoek = Accountverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if door.pk != verzoek.gevraagd_door_id and not mag_goedkeuren(door, verzoek):
        raise ValidationError(_("Je kunt dit verzoek niet afhandelen."))
    if verzoek.status != Status.OPEN:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    verzoek.status, verzoek.afgehandeld_door, verzoek.afgehandeld_op = Status.AFGEWEZEN, door, timezone.now()
    verzoek.save(update_fields=["status", "afgehandeld_door", "afgehandeld_op"])
    audit_log(actie=Actie.UPDATE, gebruiker=door, object_type=f"accountverzoek.{verzoek.soort}.afgewezen",
              object_id=str(verzoek.pk), grondslag=f"verzoek van {verzoek.gevraagd_door.username}"[:60])
    return verzoek
