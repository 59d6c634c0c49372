"""Template helpers for referrals: the status badge (text, not colour alone) and the waiting time."""

from django import template
from django.utils.html import format_html

from uitstap.codes import VerwijzingStatus

register = template.Library()

_KLASSE = {
    VerwijzingStatus.AANGEVRAAGD: "text-bg-light border",
    VerwijzingStatus.WACHTLIJST: "text-bg-warning",
    VerwijzingStatus.GESTART: "text-bg-success",
    VerwijzingStatus.AFGEROND: "text-bg-secondary",
    VerwijzingStatus.AFGEWEZEN: "text-bg-danger",
    VerwijzingStatus.AFGEBROKEN: "text-bg-danger",
}


@register.simple_tag
def verwijzing_badge(status):
    try:
        label = VerwijzingStatus(status).label
    except ValueError:
        label = status
    return format_html('<span class="badge {}">{}</span>', _KLASSE.get(status, "text-bg-light border"), label)


@register.simple_tag
def wachttijd(v):
    """'wacht al 40 dagen' / '12 dagen gewacht' / 'niet gestart' for a referral annotated with wachtdagen."""
    dagen = getattr(v, "wachtdagen", None)
    if dagen is None:
        return "niet gestart" if getattr(v, "beeindigd", None) else "—"
    eenheid = "dag" if dagen == 1 else "dagen"
    if v.gestart:
        return f"{dagen} {eenheid} gewacht"
    return f"wacht al {dagen} {eenheid}"


@register.filter
def dagen(waarde):
    """A median in days for display: 12 → '12 dagen', 12.5 → '12,5 dagen', None → '—'."""
    if waarde is None:
        return "—"
    tekst = str(waarde).replace(".", ",")
    return f"{tekst} {'dag' if waarde == 1 else 'dagen'}"
