"""The audit log (NEN 7513): events are inserted without a lock, a sealer chains them, an anchor proves the end.

Writing an event (`audit_log`) takes no global lock: the row gets an HMAC over its own fields (`mac`,
keyed with settings.AUDIT_SLEUTEL) and is inserted unsealed. The sealer (`audit_seal`, run after the
commit of the request, by `manage.py audit_seal` and by `audit_verify`) appends unsealed events to the
chain in id order: a contiguous `volgnummer`, the previous event's `hash` and an HMAC over both and the
event. On PostgreSQL a trigger refuses every UPDATE except that one-time sealing, every DELETE and
TRUNCATE. A daily anchor (last volgnummer and hash) kept outside the database proves the end: deleting
the last events or recomputing the chain no longer matches it.
"""

import contextlib
import contextvars
import datetime
import hashlib
import hmac
import json
import logging
import time
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from uitstap.models import AuditEvent
from uitstap.requestinfo import current_request_info

logger = logging.getLogger("uitstap.audit")

# Any fixed 64-bit number: the advisory lock that keeps two sealers apart (never taken on the read path).
_SEAL_LOCK = 7513_2026
GENESIS = "0" * 64

# Inside `verzegelen_uitgesteld()` (one long write such as seed_demo) events are sealed once at the end.
_uitgesteld: contextvars.ContextVar[bool] = contextvars.ContextVar("audit_verzegelen_uitgesteld", default=False)

Actie = AuditEvent.Actie
Uitkomst = AuditEvent.Uitkomst

HASHED_FIELDS = (
    "tijdstip", "gebruiker_id", "gebruikersnaam", "rol", "organisatie", "actie", "uitkomst",
    "clientcode", "clientcodes", "object_type", "object_id", "aantal", "ip", "request_id", "grondslag",
)


def _key() -> bytes:
    return settings.AUDIT_SLEUTEL.encode()


def _fields(event: AuditEvent) -> dict:
    fields = {}
    for name in HASHED_FIELDS:
        value = getattr(event, name)
        if name == "tijdstip":
            value = value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        fields[name] = value
    return fields


