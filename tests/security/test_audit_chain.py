"""Round 2 (SECURITY.md 40): the audit chain proves its end. HMAC with a key from the environment, sealing
without a lock on the read path, a daily anchor outside the database, TRUNCATE refused on PostgreSQL."""

import contextlib
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from uitstap.audit import audit_anker_wegschrijven, audit_log, audit_seal, audit_verify, event_hash, event_mac
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db
PG = connection.vendor == "postgresql"
TABEL = AuditEvent._meta.db_table


def _events(user, n=4):
    for i in range(n):
        audit_log(actie="view", gebruiker=user, clientcode=f"TST-2026-000{i}", object_type="deelnemer", object_id=str(i))
    audit_seal()  # what the app does after each commit (tests run inside one transaction)


@contextlib.contextmanager
def _als_eigenaar():
    """What the owner of the table (or a superuser) can do: switch the triggers off. The README says the
    application's role must not own the table; these tests show what the log proves even then."""
    if PG:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = origin")
    else:
        yield


def _sql(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@pytest.fixture
def anker(tmp_path, settings):
    settings.AUDIT_ANKER_BESTAND = str(tmp_path / "anker.jsonl")
    return tmp_path / "anker.jsonl"


def _verify_command(anker_pad):
    try:
        call_command("audit_verify", "--anker", str(anker_pad))
    except SystemExit as e:
        return e.code
    return 0


def test_intact_log_with_anchors_passes(coach, anker, capsys):
    _events(coach)
    audit_anker_wegschrijven()
    _events(coach, 3)
    audit_anker_wegschrijven()
    _events(coach, 2)
    assert audit_verify(anker=[json.loads(r) for r in anker.read_text().splitlines()]) == []
    assert _verify_command(anker) == 0
    assert "2 anker(s) kloppen" in capsys.readouterr().out


def test_deleted_last_event_is_detected_by_the_anchor(coach, anker, capsys):
    _events(coach)
    audit_anker_wegschrijven()
    laatste = AuditEvent.objects.order_by("-volgnummer").first()
    with _als_eigenaar():
        _sql(f"DELETE FROM {TABEL} WHERE id = %s", [laatste.pk])
    assert _verify_command(anker) == 1
    assert "ontbreekt" in capsys.readouterr().err


def test_recomputed_chain_with_the_key_is_detected_by_the_anchor(coach, anker, capsys):
    """An attacker with database access and even the key edits an event and recomputes every link."""
    _events(coach)
    audit_anker_wegschrijven()
    _herbereken(wijzig_id=AuditEvent.objects.order_by("volgnummer")[1].pk)
    assert audit_verify() == []  # the chain alone cannot tell ...
    assert _verify_command(anker) == 1  # ... the anchor can
    assert "herberekend" in capsys.readouterr().err


def test_recomputed_chain_without_the_key_is_detected(coach):
    _events(coach)
    with override_settings(AUDIT_SLEUTEL="een-geraden-sleutel"):
        _herbereken(wijzig_id=AuditEvent.objects.order_by("volgnummer")[1].pk)
    problemen = audit_verify()
    assert any("sleutel" in p for p in problemen) and any("hash" in p for p in problemen)


def _herbereken(*, wijzig_id):
    vorige = "0" * 64
    with _als_eigenaar():
        for event in AuditEvent.objects.order_by("volgnummer"):
            if event.pk == wijzig_id:
                event.clientcode = "TST-2026-9999"
            event.mac = event_mac(event)
            event.vorige_hash = vorige
            event.hash = event_hash(event, vorige)
            vorige = event.hash
            _sql(f"UPDATE {TABEL} SET clientcode = %s, mac = %s, vorige_hash = %s, hash = %s WHERE id = %s",
                 [event.clientcode, event.mac, event.vorige_hash, event.hash, event.pk])


def test_forged_event_is_detected(coach):
    """An event inserted directly (no key) is sealed into the chain like any other, and then reported."""
    _events(coach)
    vals = AuditEvent.objects.order_by("id").values().first()
    vals.pop("id")
    vals |= {"clientcode": "TST-2026-0666", "mac": "f" * 64, "volgnummer": None, "vorige_hash": "", "hash": ""}
    AuditEvent.objects.create(**vals)
    problemen = audit_verify()
    assert any("vervalst" in p for p in problemen)


@pytest.mark.skipif(not PG, reason="TRUNCATE en triggers: PostgreSQL")
def test_truncate_is_refused_on_postgresql(coach):
    _events(coach)
    _sql("SET CONSTRAINTS ALL IMMEDIATE")  # else PostgreSQL refuses for pending FK checks, not the trigger
    with pytest.raises(DatabaseError, match="niet worden geleegd"), transaction.atomic():
        _sql(f"TRUNCATE {TABEL}")
    assert AuditEvent.objects.count() == 4


def test_truncated_table_is_detected_by_the_anchor(coach, anker, capsys):
    _events(coach)
    audit_anker_wegschrijven()
    with _als_eigenaar():
        if PG:
            _sql("SET CONSTRAINTS ALL IMMEDIATE")  # Django's deferred FK checks would block TRUNCATE
        _sql(f"TRUNCATE {TABEL}" if PG else f"DELETE FROM {TABEL}")
    assert AuditEvent.objects.count() == 0
    assert _verify_command(anker) == 1
    assert "ontbreekt" in capsys.readouterr().err


@pytest.mark.skipif(not PG, reason="de trigger bestaat alleen op PostgreSQL")
def test_trigger_allows_sealing_once_and_nothing_else(coach):
    audit_log(actie="view", gebruiker=coach, clientcode="TST-2026-0001")
    event = AuditEvent.objects.get()
    assert event.volgnummer is None  # not sealed until after the commit
    with pytest.raises(DatabaseError), transaction.atomic():  # unsealed content is protected too
        AuditEvent.objects.filter(pk=event.pk).update(clientcode="TST-2026-0002")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert audit_seal() == 1
    with pytest.raises(DatabaseError), transaction.atomic():  # sealed once: the seal is final
        AuditEvent.objects.filter(pk=event.pk).update(volgnummer=5, hash="a" * 64)
    assert audit_verify() == []


@pytest.mark.skipif(not PG, reason="the lock question is about PostgreSQL")
def test_writing_an_event_takes_no_global_lock(coach):
    with CaptureQueriesContext(connection) as queries:
        audit_log(actie="view", gebruiker=coach, clientcode="TST-2026-0001")
    sql = " ".join(q["sql"].lower() for q in queries.captured_queries)
    assert "advisory" not in sql and "lock" not in sql


def test_sealing_is_in_id_order_and_contiguous(coach):
    _events(coach, 5)
    audit_seal()
    rijen = list(AuditEvent.objects.order_by("id").values_list("volgnummer", flat=True))
    assert rijen == list(range(1, 6))


def test_anchor_goes_to_log_file_and_mail(coach, anker, settings, caplog):
    settings.AUDIT_ANKER_EMAIL = ["coordinator@example.org"]
    _events(coach)
    with caplog.at_level("INFO", logger="uitstap.audit"):
        call_command("audit_anker")
    punt = json.loads(anker.read_text().splitlines()[-1])
    assert punt["volgnummer"] == 4 and punt["hash"] == AuditEvent.objects.get(volgnummer=4).hash
    assert any("audit-anker" in r.getMessage() and punt["hash"] in r.getMessage() for r in caplog.records)
    assert len(mail.outbox) == 1 and punt["hash"] in mail.outbox[0].body
    # A line copied from the application log (with its prefix) is a valid anchor too.
    regel = next(r.getMessage() for r in caplog.records if "audit-anker" in r.getMessage())
    anker.write_text(f"2026-01-01 INFO [-] uitstap.audit: {regel}\n")
    assert _verify_command(anker) == 0


def test_key_comes_from_settings(coach):
    _events(coach, 2)
    assert audit_verify() == []
    with override_settings(AUDIT_SLEUTEL="een-andere-sleutel"):
        assert audit_verify()


@pytest.mark.django_db(transaction=True)
def test_a_request_seals_its_events_after_the_commit(client, coach, deelnemer, settings):
    from django.urls import reverse

    settings.AUDIT_VERZEGEL_INTERVAL = 0

    client.force_login(coach)
    assert client.get(reverse("trajecten:dossier", args=[deelnemer.pk])).status_code == 200
    events = list(AuditEvent.objects.order_by("id"))
    assert events and all(e.volgnummer is not None and e.hash for e in events)
    assert audit_verify() == []
