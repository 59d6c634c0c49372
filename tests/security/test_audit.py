"""Audit log (NEN 7513): one event per read with the right basis, no content, tamper evidence, screens."""

import datetime

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from tests.avg_data import vul_dossier
from tests.security import access_matrix as am
from tests.security.test_access_matrix import World, url_patterns
from clients.avg import deelnemer_wissen
from uitstap.audit import audit_log, audit_verify
from uitstap.models import AuditEvent

MARKER = "Qqmarkerx"


@pytest.fixture(autouse=True)
def eigen_opslag(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


@pytest.fixture
def world(deelnemer, deelnemer_elders, coach, coach_elders, programma, km_toestemmingen):
    # km_toestemmingen: consents of A, so the consent routes (extend, withdraw) have a record to show.
    return World(deelnemer, deelnemer_elders, coach, coach_elders, programma)


def _nieuw(voor):
    return list(AuditEvent.objects.filter(id__gt=voor).order_by("id"))


def _laatste_id():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _dossier_routes():
    """Every participant route (a parameter points at the participant or one of her records) that is shown."""
    return [(n, r, p) for n, r, p in url_patterns()
            if am.MATRIX.get(n) in (am.ZIEN, am.COORD_DOSSIER) and any(_is_dossier_param(r, x) for x in p)]


def _is_dossier_param(route, param):
    from tests.security.test_access_matrix import _model_for
    return _model_for(route, param) not in (None, "gebruiker", "ketenpartner", "contactpersoon")


@pytest.mark.django_db
@pytest.mark.parametrize("rol,grondslag", [("coach", "eigen_caseload"), ("coach2", "achtervang"),
                                           ("coordinator", "coordinator")])
def test_each_read_path_writes_exactly_one_event_with_basis(request, client, world, deelnemer, rol, grondslag):
    user = request.getfixturevalue(rol)
    client.force_login(user)
    users = {"coach": request.getfixturevalue("coach")}
    fouten = []
    for name, route, params in _dossier_routes():
        kwargs, _, _ = world.kwargs(route, params, "a", users)
        voor = _laatste_id()
        status = client.get(reverse(name, kwargs=kwargs)).status_code
        events = _nieuw(voor)
        if status == 403:
            if events:
                fouten.append(f"{name}: 403 maar toch {len(events)} gebeurtenis(sen)")
            continue
        if status != 200:
            fouten.append(f"{name}: status {status}")
            continue
        if len(events) != 1:
            fouten.append(f"{name}: {len(events)} gebeurtenissen in plaats van 1: {[(e.actie, e.object_type) for e in events]}")
            continue
        e = events[0]
        if (e.clientcode, e.grondslag, e.gebruiker_id, e.uitkomst) != (deelnemer.clientcode, grondslag, user.pk, "ok"):
            fouten.append(f"{name}: {e.clientcode} {e.grondslag} {e.gebruiker_id} {e.uitkomst}")
        if e.actie not in ("view", "export", "print"):
            fouten.append(f"{name}: actie {e.actie}")
        if not e.request_id or e.ip != "127.0.0.1" or e.rol != user.rol:
            fouten.append(f"{name}: request_id/ip/rol ontbreken ({e.request_id!r}, {e.ip!r}, {e.rol!r})")
    assert not fouten, "\n".join(fouten)


@pytest.mark.django_db
def test_denied_access_is_one_denied_event(client, world, deelnemer, coach3):
    client.force_login(coach3)
    voor = _laatste_id()
    assert client.get(reverse("trajecten:dossier", args=[deelnemer.pk])).status_code == 404
    events = _nieuw(voor)
    # The requester and the requested id; never the clientcode behind it (outside the requester's scope).
    assert [(e.actie, e.uitkomst, e.clientcode, e.object_type, e.object_id, e.gebruiker_id) for e in events] == [
        ("denied", "geweigerd", "", "deelnemer", str(deelnemer.pk), coach3.pk)]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["trajecten:caseload", "trajecten:deelnemers"])
