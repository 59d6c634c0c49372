"""The one pass over the trajecten and how the figures share it: phases read from the kept columns or the history,
one query for all traject figures, medians from counts, and how PostgreSQL plans the figure queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rapportage import cijfers as c
from rapportage.cijfers.basis import VOOR_DE_DOORGANG, een_doorgang, mediaan_van_telling, planner
from rapportage.cijfers.doorgang import trajecten_doorgang
from tests.rapportage.helpers import TOT, VAN, d, deelnemer, traject
from trajecten.models import Leefsituatie, Traject, Uitstroom

pytestmark = pytest.mark.django_db


def test_phase_on_a_day_before_the_latest_transition_comes_from_the_history(programma):
    # A: orientatie in 2024, uitvoering in 2025: on 31-12-2024 it is in orientatie (the kept phase says uitvoering).
    a = traject(deelnemer(programma), "2024-02-01", ("orientatie", "2024-03-01"), ("uitvoering", "2025-02-01"))
    # B: its only later transition is its first: in contact on 31-12-2024 (the history has nothing on or before it).
    b = Traject.objects.create(deelnemer=deelnemer(programma), aanmelddatum=d("2024-06-01"))
    b.fase_overgangen.create(fase="orientatie", datum=d("2025-01-15"))
    # C: no transitions at all: contact. D: latest transition on the day itself: that phase, from the kept column.
    Traject.objects.create(deelnemer=deelnemer(programma), aanmelddatum=d("2024-07-01"))
    traject(deelnemer(programma), "2024-01-05", ("orientatie", "2024-02-01"), ("nazorg", "2024-12-31"))
    assert Traject.objects.get(pk=a.pk).huidige_fase == "uitvoering"  # the kept column does not answer for 2024
    assert c.per_fase_op_einddatum(programma, VAN, TOT) == {"contact": 2, "orientatie": 1, "uitvoering": 0, "nazorg": 1}


def test_phase_on_the_day_of_a_stop_comes_from_the_history_after_a_later_transition(programma):
    # E stops in orientatie on 01-10-2024; a transition to uitvoering recorded afterwards, dated 01-11-2024.
    e = traject(deelnemer(programma), "2024-01-10", ("orientatie", "2024-02-01"), ("uitvoering", "2024-11-01"))
    Uitstroom.objects.create(traject=e, datum=d("2024-10-01"), soort="gestopt", reden="motivatie")
    # F stops in uitvoering on the day it moved there (kept column: fase_sinds is the stop day).
    f = traject(deelnemer(programma), "2024-01-10", ("orientatie", "2024-02-01"), ("uitvoering", "2024-05-01"))
    Uitstroom.objects.create(traject=f, datum=d("2024-05-01"), soort="gestopt", reden="verhuisd")
    assert c.gestopt_per_fase(programma, VAN, TOT) == {"contact": 0, "orientatie": 1, "uitvoering": 1, "nazorg": 0}


def test_herinstroom_needs_an_earlier_traject_that_ingestroomd(programma):
    # G: second traject in P after one that ingestroomd: herinstroom. H: after one that never left contact: not.
    g = deelnemer(programma)
    traject(g, "2022-01-01", ("orientatie", "2022-02-01"), eind="2022-06-01")
    traject(g, "2024-03-01", ("orientatie", "2024-04-01"))
    h = deelnemer(programma)
    traject(h, "2023-01-01", eind="2023-03-01")
    traject(h, "2024-03-01", ("orientatie", "2024-04-01"))
    # I: a later traject that ingestroomd does not make the earlier one (ingestroomd in P) a herinstroom.
    i = deelnemer(programma)
    traject(i, "2024-01-01", ("orientatie", "2024-01-20"), eind="2024-02-01")
    traject(i, "2024-05-01", ("orientatie", "2025-01-10"))
    assert (c.ingestroomd(programma, VAN, TOT), c.herinstroom(programma, VAN, TOT)) == (3, 1)


def test_the_traject_figures_share_one_query(programma):
    traject(deelnemer(programma), "2024-02-01", ("orientatie", "2024-03-01"))
    namen = ("aanmeldingen", "intakes_gehouden", "ingestroomd", "herinstroom", "actief_in_periode", "in_traject_op_einddatum",
             "per_fase_op_einddatum", "uitgestapt", "uitgestapt_per_resultaat", "uitgestapt_per_branche",
             "tussentijds_gestopt", "gestopt_per_reden", "trajectplannen_opgesteld", "trajectplannen_ondertekend",
             "cumulatief", "afgesloten_zonder_instroom", "intakes_per_besluit", "gestopt_per_fase",
             "aanmeldingen_via_outreach")
    with een_doorgang(), CaptureQueriesContext(connection) as q:
        waarden = {naam: getattr(c, naam)(programma, VAN, TOT) for naam in namen}
    assert sum("trajecten_traject" in query["sql"] for query in q.captured_queries) == 1
    assert waarden["aanmeldingen"] == waarden["ingestroomd"] == waarden["in_traject_op_einddatum"] == 1
    # Outside een_doorgang every figure simply makes the pass itself, with the same answer.
    assert {naam: getattr(c, naam)(programma, VAN, TOT) for naam in namen} == waarden


def test_een_doorgang_nests_and_shares_the_outer_results(programma):
    traject(deelnemer(programma), "2024-02-01", ("orientatie", "2024-03-01"))
    with een_doorgang():
        buiten = trajecten_doorgang(programma, VAN, TOT)
        with een_doorgang():
            assert trajecten_doorgang(programma, VAN, TOT) is buiten
        assert trajecten_doorgang(programma, VAN, TOT) is buiten
    assert trajecten_doorgang(programma, VAN, TOT) is not buiten


@pytest.mark.parametrize("telling,mediaan", [
    ({}, None),
    ({7: 1}, 7),
    ({1: 1, 4: 1}, 2.5),  # even count: the mean of the two middle values, not rounded
    ({2: 2, 9: 1}, 2),
    ({1: 2, 3: 2}, 2),
    ({-6: 1, 12: 1}, 3),  # a plan signed before instroom: negative days
    ({5: 3, 6: 3}, 5.5),
])
def test_median_from_counts(telling, mediaan):
    uit = mediaan_van_telling(telling)
    assert uit == mediaan and type(uit) is type(mediaan)


def test_a_participant_without_any_leefsituatie_counts_as_onbekend_at_both_moments(programma, coach):
    met, zonder = deelnemer(programma), deelnemer(programma)
    a = traject(met, "2024-01-10", ("orientatie", "2024-02-01"))
    b = traject(zonder, "2024-01-10", ("orientatie", "2024-02-01"))
    Leefsituatie.objects.create(traject=a, datum=d("2024-01-20"), woonsituatie="opvang", door=coach)
    for t in (a, b):
        Uitstroom.objects.create(traject=t, datum=d("2024-09-01"), soort="uitgestapt", resultaat="opleiding")
    uit = c.leefsituatie_instroom_uitstroom(programma, VAN, TOT)
    assert uit["trajecten"] == 2
    for moment in ("instroom", "uitstroom"):
        assert uit[moment]["woonsituatie"]["opvang"] == 1 and uit[moment]["woonsituatie"]["onbekend"] == 1
        assert uit[moment]["inkomstenbron"]["onbekend"] == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="how PostgreSQL plans the figure queries")
def test_on_postgresql_figure_queries_are_planned_for_their_dates(programma):
    connection.ensure_connection()
    drempel = connection.connection.prepare_threshold
    with een_doorgang():
        assert connection.connection.prepare_threshold is None
    assert connection.connection.prepare_threshold == drempel
    with pytest.raises(ValueError), een_doorgang():
        raise ValueError
    assert connection.connection.prepare_threshold == drempel


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
def test_the_pass_runs_with_its_planner_settings_and_puts_them_back(programma):
    """No parallel workers and grouping by hash around the pass (basis.VOOR_DE_DOORGANG), put back afterwards, also
    after an error; one statement to set them and one to put them back."""
    def instellingen():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('max_parallel_workers_per_gather'), current_setting('enable_sort')")
            return cursor.fetchone()

    voor = instellingen()
    with planner(**VOOR_DE_DOORGANG):
        assert instellingen() == ("0", "off")
    assert instellingen() == voor
    with pytest.raises(ValueError), planner(**VOOR_DE_DOORGANG):
        raise ValueError
    assert instellingen() == voor
    with CaptureQueriesContext(connection) as q:
        trajecten_doorgang(programma, VAN, TOT)
    assert [query["sql"].count("set_config") for query in q.captured_queries] == [2, 0, 2]
    assert instellingen() == voor