def _mac(payload) -> str:
    data = json.dumps(payload, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()
    return hmac.new(_key(), data, hashlib.sha256).hexdigest()


def event_mac(event: AuditEvent) -> str:
    """HMAC over the event's own fields: written at insert, so an unsealed event cannot be forged either."""
    return _mac(["event", _fields(event)])


def event_hash(event: AuditEvent, vorige_hash: str) -> str:
    """The chain link: HMAC over the previous hash, this event's sequence number and its fields."""
    return _mac(["keten", vorige_hash, event.volgnummer, _fields(event)])


def audit_log(
    *,
    actie: str,
    gebruiker=None,
    clientcode: str = "",
    clientcodes: list[str] | None = None,
    obj=None,
    object_type: str = "",
    object_id: str = "",
    grondslag: str = "",
    uitkomst: str = Uitkomst.OK,
    gebruikersnaam: str = "",
    aantal: int | None = None,
) -> AuditEvent:
    """Write one event. Raises when it cannot be written: callers fail closed.

    Never pass record content here: only codes, ids, counts and the kind of object.
    """
    info = current_request_info.get()
    if obj is not None:
        object_type = object_type or obj._meta.model_name
        object_id = object_id or str(obj.pk)
    if gebruiker is not None and not gebruiker.is_authenticated:
        gebruiker = None
    event = AuditEvent(
        tijdstip=timezone.now(),
        gebruiker=gebruiker,
        gebruikersnaam=(gebruiker.username if gebruiker else gebruikersnaam)[:150],
        rol=getattr(gebruiker, "rol", "") or "",
        organisatie=str(gebruiker.organisatie) if gebruiker and gebruiker.organisatie_id else "",
        actie=actie,
        uitkomst=uitkomst,
        clientcode=clientcode or "",
        clientcodes=sorted(set(clientcodes or [])),
        object_type=object_type[:60],
        object_id=str(object_id or "")[:40],
        aantal=aantal,
        ip=info.get("ip"),
        request_id=info.get("request_id", ""),
        grondslag=grondslag,
    )
    event.mac = event_mac(event)
    if connection.vendor == "postgresql":
        # One INSERT: outside a transaction it commits on its own, in one round trip instead of three (BEGIN,
        # INSERT, COMMIT) on every page that reads a dossier; inside the caller's transaction it is part of it.
        event.save(force_insert=True)
        if not _uitgesteld.get():
            transaction.on_commit(_seal_after_commit)
        return event
    with transaction.atomic():
        event.save(force_insert=True)
        if not _uitgesteld.get():
            # SQLite serialises every write anyway (IMMEDIATE transactions): seal at once.
            audit_seal()
    return event


_laatst_verzegeld = 0.0


@contextlib.contextmanager
def verzegelen_uitgesteld():
    """One long write of many events (seed_demo): insert them unsealed and seal them in one pass at the end,
    instead of one seal per event. The events are protected meanwhile as always (their HMAC, the trigger)."""
    token = _uitgesteld.set(True)
    try:
        yield
    finally:
        _uitgesteld.reset(token)
    audit_seal()


def _seal_after_commit() -> None:
    """Seal after a commit, at most once per AUDIT_VERZEGEL_INTERVAL seconds per process: a seal is its own
    transaction (a second commit), so doing it after every event would double the cost of a read. What
    is left waits for the next request or `manage.py audit_seal` (cron), protected meanwhile by the trigger
    and its own HMAC."""
    global _laatst_verzegeld
    nu = time.monotonic()
    if nu - _laatst_verzegeld < settings.AUDIT_VERZEGEL_INTERVAL:
        return
    _laatst_verzegeld = nu
    try:
        audit_seal(wait=False)
    except Exception:  # noqa: BLE001 - sealing later (audit_seal, audit_verify) is always possible
        logger.exception("audit: verzegelen na de commit mislukt; het volgende verzegelen neemt het mee")


def audit_seal(*, wait: bool = True, batch: int = 2000) -> int:
    """Append every unsealed event to the chain, in id order. Returns how many were sealed.

    With wait=False (after a request's commit) a sealer that is already running is left to do the work.
    """
    gesloten = 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                if wait:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SEAL_LOCK])
                else:
                    cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_SEAL_LOCK])
                    if not cursor.fetchone()[0]:
                        return 0
        laatste = (
            AuditEvent.objects.filter(volgnummer__isnull=False)
            .order_by("-volgnummer").values_list("volgnummer", "hash").first()
        )
        volgnummer, vorige = laatste or (0, GENESIS)
        while True:
            open_events = list(AuditEvent.objects.filter(volgnummer__isnull=True).order_by("id")[:batch])
            if not open_events:
                break
            for event in open_events:
                volgnummer += 1
                event.volgnummer = volgnummer
                event.vorige_hash = vorige
                event.hash = event_hash(event, vorige)
                vorige = event.hash
            # One plain UPDATE per event, sent together (executemany): bulk_update's CASE per column cost about
            # half a millisecond of Python per event to build, as much as writing the event itself.
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"UPDATE {AuditEvent._meta.db_table} SET volgnummer = %s, vorige_hash = %s, hash = %s WHERE id = %s",
                    [(e.volgnummer, e.vorige_hash, e.hash, e.pk) for e in open_events],
                )
            gesloten += len(open_events)
    return gesloten