def test_list_page_is_one_event_with_the_clientcodes(client, world, deelnemer, coach, name):
    client.force_login(coach)
    voor = _laatste_id()
    assert client.get(reverse(name)).status_code == 200
    events = _nieuw(voor)
    assert len(events) == 1
    assert events[0].actie in ("list", "search") and deelnemer.clientcode in events[0].clientcodes


@pytest.mark.django_db
def test_events_contain_no_content(client, deelnemer, coach, coordinator, deelnemer_elders, coach_elders, programma):
    """Marker strings in names and notes, every page read, searched for and written: never in the audit table."""
    world = World(deelnemer, deelnemer_elders, coach, coach_elders, programma)
    vul_dossier(deelnemer, coach, MARKER, start=datetime.date(2025, 1, 5))
    users = {"coach": coach}
    for user in (coach, coordinator):
        client.force_login(user)
        for name, route, params in _dossier_routes():
            kwargs, _, _ = world.kwargs(route, params, "a", users)
            client.get(reverse(name, kwargs=kwargs))
        # search by name (POST, kept in the session), then the list pages
        client.post(reverse("trajecten:caseload"), {"zoek": f"{MARKER}achter"})
        client.get(reverse("trajecten:caseload"))
        client.post(reverse("trajecten:deelnemers"), {"zoek": f"{MARKER}roep"})
        client.get(reverse("trajecten:deelnemers"))
    client.force_login(coordinator)
    client.get(reverse("audit_zoeken"), {"clientcode": deelnemer.clientcode, "gebruiker": f"{MARKER}"})
    client.post(reverse("trajecten:avg_inzage", args=[deelnemer.pk]))
    deelnemer_wissen(deelnemer=deelnemer, door=coordinator, wettelijke_grond="art17_1d")
    assert AuditEvent.objects.count() > 50
    kolommen = [f.column for f in AuditEvent._meta.concrete_fields]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(kolommen)} FROM {AuditEvent._meta.db_table}")
        for rij in cursor.fetchall():
            tekst = " ".join(str(v) for v in rij)
            assert MARKER.lower() not in tekst.lower(), rij
            assert "123456782" not in tekst


# --- tamper evidence --------------------------------------------------------------------------


def _een_paar_events(user):
    for actie in ("view", "list", "update", "export"):
        audit_log(actie=actie, gebruiker=user, clientcode="TST-2026-0001", object_type="deelnemer", object_id="1")


@pytest.mark.django_db
def test_chain_intact_and_command_says_so(coach, capsys):
    _een_paar_events(coach)
    assert audit_verify() == []
    call_command("audit_verify")
    assert "Auditlog intact" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="op PostgreSQL weigert de trigger de wijziging al")
