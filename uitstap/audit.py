"""The audit log (NEN 7513): one function writes an event, hash-chained to the one before it."""

import datetime
import hashlib
import json
import logging

from django.db import connection, transaction
from django.utils import timezone

from uitstap.models import AuditEvent
from uitstap.requestinfo import current_request_info

logger = logging.getLogger("uitstap.audit")


# Any fixed 64-bit number: the advisory lock that serialises the chain on PostgreSQL.
_CHAIN_LOCK = 7513_2026
GENESIS = "0" * 64

Actie = AuditEvent.Actie
Uitkomst = AuditEvent.Uitkomst

HASHED_FIELDS = (
    "tijdstip", "gebruiker_id", "gebruikersnaam", "rol", "organisatie", "actie", "uitkomst",
    "clientcode", "clientcodes", "object_type", "object_id", "ip", "request_id", "grondslag",
)


def event_hash(event: AuditEvent, vorige_hash: str) -> str:
    """SHA-256 over the previous hash and this event's own fields, in a fixed canonical form."""
    fields = {}
    for name in HASHED_FIELDS:
        value = getattr(event, name)
        if name == "tijdstip":
            value = value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        fields[name] = value
    payload = json.dumps([vorige_hash, fields], sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


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
) -> AuditEvent:
    """Write one event. Raises when it cannot be written: callers fail closed.

    Never pass record content here: only codes, ids and the kind of object.
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
        object_type=object_type,
        object_id=str(object_id or ""),
        ip=info.get("ip"),
        request_id=info.get("request_id", ""),
        grondslag=grondslag,
    )
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
        vorige = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS
        event.vorige_hash = vorige
        event.hash = event_hash(event, vorige)
        event.save(force_insert=True)
    return event


def audit_verify() -> list[str]:
    """Walk the chain in order; return a Dutch description of every break (empty: intact)."""
    problemen = []
    vorige = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.vorige_hash != vorige:
            problemen.append(f"gebeurtenis {event.pk}: verwijst niet naar de vorige gebeurtenis (ontbrekend of gewijzigd)")
        if event_hash(event, event.vorige_hash) != event.hash:
            problemen.append(f"gebeurtenis {event.pk}: inhoud komt niet overeen met de hash (gewijzigd)")
        vorige = event.hash
    return problemen
