"""The convenant in the participant's language: fixed texts through gettext, goals as written, bilingual option."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from trajecten import services
from trajecten.convenant_teksten import LABELS
from trajecten.models import Trajectplan
from trajecten.selectors import plan_pdf_context
from uitstap.codes import DoelStatus, Leefgebied
from uitstap.pdf import render_pdf
from uitstap.talen import documenttaal_of, documenttalen

VANDAAG = datetime.date.today()
PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def dagen(n):
    return VANDAAG - datetime.timedelta(days=n)


def catalogus() -> dict[str, str]:
    """{msgid: msgstr} of the English catalogue (multi-line strings joined)."""
    uit = {}
    for blok in PO.read_text(encoding="utf-8").split("\n\n"):
        m = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', blok + "\n", re.M)
        if m:
            mid = "".join(re.findall(r'"(.*)"', m.group(1)))
            if mid:
                uit[mid] = "".join(re.findall(r'"(.*)"', m.group(2)))
    return uit


@pytest.fixture
def plan(deelnemer, coach):
    deelnemer.roepnaam = "Amina"
    deelnemer.save()
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen(200), door=coach)
    plan = services.trajectplan_opstellen(traject=traject, opgesteld_op=dagen(150), door=coach, afspraken="")
    hoofd = services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "financien", "omschrijving": "Payment plan with the tax office",
        "indicator": "Signed arrangement", "acceptabel": True, "streefdatum": dagen(-10), "startscore": 3,
        "doelscore": 7, "realistisch": "She already has the letters"})
    services.subdoel_aanmaken(ouder=hoofd, door=coach, data={
        "omschrijving": "Apply for debt help", "indicator": "Sent", "streefdatum": dagen(-5)})
    services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "huisvesting", "omschrijving": "A room of her own", "indicator": "A rental contract",
        "acceptabel": False, "acceptabel_toelichting": "Not sure yet", "streefdatum": dagen(-90)})
    for d, scores in ((dagen(140), {"huisvesting": 3, "financien": 2, "zingeving": 4}),
                      (dagen(20), {"huisvesting": 6, "financien": 5, "zingeving": 6})):
        services.meting_vastleggen(traject=traject, datum=d, scores=scores, door=coach)
    return plan


def html_in(plan, taal, tweetalig=False):
    with translation.override(taal):
        html, pdf = render_pdf("trajecten/pdf/plan.html", plan_pdf_context(plan, taal=taal, tweetalig=tweetalig))
    return html, pdf


def zichtbare_tekst(html: str) -> str:
    alts = " ".join(re.findall(r'alt="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", html) + " " + alts


def test_english_is_a_document_language_and_the_ui_stays_dutch():
    assert settings.LANGUAGE_CODE == "nl"
    assert {"nl", "en"} <= {c for c, _ in settings.LANGUAGES}
    assert documenttalen() == ["nl", "en"]
    assert documenttaal_of("en") == "en" and documenttaal_of("xx", "en") == "en" and documenttaal_of("xx") == "nl"


def test_every_label_the_convenant_prints_has_an_english_translation():
    cat = catalogus()
    labels = set(Leefgebied.labels) | set(DoelStatus.labels) | set(Trajectplan.Status.labels)
    assert labels <= set(LABELS)
    for tekst in set(LABELS) | set(re.findall(r'{%\s*translate\s+["\']([^"\']+)["\']',
                                               (Path(settings.BASE_DIR) / "templates/trajecten/pdf/plan.html").read_text())):
        assert cat.get(tekst), tekst


@pytest.mark.django_db
def test_english_convenant_contains_no_dutch_fixed_text(plan):
    html, pdf = html_in(plan, "en")
    assert pdf.startswith(b"%PDF") and '<html lang="en">' in html
    tekst = zichtbare_tekst(html)
    nederlands = [mid for mid, msgstr in catalogus().items() if msgstr != mid]
    gevonden = [mid for mid in nederlands if re.search(rf"(?<!\w){re.escape(mid)}(?!\w)", tekst)]
    assert gevonden == []
    for engels in ("Personal plan", "Goals per area of life", "Finances", "Housing", "Signatures",
                   "No further agreements.", "Agrees with goal", "No, not yet", "Appendix: own scores per area of life"):
        assert engels in tekst
    # the goals as the coach wrote them
    assert "Payment plan with the tax office" in tekst and "Apply for debt help" in tekst


@pytest.mark.django_db
def test_dutch_convenant_unchanged(plan):
    html, _ = html_in(plan, "nl")
    assert '<html lang="nl">' in html and "Doelen per leefgebied" in html and "Goals per area of life" not in html
    assert 'lang="nl">/' not in html


@pytest.mark.django_db
def test_bilingual_has_dutch_beside_english(plan):
    html, _ = html_in(plan, "en", tweetalig=True)
    assert "Goals per area of life" in html
    assert '<span class="nl" lang="nl">/ Doelen per leefgebied</span>' in html
    assert '<span class="nl" lang="nl">/ Financiën</span>' in html
    assert "Met onze handtekening spreken we af" in html and "By signing, we agree" in html


@pytest.mark.django_db
def test_pdf_follows_the_participants_language(login, coach, deelnemer, plan, settings):
    settings.DEBUG = True
    client = login(coach)
    url = reverse("trajecten:plan_pdf_voorbeeld", args=[deelnemer.pk, plan.pk])
    assert '<html lang="nl">' in client.get(url).content.decode()
    deelnemer.documenttaal = "en"
    deelnemer.save()
    assert "Goals per area of life" in client.get(url).content.decode()
    assert '<html lang="nl">' in client.get(url + "?taal=nl").content.decode()
    assert '<html lang="en">' in client.get(url + "?taal=xx").content.decode()  # unknown: her own language
    r = client.get(reverse("trajecten:plan_pdf", args=[deelnemer.pk, plan.pk]))
    assert r["Content-Disposition"].endswith(f'-v{plan.volgnummer}-en.pdf"')
    # the screen around it stays Dutch
    tab = client.get(reverse("trajecten:trajectplan", args=[deelnemer.pk])).content.decode()
    assert "Print voor ondertekening (pdf)" in tab and "Pdf (English)" in tab and "Tweetalig (Nederlands + English)" in tab


@pytest.mark.django_db
def test_documenttaal_on_the_personal_data_form(login, coach, deelnemer):
    from clients.forms import PersoonsgegevensForm

    form = PersoonsgegevensForm(instance=deelnemer)
    assert ("en", "English") in form.fields["documenttaal"].widget.choices
    data = {**{k: v for k, v in form.initial.items() if v is not None}, "documenttaal": "xx"}
    bound = PersoonsgegevensForm(data, instance=deelnemer)
    assert not bound.is_valid() and "documenttaal" in bound.errors


@pytest.mark.django_db
def test_screens_stay_dutch_for_an_english_browser(client):
    html = client.get(reverse("two_factor:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Gebruikersnaam" in html and "Username" not in html
