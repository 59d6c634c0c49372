"""Documents in the dossier: type checked by content, stored under a random name in private storage."""

import hashlib
import os
import re
import secrets
import zlib
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

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


EXTENSIES = {content_type: ext for _, content_type, ext in SOORTEN}

# PDF names that run code or carry other files. Names may hide letters as #xx; compressed streams are
# opened too (bounded), because object streams can hold the dictionaries.
_PDF_ACTIEF = {"JavaScript", "JS", "EmbeddedFile", "EmbeddedFiles", "Launch", "RichMedia"}
_PDF_NAAM = re.compile(rb"/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})+)")
_PDF_STREAM = re.compile(rb"stream\r?\n")
_PDF_UITGEPAKT_MAX = 64 * 1024 * 1024


def _pdf_namen(data: bytes) -> set[str]:
    namen = set()
    for m in _PDF_NAAM.finditer(data):
        ruw = m.group(1)
        if b"#" in ruw:
            ruw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), ruw)
        namen.add(ruw.decode("latin-1"))
    return namen


def pdf_actieve_inhoud(inhoud: bytes) -> set[str]:
    """The names of active content (JavaScript, launch actions, embedded files) in a PDF, also inside
    Flate-compressed streams. Empty: nothing found."""
    gevonden = _pdf_namen(inhoud) & _PDF_ACTIEF
    budget = _PDF_UITGEPAKT_MAX
    for m in _PDF_STREAM.finditer(inhoud):
        if budget <= 0:
            gevonden.add("te veel gecomprimeerde inhoud")
            break
        eind = inhoud.find(b"endstream", m.end())
        if eind < 0:
            break
        try:
            uit = zlib.decompressobj().decompress(inhoud[m.end():eind], budget)
        except zlib.error:
            continue
        budget -= len(uit)
        gevonden |= _pdf_namen(uit) & _PDF_ACTIEF
    return gevonden


def downloadnaam(document: Document) -> str:
    """The name a download gets: the uploader's name with the extension of the type the content has
    (a PDF uploaded as poly.html leaves as poly.pdf)."""
    ext = EXTENSIES.get(document.content_type, ".bin")
    stam, oud = os.path.splitext(document.bestandsnaam or "document")
    if oud.lower() == ext or (ext == ".jpg" and oud.lower() == ".jpeg"):
        return document.bestandsnaam
    return (stam or "document")[:190] + ext


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


def _bestandsnaam_met_extensie(naam: str, ext: str) -> str:
    """The safe user's name, its extension replaced by the one of the detected type."""
    stam, oud = os.path.splitext(_veilige_bestandsnaam(naam))
    if oud.lower() == ext or (ext == ".jpg" and oud.lower() == ".jpeg"):
        return stam + oud
    return (stam or "document")[:190] + ext


def _lees_en_controleer(bestand) -> tuple[bytes, str, str]:
    """Read the upload (size-limited) and check its type by content. Raises ValidationError in Dutch."""
    limiet = settings.DOCUMENT_MAX_BYTES
    grootte = getattr(bestand, "size", None)
    if grootte is not None and grootte > limiet:
        raise ValidationError({"bestand": gettext("Het bestand is te groot: maximaal %(mb)s MB.") % {"mb": limiet // (1024 * 1024)}})
    if hasattr(bestand, "seek"):
        bestand.seek(0)
    inhoud = bestand.read(limiet + 1)
    if len(inhoud) > limiet:
        raise ValidationError({"bestand": gettext("Het bestand is te groot: maximaal %(mb)s MB.") % {"mb": limiet // (1024 * 1024)}})
    if not inhoud:
        raise ValidationError({"bestand": gettext("Het bestand is leeg.")})
    soort = soort_van_inhoud(inhoud[:16])
    if soort is None:
        raise ValidationError({"bestand": gettext("Dit soort bestand kan niet worden opgeslagen. Alleen %(toegestaan)s is toegestaan (gecontroleerd aan de inhoud, niet aan de naam).") % {"toegestaan": TOEGESTAAN}})
    if soort[0] == "application/pdf" and (actief := pdf_actieve_inhoud(inhoud)):
        raise ValidationError({"bestand": (
            "Deze PDF bevat actieve inhoud (" + ", ".join(sorted(actief)) + ") die code kan uitvoeren of andere "
            "bestanden meedraagt. Zulke PDF's worden niet opgeslagen. Sla het document opnieuw op als gewone "
            "PDF (bijvoorbeeld via 'Afdrukken als PDF') en probeer het nog eens."
        )})
    return inhoud, soort[0], soort[1]


@transaction.atomic
def document_aanmaken(
    *, deelnemer: Deelnemer, bestand, door, soort: str = Document.Soort.OVERIG, omschrijving: str = "",
) -> Document:
    """Store an uploaded file for `deelnemer` and record it; the file is removed again if the record fails."""
    if deelnemer.gewist_op is not None:
        raise ValidationError(gettext("De gegevens van deze deelnemer zijn gewist; er kunnen geen documenten meer bij."))
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
            bestandsnaam=_bestandsnaam_met_extensie(getattr(bestand, "name", ""), ext), opslagnaam=opslagnaam,
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
        raise ValidationError(gettext("Het opgeslagen bestand komt niet overeen met de controlecode; het is gewijzigd of beschadigd."))
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