def audit_verify(*, anker: list[dict] | None = None) -> list[str]:
    """Seal, then walk the chain; return a Dutch description of every break (empty: intact).

    `anker`: anchors written earlier outside the database ({"volgnummer": n, "hash": h} each); the chain
    must still contain each of them unchanged, which shows deletion at the end and a recomputed chain.
    """
    audit_seal()
    problemen = []
    vorige, verwacht = GENESIS, 1
    for event in AuditEvent.objects.order_by("volgnummer", "id").iterator(chunk_size=2000):
        if event.volgnummer is None:  # inserted while we walked: the next run seals and checks it
            continue
        if event.volgnummer != verwacht:
            problemen.append(
                f"gebeurtenis {event.pk}: volgnummer {event.volgnummer} waar {verwacht} verwacht werd "
                "(ontbrekende gebeurtenissen)"
            )
        if event.vorige_hash != vorige:
            problemen.append(f"gebeurtenis {event.pk}: verwijst niet naar de vorige gebeurtenis (ontbrekend of gewijzigd)")
        if not hmac.compare_digest(event_mac(event), event.mac or ""):
            problemen.append(f"gebeurtenis {event.pk}: inhoud komt niet overeen met de sleutel (gewijzigd of vervalst)")
        if not hmac.compare_digest(event_hash(event, event.vorige_hash), event.hash or ""):
            problemen.append(f"gebeurtenis {event.pk}: inhoud komt niet overeen met de hash (gewijzigd)")
        vorige, verwacht = event.hash, event.volgnummer + 1
    for punt in anker or []:
        nummer, gehasht = punt["volgnummer"], punt["hash"]
        if nummer == 0:
            continue
        gevonden = AuditEvent.objects.filter(volgnummer=nummer).values_list("hash", flat=True).first()
        if gevonden is None:
            problemen.append(
                f"anker {punt.get('datum', '')}: gebeurtenis met volgnummer {nummer} ontbreekt "
                "(het einde van het auditlog is verwijderd)"
            )
        elif not hmac.compare_digest(gevonden, gehasht):
            problemen.append(
                f"anker {punt.get('datum', '')}: gebeurtenis met volgnummer {nummer} heeft een andere hash "
                "(de keten is herberekend)"
            )
    return problemen


# --- the anchor -------------------------------------------------------------------------------


def audit_anker_maken() -> dict:
    """Seal and describe the end of the chain: {"datum", "volgnummer", "hash"} (volgnummer 0: empty log)."""
    audit_seal()
    laatste = (
        AuditEvent.objects.filter(volgnummer__isnull=False).order_by("-volgnummer")
        .values_list("volgnummer", "hash").first()
    )
    volgnummer, gehasht = laatste or (0, GENESIS)
    return {"datum": timezone.now().astimezone(datetime.UTC).isoformat(timespec="seconds"),
            "volgnummer": volgnummer, "hash": gehasht}


def audit_anker_wegschrijven() -> dict:
    """Write today's anchor outside the database: the application log, the anchor file and e-mail if set."""
    punt = audit_anker_maken()
    regel = json.dumps(punt, sort_keys=True)
    logger.info("audit-anker %s", regel)
    if settings.AUDIT_ANKER_BESTAND:
        pad = Path(settings.AUDIT_ANKER_BESTAND)
        with pad.open("a", encoding="utf-8") as bestand:
            bestand.write(regel + "\n")
    if settings.AUDIT_ANKER_EMAIL:
        from django.core.mail import send_mail

        send_mail(
            "uitstap: anker van het auditlog",
            "Bewaar deze regel buiten uitstap. Met `manage.py audit_verify --anker BESTAND` toont hij aan "
            f"dat het auditlog tot hier compleet en ongewijzigd is.\n\n{regel}\n",
            settings.DEFAULT_FROM_EMAIL, settings.AUDIT_ANKER_EMAIL,
        )
    return punt


def anker_lezen(pad: str | Path) -> list[dict]:
    """Every anchor line of a file (lines from the application log may keep their prefix)."""
    punten = []
    for regel in Path(pad).read_text(encoding="utf-8").splitlines():
        begin = regel.find("{")
        if begin < 0:
            continue
        try:
            punt = json.loads(regel[begin:])
        except ValueError:
            continue
        if isinstance(punt, dict) and isinstance(punt.get("volgnummer"), int) and isinstance(punt.get("hash"), str):
            punten.append(punt)
    return punten
