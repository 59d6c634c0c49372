"""Reads of participants. `deelnemers_visible_to` is the one place that decides who sees whom."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from clients.models import Deelnemer, Scope, Signaal, Toestemming
from uitstap.codes import Rol
from uitstap.models import Programma
from uitstap.selectors import programmas_of


def deelnemers_visible_to(user) -> QuerySet[Deelnemer]:
    """Every participant `user` may see. Everything else is a 404.

    coach: own caseload and the caseload they are achtervang for;
    coordinator: every participant of the programmes of their organisation when it runs the programme alone or
    the programme records a joint-controller arrangement (`gezamenlijke_verwerking`); else those whose coach
    belongs to their organisation;
    klantmanager: exactly the participants with a currently valid consent for their own gemeente
    (see `toestemmingen_geldig`); beheerder: none.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Deelnemer.objects.none()
    if user.rol == Rol.TRAJECTBEGELEIDER:
        return Deelnemer.objects.filter(Q(begeleider=user) | Q(achtervang=user), gewist_op__isnull=True)
    if user.rol == Rol.COORDINATOR and user.organisatie_id:
        programmas = programmas_of(user)
        # All participants where the organisations are joint controllers (AVG art. 26) or the user's organisation
        # runs the programme alone; otherwise those whose coach (the traject's organisation, until the
        # Jaarverslag issue gives Traject its own) belongs to the user's organisation.
        alleen = (Programma.objects.filter(pk__in=programmas.values("pk"))  # counted over all its organisations
                  .annotate(n_org=Count("organisaties", distinct=True)).filter(n_org=1).values("pk"))
        return Deelnemer.objects.filter(
            Q(programma__in=programmas.filter(gezamenlijke_verwerking=True))
            | Q(programma__in=alleen)
            | Q(programma__in=programmas, begeleider__organisatie=user.organisatie_id)
        )
    if user.rol == Rol.KLANTMANAGER and user.gemeente_id:
        geldig = toestemmingen_geldig(gemeente=user.gemeente_id).filter(deelnemer=OuterRef("pk"))
        return Deelnemer.objects.filter(Exists(geldig), gewist_op__isnull=True)
    return Deelnemer.objects.none()


def grondslag(user, deelnemer: Deelnemer) -> str:
    """The basis on which `user` sees `deelnemer`, for the audit log."""
    if user.rol == Rol.COORDINATOR:
        return "coordinator"
    if deelnemer.begeleider_id == user.pk:
        return "eigen_caseload"
    if deelnemer.achtervang_id == user.pk:
        return "achtervang"
    if user.rol == Rol.KLANTMANAGER:
        toestemming = geldige_toestemming(user, deelnemer)
        return f"toestemming:{toestemming.pk}" if toestemming else ""
    return ""


# --- consent (toestemming) ------------------------------------------------------------------------

ALLE_SCOPES = frozenset(Scope.values)
VERLOOPT_BINNEN_DAGEN = 31


def toestemmingen_geldig(*, gemeente, vandaag: datetime.date | None = None) -> QuerySet[Toestemming]:
    """Consents for `gemeente` that count today: given, not withdrawn, not expired, not replaced by a newer row."""
    vandaag = vandaag or datetime.date.today()
    return Toestemming.objects.filter(
        gemeente=gemeente, gegeven_op__lte=vandaag, geldig_tot__gte=vandaag, ingetrokken_op__isnull=True,
        opvolger__isnull=True,
    )


def geldige_toestemming(user, deelnemer: Deelnemer, vandaag: datetime.date | None = None) -> Toestemming | None:
    """The klantmanager's currently valid consent for `deelnemer`, or None."""
    if getattr(user, "rol", None) != Rol.KLANTMANAGER or not user.gemeente_id:
        return None
    return toestemmingen_geldig(gemeente=user.gemeente_id, vandaag=vandaag).filter(deelnemer=deelnemer).order_by("-id").first()


def scopes_voor(user, deelnemer: Deelnemer, vandaag: datetime.date | None = None) -> frozenset[str]:
    """Which scopes `user` has for `deelnemer`: everything for whoever sees the dossier, the consented
    scopes for a klantmanager, nothing otherwise."""
    if not deelnemers_visible_to(user).filter(pk=deelnemer.pk).exists():
        return frozenset()
    if user.rol == Rol.KLANTMANAGER:
        toestemming = geldige_toestemming(user, deelnemer, vandaag)
        return frozenset(toestemming.scopes) & ALLE_SCOPES if toestemming else frozenset()
    return ALLE_SCOPES


def toestemmingen_van(deelnemer: Deelnemer) -> QuerySet[Toestemming]:
    """Every consent row of a participant, newest first (the history), for the dossier."""
    return (
        Toestemming.objects.filter(deelnemer=deelnemer)
        .select_related("gemeente", "vastgelegd_door", "ingetrokken_door", "document", "opvolger")
        .order_by("gemeente__naam", "-id")
    )


def toestemmingen_actueel(deelnemer: Deelnemer) -> list[Toestemming]:
    """Per gemeente the current row (not replaced), withdrawn or expired ones included, for the dossier."""
    return list(toestemmingen_van(deelnemer).filter(opvolger__isnull=True))


def toestemmingen_verlopen_binnenkort(deelnemers: QuerySet[Deelnemer], vandaag: datetime.date | None = None):
    """Valid consents of `deelnemers` that end within a month (the coach's caseload signal)."""
    vandaag = vandaag or datetime.date.today()
    return Toestemming.objects.filter(
        deelnemer__in=deelnemers, ingetrokken_op__isnull=True, opvolger__isnull=True, gegeven_op__lte=vandaag,
        geldig_tot__gte=vandaag, geldig_tot__lte=vandaag + datetime.timedelta(days=VERLOOPT_BINNEN_DAGEN),
    )


def signalen_open(deelnemer: Deelnemer) -> QuerySet[Signaal]:
    """The klantmanagers' signals for a participant that the coach has not closed yet."""
    return Signaal.objects.filter(deelnemer=deelnemer, afgesloten_op__isnull=True).select_related("gemeente", "door")




def deelnemers_van_programma(programma) -> QuerySet[Deelnemer]:
    """Every participant of a programme, for system tasks that run without a user (the export and
    import commands). Screens never use this: they start from deelnemers_visible_to."""
    return Deelnemer.objects.filter(programma=programma)


def deelnemers_voor_bewaartermijn() -> QuerySet[Deelnemer]:
    """Participants not yet erased whose trajecten have all ended (candidates for the retention purge)."""
    return (
        Deelnemer.objects.filter(gewist_op__isnull=True, trajecten__isnull=False)
        .exclude(trajecten__einddatum__isnull=True)
        .select_related("programma").distinct().order_by("programma_id", "clientcode")
    )
