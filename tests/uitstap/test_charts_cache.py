"""Charts are kept per process by their data: the same data gives the kept SVG, other data a new one."""

import datetime

from django.utils import translation
from django.utils.translation import gettext_lazy

from uitstap import charts


def test_the_same_data_is_not_drawn_again_and_other_data_is():
    data = {"labels": ["Huisvesting", "Financiën"], "reeksen": [("Eerste", [3, 4]), ("Laatste", [5, 6])]}
    eerste = charts.radar_svg(**data)
    assert charts.radar_svg(labels=["Huisvesting", "Financiën"], reeksen=[("Eerste", [3, 4]), ("Laatste", [5, 6])]) is eerste
    ander = charts.radar_svg(labels=["Huisvesting", "Financiën"], reeksen=[("Eerste", [3, 4]), ("Laatste", [5, 7])])
    assert ander is not eerste and ander != eerste
    d = datetime.date(2026, 1, 5)
    assert charts.voortgang_svg(punten=[(d, 3)], doelscore=7) != charts.voortgang_svg(punten=[(d, 3)], doelscore=8)


def test_a_lazy_label_is_kept_per_language():
    label = gettext_lazy("Trajectplan")
    with translation.override("nl"):
        nl = charts._sleutel({"labels": [label]})
    with translation.override("en"):
        en = charts._sleutel({"labels": [label]})
    assert nl == (("labels", ("Trajectplan",)),) and en == (("labels", ("Personal plan",)),)


def test_the_kept_charts_stay_bounded():
    for i in range(charts.ONTHOUDEN_MAX + 10):
        charts.staaf_svg(labels=["a"], waarden=[float(i)])
    assert len(charts.staaf_svg.bewaard) == charts.ONTHOUDEN_MAX