@pytest.mark.parametrize("sql", [
    "UPDATE uitstap_auditevent SET clientcode = 'TST-2026-9999' WHERE id = %s",
    "UPDATE uitstap_auditevent SET gebruikersnaam = 'iemand' WHERE id = %s",
    "UPDATE uitstap_auditevent SET tijdstip = '2020-01-01 00:00:00' WHERE id = %s",
    "DELETE FROM uitstap_auditevent WHERE id = %s",
])
def test_audit_verify_detects_direct_edit(coach, capsys, sql):
    _een_paar_events(coach)
    midden = AuditEvent.objects.order_by("id").values_list("id", flat=True)[1]
    with connection.cursor() as cursor:
        cursor.execute(sql, [midden])
    problemen = audit_verify()
    assert problemen and any("gebeurtenis" in p for p in problemen)
    with pytest.raises(SystemExit) as exc:
        call_command("audit_verify")
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert "NIET intact" in err


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="op PostgreSQL weigert de trigger de wijziging al")
def test_audit_verify_detects_rewritten_hash_of_last_event(coach):
    """Editing an event and recomputing its own hash still breaks the link of the next one."""
    _een_paar_events(coach)
    from uitstap.audit import event_hash
    eerste = AuditEvent.objects.order_by("id").first()
    eerste.clientcode = "TST-2026-7777"
    nieuwe_hash = event_hash(eerste, eerste.vorige_hash)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE uitstap_auditevent SET clientcode = %s, hash = %s WHERE id = %s",
                       ["TST-2026-7777", nieuwe_hash, eerste.pk])
    assert any("verwijst niet naar de vorige" in p for p in audit_verify())


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="de trigger bestaat alleen op PostgreSQL")
def test_postgresql_trigger_refuses_update_and_delete(coach):
    _een_paar_events(coach)
    event = AuditEvent.objects.order_by("id").first()
    for poging in (
        lambda: AuditEvent.objects.filter(pk=event.pk).update(clientcode="TST-2026-9999"),
        lambda: AuditEvent.objects.filter(pk=event.pk).delete(),
        lambda: connection.cursor().execute("UPDATE uitstap_auditevent SET rol = 'x' WHERE id = %s", [event.pk]),
        lambda: connection.cursor().execute("DELETE FROM uitstap_auditevent WHERE id = %s", [event.pk]),
        lambda: connection.cursor().execute("DELETE FROM uitstap_auditevent"),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            poging()
    event.refresh_from_db()
    assert event.clientcode == "TST-2026-0001"
    assert AuditEvent.objects.count() == 4
    assert audit_verify() == []


# --- the coordinator's screens ----------------------------------------------------------------


@pytest.mark.django_db
def test_audit_search_filters_and_is_logged(client, coordinator, coach, deelnemer, ander_deelnemer):
    client.force_login(coach)
    client.get(reverse("trajecten:dossier", args=[deelnemer.pk]))
    client.get(reverse("trajecten:dossier", args=[ander_deelnemer.pk]))  # denied
    client.force_login(coordinator)
    vandaag = datetime.date.today().isoformat()
    voor = _laatste_id()
    r = client.get(reverse("audit_zoeken"), {"gebruiker": "coach1", "clientcode": deelnemer.clientcode,
                                             "van": vandaag, "tot": vandaag})
    assert r.status_code == 200
    rijen = list(r.context["page"].object_list)
    assert rijen and all(e.gebruikersnaam == "coach1" and e.clientcode == deelnemer.clientcode for e in rijen)
    events = _nieuw(voor)
    # That a search happened and how many it found; nothing that was typed.
    assert [(e.actie, e.object_type, e.clientcode, e.aantal) for e in events] == [
        ("search", "auditlog", "", len(rijen))]
    r = client.get(reverse("audit_zoeken"), {"actie": "denied"})
    # The coordinator's own participant: the page shows which one was tried.
    assert [(e.clientcode, e.gevraagd) for e in r.context["page"].object_list] == [("", ander_deelnemer.clientcode)]
    assert ander_deelnemer.clientcode in r.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("params", [
    {"van": "gisteren"}, {"tot": "2026-13-45"}, {"van": "2026-05-01", "tot": "2026-04-01"}, {"pagina": "x"},
    {"actie": "iets"}, {"van": "9999999-01-01"}, {"gebruiker": "x" * 500},
])
def test_audit_search_bad_input_never_500(client, coordinator, params):
    client.force_login(coordinator)
    r = client.get(reverse("audit_zoeken"), params)
    assert r.status_code == 200
    if set(params) - {"pagina"}:
        assert "Er is een probleem" in r.content.decode()


@pytest.mark.django_db
def test_audit_search_shows_only_own_organisation(client, coordinator, coordinator_elders, coach, coach_elders,
                                                  deelnemer, deelnemer_elders):
    client.force_login(coach_elders)
    client.get(reverse("trajecten:dossier", args=[deelnemer_elders.pk]))
    client.force_login(coach)
    client.get(reverse("trajecten:dossier", args=[deelnemer.pk]))
    client.force_login(coordinator)
    r = client.get(reverse("audit_zoeken"))
    namen = {e.gebruikersnaam for e in r.context["page"].object_list}
    codes = {e.clientcode for e in r.context["page"].object_list}
    assert "coach1" in namen and "coach_elders" not in namen and "coord_elders" not in namen
    assert deelnemer_elders.clientcode not in codes
    client.force_login(coordinator_elders)
    r = client.get(reverse("audit_zoeken"))
    namen = {e.gebruikersnaam for e in r.context["page"].object_list}
    assert "coach_elders" in namen and "coach1" not in namen and "coord" not in namen


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["coach", "klantmanager", "beheerder"])
def test_audit_search_needs_coordinator(request, client, wie):
    client.force_login(request.getfixturevalue(wie))
    assert client.get(reverse("audit_zoeken")).status_code == 403


