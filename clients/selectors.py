"""Reads of participants. `deelnemers_visible_to` is the one place that decides who sees whom."""

from django.db.models import Q, QuerySet

from clients.models import Deelnemer
from uitstap.codes import Rol
from uitstap.selectors import programmas_of


def deelnemers_visible_to(user) -> QuerySet[Deelnemer]:
    """Every participant `user` may see. Everything else is a 404.

    coach: own caseload and the caseload they are achtervang for;
    coordinator: every participant of the programmes of their organisation;
    klantmanager: none until the consent issue lands; beheerder: none.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Deelnemer.objects.none()
    if user.rol == Rol.TRAJECTBEGELEIDER:
        return Deelnemer.objects.filter(Q(begeleider=user) | Q(achtervang=user), gewist_op__isnull=True)
    if user.rol == Rol.COORDINATOR and user.organisatie_id:
        return Deelnemer.objects.filter(programma__in=programmas_of(user))
    return Deelnemer.objects.none()


def grondslag(user, deelnemer: Deelnemer) -> str:
    """The basis on which `user` sees `deelnemer`, for the audit log."""
    if user.rol == Rol.COORDINATOR:
        return "coordinator"
    if deelnemer.begeleider_id == user.pk:
        return "eigen_caseload"
    if deelnemer.achtervang_id == user.pk:
        return "achtervang"
    return ""


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
