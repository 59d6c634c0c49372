"""The bilingual convenant: `{% nl "Doelen" %}` adds the Dutch text beside a translated heading."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from uitstap.talen import documenttaal_keuzes

register = template.Library()


@register.simple_tag(takes_context=True)
def nl(context, tekst):
    """' / <Dutch>' in a lang="nl" span when the PDF is bilingual and printed in another language, else ''."""
    if not context.get("tweetalig") or translation.get_language() == "nl" or not tekst:
        return ""
    if translation.gettext(tekst) == tekst:  # the same word in both languages (Status, Score): once is enough
        return ""
    return format_html(' <span class="nl" lang="nl">/ {}</span>', tekst)


@register.simple_tag
def andere_documenttalen():
    """[(code, name)] of the languages besides Dutch a convenant can be printed in."""
    return [(code, naam) for code, naam in documenttaal_keuzes() if code]