@pytest.mark.django_db
def test_ingezien_page_lists_readers_and_logs_itself(client, coordinator, coach, coach2, coach3, deelnemer):
    for user in (coach, coach2, coach3):
        client.force_login(user)
        client.get(reverse("trajecten:dossier", args=[deelnemer.pk]))
    client.force_login(coordinator)
    voor = _laatste_id()
    r = client.get(reverse("trajecten:ingezien", args=[deelnemer.pk]))
    assert r.status_code == 200
    events = _nieuw(voor)
    assert [(e.actie, e.object_type, e.grondslag) for e in events] == [("view", "auditlog", "coordinator")]
    tekst = r.content.decode()
    for naam in ("coach1", "coach2", "coach3", "Geweigerd", "eigen_caseload", "achtervang"):
        assert naam in tekst
    assert "Wie heeft dit dossier ingezien" in tekst


@pytest.mark.django_db
def test_ingezien_page_other_organisation_404(client, coordinator_elders, deelnemer):
    client.force_login(coordinator_elders)
    assert client.get(reverse("trajecten:ingezien", args=[deelnemer.pk])).status_code == 404


# --- fail closed ------------------------------------------------------------------------------


class AuditKapot(Exception):
    pass


def _kapot(**kwargs):
    raise AuditKapot("audit niet beschikbaar")


@pytest.mark.django_db
def test_download_not_served_when_event_cannot_be_written(client, coach, deelnemer, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from clients.documents import document_aanmaken

    doc = document_aanmaken(deelnemer=deelnemer, door=coach,
                             bestand=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"))
    monkeypatch.setattr("clients.documents.audit_log", _kapot)
    client.force_login(coach)
    with pytest.raises(AuditKapot):
        client.get(reverse("trajecten:document_download", args=[deelnemer.pk, doc.pk]))


@pytest.mark.django_db
def test_inzage_not_produced_when_event_cannot_be_written(client, coordinator, deelnemer, monkeypatch):
    monkeypatch.setattr("clients.avg.audit_log", _kapot)
    client.force_login(coordinator)
    with pytest.raises(AuditKapot):
        client.post(reverse("trajecten:avg_inzage", args=[deelnemer.pk]))


@pytest.mark.django_db
def test_erasure_rolled_back_when_event_cannot_be_written(coordinator, deelnemer, monkeypatch):
    deelnemer.achternaam = "Blijftstaan"
    deelnemer.save()
    monkeypatch.setattr("clients.avg.audit_log", _kapot)
    with pytest.raises(AuditKapot):
        deelnemer_wissen(deelnemer=deelnemer, door=coordinator)
    deelnemer.refresh_from_db()
    assert deelnemer.achternaam == "Blijftstaan" and deelnemer.gewist_op is None


@pytest.mark.django_db
def test_audit_search_not_shown_when_event_cannot_be_written(client, coordinator, monkeypatch):
    monkeypatch.setattr("uitstap.views.audit.audit_log", _kapot)
    client.force_login(coordinator)
    with pytest.raises(AuditKapot):
        client.get(reverse("audit_zoeken"))
