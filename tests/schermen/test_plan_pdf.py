"""Issue 20, finding 10: the plan PDF is tagged (PDF/UA-1), has no near-empty page, the button follows the state."""

import re
import zlib

import pytest
from django.urls import reverse

from tests.trajecten.test_plan_views import dagen, plan, traject  # noqa: F401 (fixtures)
from trajecten import services
from trajecten.models import Trajectplan
from trajecten.selectors import plan_pdf_context
from uitstap.pdf import render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vandaag(monkeypatch):
    import datetime

    from tests.trajecten import test_plan_views

    monkeypatch.setattr(test_plan_views, "VANDAAG", datetime.date.today())


def _ontleed(pdf: bytes) -> bytes:
    out = pdf
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            out += zlib.decompress(m.group(1))
        except zlib.error:
            pass
    return out


def _pagina_teksten(monkeypatch, plan):  # noqa: F811 (the fixture of this module)
    from weasyprint import HTML

    documenten = []
    origineel = HTML.write_pdf

    def spion(self, *args, **kwargs):
        documenten.append(self.render())
        return origineel(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", spion)

    def tekst(box):
        uit = [box.text] if hasattr(box, "text") else []
        for kind in getattr(box, "children", None) or []:
            uit.extend(tekst(kind))
        return uit

    _, pdf = render_pdf("trajecten/pdf/plan.html", plan_pdf_context(plan))
    return pdf, [" ".join(tekst(p._page_box)) for p in documenten[0].pages]


def test_plan_pdf_is_tagged_and_the_signature_is_not_alone_on_a_page(monkeypatch, plan):  # noqa: F811
    plan = Trajectplan.objects.select_related("traject__deelnemer__programma").get(pk=plan.pk)
    pdf, paginas = _pagina_teksten(monkeypatch, plan)
    inhoud = _ontleed(pdf)
    assert b"/StructTreeRoot" in inhoud and b"/MarkInfo" in inhoud and b"/Lang" in inhoud
    # Two goals and the agreements: goals and signature on page 1, the metingen annex on page 2.
    assert len(paginas) == 2
    assert "Betalingsregeling" in paginas[0] and "Ondertekening" in paginas[0]
    assert paginas[1].lstrip().startswith("Bijlage")


def test_pdf_button_text_follows_the_plan_state(login, coach, deelnemer, plan):  # noqa: F811
    url = reverse("trajecten:trajectplan", args=[deelnemer.pk])
    client = login(coach)
    assert "Print voor ondertekening (pdf)" in client.get(url).content.decode()
    services.trajectplan_ondertekenen(plan=plan, ondertekend_deelnemer_op=dagen(140),
                                      ondertekend_begeleider_op=dagen(140), door=coach, gelezen_versie=plan.versie)
    html = client.get(url).content.decode()
    assert "Print voor ondertekening" not in html and "Ondertekend plan downloaden (pdf)" in html


def test_metingen_history_has_every_date_as_a_column_in_a_focusable_region(login, coach, deelnemer, plan):  # noqa: F811
    html = login(coach).get(reverse("trajecten:trajectplan", args=[deelnemer.pk])).content.decode()
    tabel = html.split('class="table table-sm small align-middle meting-tabel meting-historie"')[1].split("</table>")[0]
    assert tabel.count('<th scope="col" class="text-end"><time') == 2  # two metingen, two date columns
    assert "Verschil" in tabel and "+3" in tabel  # huisvesting 3 -> 6
    assert '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="historie-titel">' in html
