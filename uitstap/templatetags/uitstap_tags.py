"""Template helpers shared by every app: Dutch dates, recency, phase badges."""

import datetime

from django import template
from django.utils.html import format_html

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
        return f"over {-n} dagen"
    return f"{n} dagen geleden"


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
