"""Issue 20, finding 5: a caseload that prioritises, filters and sorts in SQL, fits at 390 px, constant queries."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import DeelnemerFactory
from trajecten import selectors, services
from uitstap.codes import ContactStatus, Fase

pytestmark = pytest.mark.django_db
vandaag = datetime.date.today()
dag = datetime.timedelta(days=1)


def _deelnemer(programma, coach, code, *, laatste=None, gepland=None, fase=None):
    d = DeelnemerFactory(programma=programma, begeleider=coach, clientcode=code)
    t = services.traject_starten(deelnemer=d, aanmelddatum=vandaag - 200 * dag, door=coach)
    if laatste is not None:
        services.contactmoment_vastleggen(traject=t, door=coach, data={
            "datum": laatste, "status": ContactStatus.GEHOUDEN, "duur_minuten": 30})
    if gepland is not None:
        services.contactmoment_vastleggen(traject=t, door=coach, data={
            "datum": gepland, "status": ContactStatus.GEPLAND})
    if fase:
        services.fase_wijzigen(traject=t, fase=fase, datum=vandaag - 100 * dag, door=coach)
    return d


@pytest.fixture
def vier(programma, coach):
    return {
        "A-rustig-later": _deelnemer(programma, coach, "A-1", laatste=vandaag - 2 * dag, gepland=vandaag + 5 * dag),
        "B-rustig-eerst": _deelnemer(programma, coach, "B-2", laatste=vandaag - 2 * dag, gepland=vandaag + 1 * dag,
                                     fase=Fase.ORIENTATIE),
        "C-signaal": _deelnemer(programma, coach, "C-3", laatste=vandaag - 40 * dag),
        "D-niets-gepland": _deelnemer(programma, coach, "D-4", laatste=vandaag - 3 * dag),
    }


def test_default_order_is_urgency_signals_first_then_next_contact(login, coach, vier):
    response = login(coach).get(reverse("trajecten:caseload"))
    codes = [d.clientcode for d, _ in response.context["rijen"]]
    assert codes == ["C-3", "B-2", "A-1", "D-4"]


def test_sortable_columns_and_filters_stay_in_the_query_string(login, coach, vier):
    client = login(coach)
    url = reverse("trajecten:caseload")
    codes = lambda r: [d.clientcode for d, _ in r.context["rijen"]]  # noqa: E731
    assert codes(client.get(url, {"sorteer": "deelnemer"})) == ["A-1", "B-2", "C-3", "D-4"]
    assert codes(client.get(url, {"sorteer": "-deelnemer"})) == ["D-4", "C-3", "B-2", "A-1"]
    assert codes(client.get(url, {"sorteer": "laatste"})) == ["C-3", "D-4", "A-1", "B-2"]
    assert codes(client.get(url, {"fase": "orientatie"})) == ["B-2"]
    gefilterd = client.get(url, {"signaal": "geen_contact", "sorteer": "deelnemer"})
    assert codes(gefilterd) == ["C-3"]
    html = gefilterd.content.decode()
    assert 'value="geen_contact" selected' in html
    assert "sorteer=-deelnemer" in html and "signaal=geen_contact" in html  # the sort links keep the filter


def test_every_signal_is_a_link_and_this_week_lists_planned_contacts(login, coach, vier):
    response = login(coach).get(reverse("trajecten:caseload"))
    html = response.content.decode()
    c = vier["C-signaal"]
    traject = c.trajecten.get()
    assert f'<a class="link-danger" href="{reverse("trajecten:contact_nieuw", args=[traject.pk])}">Geen contact sinds 40 dagen</a>' in html
    assert [g.traject.deelnemer.clientcode for g in response.context["gepland"]] == ["B-2", "A-1"]
    assert "Vandaag en deze week" in html


def test_sixty_on_one_page_cards_markup_and_constant_queries(login, programma, coach, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(coach)
    for i in range(3):
        _deelnemer(programma, coach, f"K-{i:02d}", laatste=vandaag - 40 * dag, gepland=vandaag + dag)
    with CaptureQueriesContext(connection) as weinig:
        client.get(reverse("trajecten:caseload"))
    for i in range(3, 60):
        _deelnemer(programma, coach, f"K-{i:02d}", laatste=vandaag - 40 * dag, gepland=vandaag + dag)
    with CaptureQueriesContext(connection) as veel:
        response = client.get(reverse("trajecten:caseload"))
    # Session bookkeeping (the idle timeout refreshes it when the setup took long) is not the page's work.
    def tel(ctx):
        return len([q for q in ctx.captured_queries if "django_session" not in q["sql"] and "SAVEPOINT" not in q["sql"]])

    assert tel(veel) == tel(weinig)
    assert len(response.context["rijen"]) == 60
    html = response.content.decode()
    assert 'class="table align-middle kaarten"' in html and 'data-label="Signalen"' in html
    assert "table-scroll" not in html


def test_selector_conditions_match_the_python_signals(programma, coach, vier):
    qs = selectors.caseload(coach, vandaag=vandaag)
    for d in qs:
        assert d.aantal_signalen == len(selectors.signalen_voor(d, vandaag)), d.clientcode


def test_this_week_shows_the_first_planned_contacts_and_how_many_more(login, programma, coach):
    """A large caseload does not list hundreds of contacts at the top: the first 25 in time order, then a count
    that links to the caseload sorted by next contact."""
    for i in range(selectors.DEZE_WEEK_MAX + 3):
        _deelnemer(programma, coach, f"W-{i:02d}", laatste=vandaag - dag, gepland=vandaag + (i % 7) * dag)
    response = login(coach).get(reverse("trajecten:caseload"))
    gepland = response.context["gepland"]
    assert len(gepland) == selectors.DEZE_WEEK_MAX
    assert [c.datum for c in gepland] == sorted(c.datum for c in gepland)
    assert response.context["gepland_meer"] == 3
    assert '<a href="?sorteer=volgend">en nog 3 geplande contacten deze week</a>' in response.content.decode()


def test_this_week_follows_every_new_contact_and_assignment(login, programma, coach, coach2):
    """The week's query is compiled once per user and day (uitstap.query_shapes); what it finds is read anew on
    every request: a contact planned since, a participant handed to another coach."""
    a = _deelnemer(programma, coach, "N-1", gepland=vandaag + dag)
    client = login(coach)
    codes = lambda: [g.traject.deelnemer.clientcode for g in client.get(reverse("trajecten:caseload")).context["gepland"]]  # noqa: E731
    assert codes() == ["N-1"]
    _deelnemer(programma, coach, "N-2", gepland=vandaag)
    assert codes() == ["N-2", "N-1"]
    type(a).objects.filter(pk=a.pk).update(begeleider=coach2)
    assert codes() == ["N-2"]


def test_this_week_leaves_out_a_participant_no_longer_visible_between_its_two_queries(programma, coach, coach2,
                                                                                     monkeypatch):
    """The week's contacts come first, their participants second, both through deelnemers_visible_to: when a
    participant is handed to another coach in between, her contact is not shown and not counted."""
    import sys

    module = sys.modules["trajecten.selectors.caseload"]  # the package exports a function of the same name
    a = _deelnemer(programma, coach, "V-1", gepland=vandaag + dag)
    _deelnemer(programma, coach, "V-2", gepland=vandaag + 2 * dag)
    assert [c.traject.deelnemer.clientcode for c in selectors.deze_week(coach, vandaag)[0]] == ["V-1", "V-2"]
    eerste = module._DEZE_WEEK.fetch

    def en_dan_overgedragen(*args, **kwargs):
        rijen = eerste(*args, **kwargs)
        type(a).objects.filter(pk=a.pk).update(begeleider=coach2)
        return rijen

    monkeypatch.setattr(module._DEZE_WEEK, "fetch", en_dan_overgedragen)
    gepland, totaal = selectors.deze_week(coach, vandaag)
    assert [c.traject.deelnemer.clientcode for c in gepland] == ["V-2"] and totaal == 1
