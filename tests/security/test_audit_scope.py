"""Round 2 (SECURITY.md 41): denied events without foreign clientcodes, audit scope per programme, searches
that store nothing of what was typed."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import DeelnemerFactory, GebruikerFactory, OrganisatieFactory, ProgrammaFactory
from uitstap.codes import Rol
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db

MARKER = "Qqtypedmarker"


def _alle_tekst():
    kolommen = [f.column for f in AuditEvent._meta.concrete_fields]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(kolommen)} FROM {AuditEvent._meta.db_table}")
        return " ".join(" ".join(str(v) for v in rij) for rij in cursor.fetchall())


def test_denied_probe_leaks_no_clientcode_to_the_prober_coordinator(client, deelnemer, ander_programma, coach_elders,
                                                                   coordinator_elders):
    """Finding 3: a coach of programme B probes ids of programme A; B's coordinator reads B's own events."""
    client.force_login(coach_elders)
    for pk in (deelnemer.pk, deelnemer.pk + 1000):
        assert client.get(reverse("trajecten:dossier", args=[pk])).status_code == 404
    events = AuditEvent.objects.filter(actie="denied", gebruiker=coach_elders)
    assert {(e.clientcode, e.object_type, e.object_id) for e in events} == {
        ("", "deelnemer", str(deelnemer.pk)), ("", "deelnemer", str(deelnemer.pk + 1000))}
    assert deelnemer.clientcode not in _alle_tekst()
    client.force_login(coordinator_elders)
    r = client.get(reverse("audit_zoeken"), {"gebruiker": "coach_elders", "actie": "denied"})
    rijen = list(r.context["page"].object_list)
    assert len(rijen) == 2 and all(e.gevraagd is None for e in rijen)
    html = r.content.decode()
    assert deelnemer.clientcode not in html and f"id {deelnemer.pk}" in html


def test_owner_coordinator_sees_which_of_their_participants_was_probed(client, deelnemer, coach_elders, coordinator):
    client.force_login(coach_elders)
    client.get(reverse("trajecten:dossier", args=[deelnemer.pk]))
    client.force_login(coordinator)
    r = client.get(reverse("audit_zoeken"), {"actie": "denied"})
    assert [(e.gebruikersnaam, e.gevraagd) for e in r.context["page"].object_list] == [
        ("coach_elders", deelnemer.clientcode)]
    # ... and the participant's own "who read this file" list holds the attempt.
    from uitstap.selectors import audit_events_over
    assert audit_events_over(deelnemer).filter(actie="denied", gebruiker=coach_elders).count() == 1


@pytest.fixture
def gedeelde_organisatie_opzet(gemeente):
    """Organisation S runs programme P1 alone and programme P2 together with organisation Y."""
    s, y = OrganisatieFactory(naam="Stichting Samen"), OrganisatieFactory(naam="Stichting Y")
    p1 = ProgrammaFactory(naam="P1", slug="p1", code="PEE", organisaties=[s])
    p2 = ProgrammaFactory(naam="P2", slug="p2", code="TWO", organisaties=[s, y])
    coach_s = GebruikerFactory(username="coach_s", rol=Rol.TRAJECTBEGELEIDER, organisatie=s)
    coord_y = GebruikerFactory(username="coord_y", rol=Rol.COORDINATOR, organisatie=y)
    in_p1 = DeelnemerFactory(programma=p1, clientcode="PEE-2026-0001", begeleider=coach_s)
    in_p2 = DeelnemerFactory(programma=p2, clientcode="TWO-2026-0001", begeleider=coach_s)
    return coach_s, coord_y, in_p1, in_p2


def test_audit_scope_is_per_programme_not_per_organisation(client, gedeelde_organisatie_opzet):
    """Finding 4: S's coach works in P1 and P2; Y's coordinator (P2 only) must not see P1's clientcodes."""
    coach_s, coord_y, in_p1, in_p2 = gedeelde_organisatie_opzet
    client.force_login(coach_s)
    for d in (in_p1, in_p2):
        assert client.get(reverse("trajecten:dossier", args=[d.pk])).status_code == 200
    assert client.get(reverse("trajecten:caseload")).status_code == 200
    client.force_login(coord_y)
    r = client.get(reverse("audit_zoeken"))
    rijen = list(r.context["page"].object_list)
    codes = {e.clientcode for e in rijen}
    assert in_p2.clientcode in codes and in_p1.clientcode not in codes
    html = r.content.decode()
    assert in_p1.clientcode not in html
    # The caseload list event of coach_s (both codes) is shown, counting only P2's code.
    lijst = [e for e in rijen if e.actie in ("list", "search") and e.gebruikersnaam == "coach_s"]
    assert lijst and all(e.in_lijst == 1 for e in lijst)
    assert "2 in lijst" not in html


@pytest.mark.parametrize("veld", ["clientcode", "gebruiker"])
def test_audit_search_stores_nothing_typed_only_that_and_how_many(client, coordinator, coach, deelnemer, veld):
    """Finding 7: /audit/?clientcode=<a name> used to be stored verbatim, never to be erased."""
    client.force_login(coach)
    client.get(reverse("trajecten:dossier", args=[deelnemer.pk]))
    client.force_login(coordinator)
    voor = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    r = client.get(reverse("audit_zoeken"), {veld: f"{MARKER} Jansen"})
    assert r.status_code == 200
    event = AuditEvent.objects.get(id__gt=voor)
    assert (event.actie, event.object_type, event.clientcode, event.aantal) == ("search", "auditlog", "", 0)
    assert MARKER.lower() not in _alle_tekst().lower()
    r = client.get(reverse("audit_zoeken"), {"clientcode": deelnemer.clientcode})
    event = AuditEvent.objects.order_by("-id").first()
    assert event.clientcode == "" and event.aantal == r.context["page"].paginator.count >= 1
