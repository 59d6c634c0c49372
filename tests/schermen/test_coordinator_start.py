"""Issue 20: the coordinator's start page lists what needs attention, each a link, in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import DeelnemerFactory
from trajecten import services
from uitstap.codes import ContactStatus

pytestmark = pytest.mark.django_db
vandaag = datetime.date.today()
dag = datetime.timedelta(days=1)


def _lopend(programma, coach, code, dagen_geleden=100):
    d = DeelnemerFactory(programma=programma, begeleider=coach, clientcode=code)
    return services.traject_starten(deelnemer=d, aanmelddatum=vandaag - dagen_geleden * dag, door=coach)


def test_start_page_lists_attention_with_links(login, programma, coach, coordinator):
    stil = _lopend(programma, coach, "STIL-1")
    plan_t = _lopend(programma, coach, "PLAN-2")
    services.contactmoment_vastleggen(traject=plan_t, door=coach, data={
        "datum": vandaag - 2 * dag, "status": ContactStatus.GEHOUDEN, "duur_minuten": 30})
    services.trajectplan_opstellen(traject=plan_t, opgesteld_op=vandaag - 50 * dag, door=coach)
    client = login(coordinator)
    start = client.get(reverse("start"))
    assert start["Location"] == reverse("trajecten:coordinator_start")
    response = client.get(reverse("trajecten:coordinator_start"))
    html = response.content.decode()
    a = response.context["aandacht"]
    assert [d.clientcode for d in a.geen_contact] == ["STIL-1"]
    assert [d.clientcode for d in a.plan_ongetekend] == ["PLAN-2"]
    assert f'href="{reverse("trajecten:dossier", args=[stil.deelnemer.pk])}">STIL-1</a>' in html
    assert f'href="{reverse("trajecten:trajectplan", args=[plan_t.deelnemer.pk])}">PLAN-2</a>' in html
    assert a.per_begeleider[0][1] == 2 and f"?begeleider={coach.pk}" in html


def test_start_page_queries_are_constant(login, programma, coach, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(coordinator)
    _lopend(programma, coach, "A-1")
    with CaptureQueriesContext(connection) as een:
        client.get(reverse("trajecten:coordinator_start"))
    for i in range(10):
        _lopend(programma, coach, f"B-{i}")
    with CaptureQueriesContext(connection) as elf:
        client.get(reverse("trajecten:coordinator_start"))
    def tel(ctx):  # session bookkeeping (idle timeout refresh after a slow setup) is not the page's work
        return len([q for q in ctx.captured_queries if "django_session" not in q["sql"] and "SAVEPOINT" not in q["sql"]])

    assert tel(elf) == tel(een)
