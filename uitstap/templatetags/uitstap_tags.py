"""Template helpers shared by every app: Dutch dates, recency, phase badges."""

import datetime

from django import template
from django.utils.html import format_html
from django.utils.translation import ngettext

from uitstap.codes import Fase

register = template.Library()


@register.filter
def dagen_geleden(datum, vandaag=None):
    """'vandaag', 'gisteren', '3 dagen geleden', 'over 2 dagen'."""
    if not datum:
        return ""
    if isinstance(datum, datetime.datetime):
        datum = datum.date()
    vandaag = vandaag or datetime.date.today()
    n = (vandaag - datum).days
    if n == 0:
        return "vandaag"
    if n == 1:
        return "gisteren"
    if n == -1:
        return "morgen"
    if n < 0:
        return ngettext("over %(n)d dag", "over %(n)d dagen", -n) % {"n": -n}
    return ngettext("%(n)d dag geleden", "%(n)d dagen geleden", n) % {"n": n}


DAGEN_KORT = ("ma", "di", "wo", "do", "vr", "za", "zo")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


@register.filter
def datum_lang(datum):
    """'ma 7 december 2026': for appointments people read."""
    if not datum:
        return ""
    if isinstance(datum, datetime.datetime):
        datum = datum.date()
    return f"{DAGEN_KORT[datum.weekday()]} {datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


@register.filter
def aantal_dagen(n):
    """'1 dag', '3 dagen'."""
    if n is None:
        return ""
    return ngettext("%(n)d dag", "%(n)d dagen", n) % {"n": n}


@register.filter
def kort_label(label):
    from uitstap.forms import kort_label as _kort

    return _kort(label)


@register.filter
def dagen_sinds(datum, vandaag=None):
    if not datum:
        return None
    return ((vandaag or datetime.date.today()) - datum).days


@register.simple_tag
def fase_badge(fase, gesloten=False):
    if gesloten:
        return format_html('<span class="badge fase fase-gesloten">{}</span>', "Afgesloten")
    if not fase:
        return format_html('<span class="badge fase fase-gesloten">{}</span>', "Geen traject")
    try:
        label = Fase(fase).label
    except ValueError:
        label = fase
    return format_html('<span class="badge fase fase-{}">{}</span>', fase, label)


@register.filter
def label_van(value, choices):
    """The Dutch label of a stored code, from a TextChoices class passed in context."""
    return dict(choices).get(value, value)


@register.simple_tag(takes_context=True)
def querystring_met(context, **kwargs):
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag
def eenmalig_token():
    """The hidden one-time token of a POST form (uitstap.eenmalig)."""
    from uitstap.eenmalig import VELD, nieuw_token

    return format_html('<input type="hidden" name="{}" value="{}">', VELD, nieuw_token())


GRONDSLAGEN = {"eigen_caseload": "Eigen caseload", "achtervang": "Achtervang", "coordinator": "Coördinator"}


@register.filter
def code_label(code, soort=""):
    """A stored code as words on screen (audit log): roles, access bases, object types."""
    from uitstap.codes import Rol

    if not code:
        return ""
    if soort == "rol":
        return dict(Rol.choices).get(code, code)
    if soort == "grondslag":
        return GRONDSLAGEN.get(code, code.replace("_", " ").capitalize())
    return str(code).replace("_", " ").capitalize()
