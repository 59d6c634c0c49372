"""Documents in the dossier: type checked by content, stored under a random name in private storage."""

import hashlib
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Deelnemer, Document
from clients.selectors import grondslag
from uitstap.audit import Actie, audit_log

# Allowed types, recognised by their first bytes (the name and the browser's content type are ignored).
SOORTEN = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
TOEGESTAAN = "PDF, JPEG of PNG"


def soort_van_inhoud(kop: bytes) -> tuple[str, str] | None:
    """(content type, extension) for the first bytes of a file, or None if it is not an allowed type."""
    for magic, content_type, ext in SOORTEN:
        if kop.startswith(magic):
            return content_type, ext
    return None


def opslagpad(opslagnaam: str) -> Path:
    """Where a stored file lives: two-letter fan-out under PRIVATE_STORAGE_ROOT, never under a web root."""
    if not opslagnaam or "/" in opslagnaam or "\\" in opslagnaam or opslagnaam.startswith("."):
        raise ValueError("ongeldige opslagnaam")
    return Path(settings.PRIVATE_STORAGE_ROOT) / opslagnaam[:2] / opslagnaam


def _veilige_bestandsnaam(naam: str) -> str:
    """The user's file name without any directory part or control characters (shown, never used as a path)."""
    naam = os.path.basename(str(naam or "").replace("\\", "/"))
    naam = "".join(ch for ch in naam if ch.isprintable() and ch not in '"<>|')
    return naam.strip()[:200] or "document"


def _lees_en_controleer(bestand) -> tuple[bytes, str, str]:
    """Read the upload (size-limited) and check its type by content. Raises ValidationError in Dutch."""
    limiet = settings.DOCUMENT_MAX_BYTES
    grootte = getattr(bestand, "size", None)
    if grootte is not None and grootte > limiet:
        raise ValidationError({"bestand": f"Het bestand is te groot: maximaal {limiet // (1024 * 1024)} MB."})
    if hasattr(bestand, "seek"):
        bestand.seek(0)
    inhoud = bestand.read(limiet + 1)
    if len(inhoud) > limiet:
        raise ValidationError({"bestand": f"Het bestand is te groot: maximaal {limiet // (1024 * 1024)} MB."})
    if not inhoud:
        raise ValidationError({"bestand": "Het bestand is leeg."})
    soort = soort_van_inhoud(inhoud[:16])
    if soort is None:
        raise ValidationError({"bestand": f"Dit soort bestand kan niet worden opgeslagen. Alleen {TOEGESTAAN} is toegestaan "
                                          "(gecontroleerd aan de inhoud, niet aan de naam)."})
    return inhoud, soort[0], soort[1]


@transaction.atomic
def document_aanmaken(
    *, deelnemer: Deelnemer, bestand, door, soort: str = Document.Soort.OVERIG, omschrijving: str = "",
) -> Document:
    """Store an uploaded file for `deelnemer` and record it; the file is removed again if the record fails."""
    if deelnemer.gewist_op is not None:
        raise ValidationError("De gegevens van deze deelnemer zijn gewist; er kunnen geen documenten meer bij.")
    inhoud, content_type, ext = _lees_en_controleer(bestand)
    opslagnaam = secrets.token_hex(20) + ext
    pad = opslagpad(opslagnaam)
    pad.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
        document = Document(
            deelnemer=deelnemer, soort=soort, omschrijving=(omschrijving or "").strip()[:200],
            bestandsnaam=_veilige_bestandsnaam(getattr(bestand, "name", "")), opslagnaam=opslagnaam,
            content_type=content_type, grootte=len(inhoud), sha256=hashlib.sha256(inhoud).hexdigest(),
            geupload_door=door,
        )
        document.full_clean()
        document.save()
        audit_log(actie=Actie.CREATE, gebruiker=door, clientcode=deelnemer.clientcode, obj=document,
                  grondslag=grondslag(door, deelnemer))
    except BaseException:
        pad.unlink(missing_ok=True)
        raise
    # A rollback of an outer transaction leaves an orphan file; wezen_opruimen() removes those.
    return document


def wezen_opruimen(*, ouder_dan_seconden: int = 3600) -> int:
    """Delete stored files no Document row refers to (left by a rolled-back upload). Returns the count.

    Only files older than `ouder_dan_seconden`, so an upload still in its transaction is left alone.
    """
    import time

    grens = time.time() - ouder_dan_seconden
    root = Path(settings.PRIVATE_STORAGE_ROOT)
    if not root.exists():
        return 0
    bekend = set(Document.objects.values_list("opslagnaam", flat=True))
    weg = 0
    for pad in root.glob("*/*"):
        if pad.is_file() and pad.name not in bekend and pad.stat().st_mtime < grens:
            pad.unlink(missing_ok=True)
            weg += 1
    return weg


def document_inhoud(document: Document) -> bytes:
    """The stored bytes, checked against the recorded SHA-256 (a changed file is refused)."""
    data = opslagpad(document.opslagnaam).read_bytes()
    if hashlib.sha256(data).hexdigest() != document.sha256:
        raise ValidationError("Het opgeslagen bestand komt niet overeen met de controlecode; het is gewijzigd of beschadigd.")
    return data


def document_downloaden(*, document: Document, door) -> bytes:
    """The checked bytes of a document for a download, with its audit event written first: if the event
    cannot be written, the file does not leave."""
    data = document_inhoud(document)
    deelnemer = document.deelnemer
    audit_log(actie=Actie.EXPORT, gebruiker=door, clientcode=deelnemer.clientcode, obj=document,
              grondslag=grondslag(door, deelnemer))
    return data


def documenten_verwijderen(*, deelnemer: Deelnemer) -> int:
    """Remove every document of `deelnemer`: the rows now, the files once the transaction commits."""
    paden = [opslagpad(n) for n in deelnemer.documenten.values_list("opslagnaam", flat=True)]
    aantal, _ = deelnemer.documenten.all().delete()

    def weg():
        for pad in paden:
            pad.unlink(missing_ok=True)

    transaction.on_commit(weg)
    return len(paden)
