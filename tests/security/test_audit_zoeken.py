"""The coordinator's audit search in a log that grows by every page anyone opens: newest first from an index per
filter, counted up to a maximum, the same answers as before."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from uitstap import selectors
from uitstap.audit import Actie, audit_log
from uitstap.models import AuditEvent
from uitstap.views import audit as audit_views

pytestmark = pytest.mark.django_db


def test_more_events_than_the_maximum_show_the_newest_and_say_so(client, coordinator, coach, deelnemer, monkeypatch):
    """Beyond AUDIT_ZOEK_MAX the search counts no further: the page shows the newest, says there are more and how
    to narrow the search; the search event records maximum + 1 (more than the maximum)."""
    monkeypatch.setattr(audit_views, "AUDIT_ZOEK_MAX", 3)
    for actie in (Actie.VIEW, Actie.UPDATE, Actie.VIEW, Actie.UPDATE, Actie.VIEW):
        audit_log(actie=actie, gebruiker=coach, clientcode=deelnemer.clientcode, object_type="deelnemer",
                  object_id=str(deelnemer.pk), grondslag="begeleider")
    client.force_login(coordinator)
    r = client.get(reverse("audit_zoeken"), {"clientcode": deelnemer.clientcode})
    page = r.context["page"]
    assert page.paginator.afgekapt and page.paginator.count == 3 and len(page.object_list) == 3
    html = r.content.decode()
    assert "Meer dan 3 gebeurtenissen gevonden; hieronder staan de nieuwste 3." in html
    nieuwste = AuditEvent.objects.filter(clientcode=deelnemer.clientcode).order_by("-id")[:3]
    assert [e.pk for e in page.object_list] == [e.pk for e in nieuwste]
    zoekactie = AuditEvent.objects.filter(actie=Actie.SEARCH, object_type="auditlog").latest("id")
    assert zoekactie.aantal == 4
    # Narrowed below the maximum: counted exactly, nothing said.
    r = client.get(reverse("audit_zoeken"), {"clientcode": deelnemer.clientcode, "actie": Actie.UPDATE,
                                             "gebruiker": coach.username.upper()})
    assert not r.context["page"].paginator.afgekapt and r.context["page"].paginator.count == 2
    assert "Meer dan" not in r.content.decode() and "2 in totaal" not in r.content.decode()  # one page: no pager
    monkeypatch.setattr(audit_views, "AUDIT_ZOEK_MAX", 10)
    r = client.get(reverse("audit_zoeken"), {"clientcode": deelnemer.clientcode.lower()})
    assert r.context["page"].paginator.count == 5 and "Meer dan" not in r.content.decode()
    assert AuditEvent.objects.filter(actie=Actie.SEARCH, object_type="auditlog").latest("id").aantal == 5


def test_the_search_is_newest_first_by_time(coordinator, coach, deelnemer):
    """Newest first by the moment of the event (then by id): the order the indexes give."""
    oud = audit_log(actie=Actie.VIEW, gebruiker=coach, clientcode=deelnemer.clientcode, object_type="deelnemer")
    nieuw = audit_log(actie=Actie.VIEW, gebruiker=coach, clientcode=deelnemer.clientcode, object_type="deelnemer")
    gelijk = audit_log(actie=Actie.VIEW, gebruiker=coach, clientcode=deelnemer.clientcode, object_type="deelnemer")
    assert oud.tijdstip <= nieuw.tijdstip <= gelijk.tijdstip
    rijen = list(selectors.audit_zoeken(coordinator, clientcode=deelnemer.clientcode))
    assert [e.pk for e in rijen] == [gelijk.pk, nieuw.pk, oud.pk]
    dag = timezone.localtime(oud.tijdstip).date()
    begin = timezone.make_aware(datetime.datetime.combine(dag, datetime.time.min))
    assert [e.pk for e in selectors.audit_zoeken(coordinator, van=begin, tot=begin + datetime.timedelta(days=1),
                                                 actie=Actie.VIEW, gebruiker=coach.username)][:3] == [
        gelijk.pk, nieuw.pk, oud.pk]
    assert list(selectors.audit_zoeken(coordinator, tot=begin)) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="how PostgreSQL plans the audit search")
@pytest.mark.parametrize("filters, index", [
    ({"clientcode": "tst-2026-0001"}, "audit_zoeken_clientcode"),
    ({"gebruiker": "COACH1"}, "audit_zoeken_gebruiker"),
    ({"actie": "print"}, "audit_zoeken_actie"),
    ({}, "uitstap_auditevent_tijdstip"),
])
def test_each_filter_of_the_search_reads_its_index(programma, coordinator, filters, index):
    """Each filter, and the search without one, can be answered from an index in the search's order (newest
    first): the page does not read the whole log. (Sequential scans off: the test log is tiny.)"""
    qs = selectors.audit_zoeken(coordinator, **filters)[:50]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        plan = qs.explain()
    assert index in plan, plan
