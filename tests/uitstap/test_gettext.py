"""Dutch user-facing text goes through gettext (issue 15).

For every HTML template under templates/ except the PDF templates (templates/**/pdf/), every visible
text node and every visible attribute (aria-label, placeholder, title, alt) must sit inside
{% translate %} or {% blocktranslate %}: a text node outside them that contains a letter fails the test, with the file,
the line and the text. The template must load i18n and compile. A new template (or an untranslated
sentence added to one) is checked the same way.

The Python side: models' verbose names and help texts are lazy translations; the code lists' labels are
Dutch msgids (gettext_noop) that a document in another language translates where it renders them.
"""

import re
from pathlib import Path

import pytest
from django.template import engines
from django.template.base import Lexer, TokenType
from django.utils.functional import Promise

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# Every template the browser gets; the PDF templates (templates/**/pdf/) are left for a later step.
OMGEZET = [
    str(p.relative_to(TEMPLATES)) for p in sorted(TEMPLATES.rglob("*.html"))
    if "pdf" not in p.relative_to(TEMPLATES).parts
]

# A tag whose name is a variable (<{{ kop }} ...>) is still a tag: \x00 stands for the template language.
HTML_TAG = re.compile(r"<[a-zA-Z/!\x00][^>]*>")
ZICHTBAAR_ATTRIBUUT = re.compile(r'\b(aria-label|placeholder|title|alt)=(["\'])(.*?)\2', re.S)
LETTER = re.compile(r"[^\W\d_]")
# Text that is code, not language: file names, style sheets and scripts.
RUW = ("code", "style", "script")


def _heeft_letters(tekst: str) -> bool:
    return bool(LETTER.search(re.sub(r"&[#\w]+;", "", tekst)))


def _zonder_templatetaal(bron: str) -> str:
    """The template as the browser gets it, with every tag, variable and translated text replaced by a
    marker without letters (newlines kept, so line numbers stay)."""
    delen, in_vertaling, in_commentaar = [], False, False
    for token in Lexer(bron).tokenize():
        naam = token.contents.split()[0] if token.token_type == TokenType.BLOCK and token.contents else ""
        if naam == "blocktranslate":
            in_vertaling = True
        elif naam == "endblocktranslate":
            in_vertaling = False
        elif naam == "comment":
            in_commentaar = True
        elif naam == "endcomment":
            in_commentaar = False
        if token.token_type == TokenType.TEXT and not in_vertaling and not in_commentaar:
            delen.append(token.contents)
        else:
            delen.append("\x00" + "\n" * token.contents.count("\n"))
    return "".join(delen)


# Text in template language that reaches the screen: a filter's default and an include's label.
TEKST_ARGUMENT = re.compile(r'\|(?:default|default_if_none|yesno):"([^"]*)"')
INCLUDE_ARGUMENT = re.compile(r'\b(\w+)="([^"]*)"')
# Arguments that are code, not language: a heading level, a form prefix, a form's action URL.
CODE_WAARDE = re.compile(r"h[1-6]")
CODE_ARGUMENT = ("prefix", "action")


def onvertaalde_tekst(bron: str) -> list[tuple[int, str]]:
    """(line, text) of every visible text, visible attribute or text argument outside the translate tags."""
    gevonden = []
    for token in Lexer(bron).tokenize():
        if token.token_type in (TokenType.VAR, TokenType.BLOCK):
            argumenten = [(a.group(0), a.group(1)) for a in TEKST_ARGUMENT.finditer(token.contents)]
            if token.contents.startswith("include "):
                argumenten += [(a.group(0), a.group(2)) for a in INCLUDE_ARGUMENT.finditer(token.contents)
                               if a.group(1) not in CODE_ARGUMENT]
            gevonden += [(token.lineno, bron) for bron, waarde in argumenten
                         if _heeft_letters(waarde) and not CODE_WAARDE.fullmatch(waarde)]
    html = _zonder_templatetaal(bron)
    ruw, positie = None, 0
    for tag in [*HTML_TAG.finditer(html), None]:
        tekst = html[positie:tag.start() if tag else len(html)]
        if ruw is None and _heeft_letters(tekst):
            begin = positie + len(tekst) - len(tekst.lstrip())
            gevonden.append((html.count("\n", 0, begin) + 1, tekst.replace("\x00", "").strip()))
        if tag is None:
            break
        positie = tag.end()
        m = re.match(r"<(/?)(\w+)", tag.group(0))
        if m and m.group(2).lower() in RUW:
            ruw = None if m.group(1) else m.group(2).lower()
        for attr in ZICHTBAAR_ATTRIBUUT.finditer(tag.group(0)):
            if _heeft_letters(attr.group(3)):
                gevonden.append((html.count("\n", 0, tag.start()) + 1, attr.group(0)))
    return gevonden


