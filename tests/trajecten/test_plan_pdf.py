"""The shared PDF helper and the SVG charts: static files via finders only, no script in the SVG, A4 output."""

import base64
import datetime

import pytest

from uitstap import charts, pdf


def test_radar_svg_has_no_script_and_is_a_data_uri():
    svg = charts.radar_svg(labels=["Huisvesting", "Financiën", "Zingeving"], reeksen=[("Eerste score", [3, 2, None]),
                                                                                    ("Laatste score", [6, 5, 4])])
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<script" not in svg.lower()
    assert "Financiën" in svg and "Laatste score" in svg
    uri = charts.data_uri(svg)
    assert uri.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]).decode() == svg


def test_voortgang_svg_plots_dates_and_target():
    d = datetime.date(2026, 1, 5)
    svg = charts.voortgang_svg(punten=[(d, 3), (d + datetime.timedelta(days=40), 5)], doelscore=7)
    assert "<script" not in svg.lower() and "Doelscore" in svg and "05-01-2026" in svg


def test_static_path_only_for_our_own_base_url():
    assert pdf._static_pad("https://uitstap.pdf/static/css/pdf.css") == "css/pdf.css"
    assert pdf._static_pad("https://elders.example/static/css/pdf.css") is None
    assert pdf._static_pad("https://uitstap.pdf/media/x.png") is None
    assert pdf._static_pad("file:///etc/passwd") is None


@pytest.mark.django_db
def test_render_pdf_reads_the_stylesheet_through_finders_and_never_fetches_outside(monkeypatch, tmp_path, settings):
    gezocht = []
    echte_find = pdf.finders.find

    def find(pad, *args, **kwargs):
        gezocht.append(pad)
        return echte_find(pad, *args, **kwargs)

    monkeypatch.setattr(pdf.finders, "find", find)
    sjabloon = tmp_path / "t.html"
    sjabloon.write_text(
        '{% load static %}<html><head><link rel="stylesheet" href="{% static \'css/pdf.css\' %}"></head>'
        '<body><p>Hallo</p><img src="https://example.com/tracker.png"><img src="file:///etc/hostname"></body></html>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    html, data = pdf.render_pdf("t.html", {})
    assert data.startswith(b"%PDF")
    assert "Hallo" in html
    assert gezocht == ["css/pdf.css"]  # the external and file: images were refused without a lookup
