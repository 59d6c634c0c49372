"""Server-side SVG charts (pygal) for the browser and for PDFs: no JavaScript, CSP-safe as an <img>.

pygal writes a <style> element, one style= attribute and a <script> into its SVG. Inlined in a
page, the Content-Security-Policy would block the first two; so the SVG is stripped of its
script and shown as an <img> with a data: URI (img-src allows data:). An SVG used as an image
runs no script and is styled by its own stylesheet, outside the page's CSP. The same data URI
goes into the PDF. Every chart needs a table next to it as the text alternative.

A chart is a pure function of its data, and pygal takes 5 to 10 ms to draw one: the last few hundred are kept
per process, keyed on the data (labels as the text they render to), so a dossier opened again is not redrawn.
"""

import base64
import collections
import datetime
import functools
import re
import threading

from django.utils.functional import Promise

LETTERTYPE = "DejaVu Sans, Arial, Helvetica, sans-serif"
# Calm colours with enough contrast on white; the series also differ in line style (not colour alone).
KLEUREN = ("#5c636a", "#0b5ed7", "#198754", "#b02a37")

_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _style():
    from pygal.style import Style

    return Style(
        background="white", plot_background="white", foreground="#212529", foreground_strong="#212529",
        foreground_subtle="#adb5bd", colors=KLEUREN, font_family=LETTERTYPE, label_font_size=13,
        major_label_font_size=13, legend_font_size=14, title_font_size=16, value_font_size=12,
        opacity=".15", opacity_hover=".15", stroke_width=3,
    )


def _schoon(svg: str) -> str:
    return _COMMENT.sub("", _SCRIPT.sub("", svg))


ONTHOUDEN_MAX = 512


def _sleutel(waarde):
    if isinstance(waarde, (list, tuple)):
        return tuple(_sleutel(w) for w in waarde)
    if isinstance(waarde, dict):
        return tuple(sorted((k, _sleutel(v)) for k, v in waarde.items()))
    if isinstance(waarde, Promise):
        return str(waarde)  # a lazy label: the text it renders to in the active language
    return waarde


def _onthouden(functie):
    """Keep the last ONTHOUDEN_MAX results of a chart function (keyword arguments only), per process."""
    bewaard: collections.OrderedDict = collections.OrderedDict()
    slot = threading.Lock()

    @functools.wraps(functie)
    def wrapper(**kwargs):
        sleutel = _sleutel(kwargs)
        with slot:
            if sleutel in bewaard:
                bewaard.move_to_end(sleutel)
                return bewaard[sleutel]
        svg = functie(**kwargs)
        with slot:
            bewaard[sleutel] = svg
            while len(bewaard) > ONTHOUDEN_MAX:
                bewaard.popitem(last=False)
        return svg

    wrapper.bewaard = bewaard
    return wrapper


@_onthouden
def radar_svg(*, labels: list[str], reeksen: list[tuple[str, list[int | None]]], titel: str = "",
              breedte: int = 640, hoogte: int = 520) -> str:
    """A radar chart on a 0-10 scale: one axis per label, one closed line per series (None = no score)."""
    import pygal

    stijl = _style()
    # The chart is shown at about 450 px wide: labels large enough to read after scaling.
    stijl.label_font_size = stijl.major_label_font_size = 20
    stijl.legend_font_size = 20
    chart = pygal.Radar(
        style=stijl, js=[], width=breedte, height=hoogte, range=(0, 10), fill=False, show_legend=True,
        legend_at_bottom=True, legend_at_bottom_columns=len(reeksen) or 1, title=titel or None,
        y_labels=[2, 4, 6, 8, 10], dots_size=4, truncate_label=-1, print_values=False, margin=24,
    )
    chart.x_labels = labels
    for i, (naam, waarden) in enumerate(reeksen):
        stijl = {"width": 3} if i == len(reeksen) - 1 else {"width": 2, "dasharray": "8,5"}
        chart.add(naam, waarden, stroke_style=stijl, allow_interruptions=True)
    return _schoon(chart.render(is_unicode=True))


@_onthouden
def voortgang_svg(*, punten: list[tuple[datetime.date, int]], doelscore: int | None = None, titel: str = "",
                  breedte: int = 640, hoogte: int = 300) -> str:
    """A goal's score over time (1-10), with the target score as a dashed line."""
    import pygal

    chart = pygal.DateLine(
        style=_style(), js=[], width=breedte, height=hoogte, range=(0, 10), show_legend=True,
        legend_at_bottom=True, legend_at_bottom_columns=2, title=titel or None, y_labels=[0, 2, 4, 6, 8, 10],
        x_value_formatter=lambda d: d.strftime("%d-%m-%Y"), dots_size=4, margin=16, margin_right=48, x_label_rotation=0,
        truncate_label=-1,
    )
    punten = sorted(punten)
    chart.add("Score", punten, stroke_style={"width": 3})
    if doelscore is not None and punten:
        chart.add("Doelscore", [(punten[0][0], doelscore), (punten[-1][0], doelscore)],
                  stroke_style={"width": 2, "dasharray": "8,5"}, show_dots=False)
    datums = [p[0] for p in punten]
    if len(set(datums)) > 1:
        chart.x_labels = sorted(set([datums[0], datums[-1]]))
    return _schoon(chart.render(is_unicode=True))


def data_uri(svg: str) -> str:
    """The SVG as a data: URI for <img src>, allowed by img-src 'self' data:."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@_onthouden
def staaf_svg(*, labels: list[str], waarden: list[float | None], titel: str = "", eenheid: str = "",
              breedte: int = 640, hoogte: int = 360) -> str:
    """A horizontal bar chart (one bar per label; None = no bar), values printed at the bars."""
    import pygal

    stijl = _style()
    stijl.opacity = ".75"
    stijl.opacity_hover = ".75"
    chart = pygal.HorizontalBar(
        style=stijl, js=[], width=breedte, height=hoogte, show_legend=False, title=titel or None,
        print_values=True, print_values_position="top", margin=16, truncate_label=-1, show_x_guides=False,
        show_y_guides=False, value_formatter=lambda v: f"{v:g}".replace(".", ",") + eenheid,
    )
    # pygal draws the first label at the bottom: reverse, so the chart reads top-down like its table.
    chart.x_labels = list(reversed(labels))
    chart.add(titel or "waarde", list(reversed(waarden)))
    return _schoon(chart.render(is_unicode=True))