@pytest.mark.parametrize("naam", OMGEZET)
def test_template_zichtbare_tekst_door_gettext(naam):
    bron = (TEMPLATES / naam).read_text()
    assert re.search(r"\{%\s*load\s[^%]*\bi18n\b", bron), f"{naam} laadt i18n niet"
    engines["django"].get_template(naam)  # compiles (translate tags well formed)
    assert onvertaalde_tekst(bron) == [], f"{naam}: tekst buiten translate"


def test_de_controle_vindt_onvertaalde_tekst():
    """The check itself: what it must find and what it must leave alone."""
    assert onvertaalde_tekst('<p>Nog geen doelen.</p>') == [(1, "Nog geen doelen.")]
    assert onvertaalde_tekst('<nav aria-label="Kruimelpad"></nav>') == [(1, 'aria-label="Kruimelpad"')]
    assert onvertaalde_tekst('{% load i18n %}\n<p>{{ n }} in totaal</p>') == [(2, "in totaal")]
    assert onvertaalde_tekst('{{ x|default:"nooit" }}{% include "f.html" with submit_label="Opslaan" %}') == [
        (1, '|default:"nooit"'), (1, 'submit_label="Opslaan"')]
    assert onvertaalde_tekst(
        '{% load i18n %}<p class="x">{% translate "Nog geen doelen." %}</p>'
        '<nav aria-label="{% translate \'Kruimelpad\' %}"></nav>'
        '{% blocktranslate trimmed with n=x.y %}{{ n }} in totaal{% endblocktranslate %}'
        '<code>gegevens.json</code> — € {{ bedrag }} &nbsp; {{ x|default:"—"|default:_("nooit") }}'
        '{% include "f.html" with submit_label=_("Opslaan") %}'
    ) == []
    # Code, not language: a heading level chosen by a variable, a form prefix and action.
    assert onvertaalde_tekst(
        '<{{ kop|default:"h2" }} class="h5">{% translate "Doelen" %}</{{ kop|default:"h2" }}>'
        '{% include "f.html" with prefix="b" kop="h4" action="?programma="|add:p.slug %}'
    ) == []
    assert onvertaalde_tekst('<{{ kop }} class="h5">Doelen</{{ kop }}>') == [(1, "Doelen")]


def test_codes_en_modellen_vertaalbaar():
    from django.utils import translation

    from rapportage.models import Jaarverslag
    from uitstap.codes import Fase, Leefgebied, Rol
    from uitstap.forms import CONFLICT, UitstapForm
    from uitstap.models import Ketenpartner, Programma

    from clients.forms import AanmeldingForm
    from clients.models import Deelnemer
    from trajecten.models import Trajectplan

    for label in (Programma._meta.verbose_name, Programma._meta.get_field("wachttijd_signaal_dagen").verbose_name,
                  Ketenpartner._meta.get_field("voorgesteld").help_text, Jaarverslag.Status.DEFINITIEF.label,
                  Deelnemer._meta.verbose_name, Deelnemer._meta.get_field("roepnaam").help_text,
                  Trajectplan.Status.ACTIEF.label, AanmeldingForm.base_fields["verwijzer_ketenpartner"].help_text):
        assert isinstance(label, Promise), label
    assert Trajectplan.Status.ACTIEF.label == "Actief (ondertekend)"
    # The code lists: Dutch text (gettext_noop), the msgid a document in another language translates.
    assert Fase.ORIENTATIE.label == "Oriëntatie" and type(Rol.COORDINATOR.label) is str
    with translation.override("en"):
        assert translation.gettext(Leefgebied.FINANCIEN.label) != "Financiën"  # a hand-made entry in locale/en
    assert isinstance(CONFLICT, str)  # gettext_noop: plain text that tests and views compare

    from django import forms

    class Formulier(UitstapForm, forms.Form):
        opmerking = forms.CharField(label="opmerking", required=False)

    assert Formulier().fields["opmerking"].label == "Opmerking (optioneel)"
