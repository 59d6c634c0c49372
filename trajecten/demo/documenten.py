"""Demo documents: a signed trajectplan (PDF) for a few participants in uitvoering, stored like real uploads."""

from django.core.files.uploadedfile import SimpleUploadedFile

from clients.documents import document_aanmaken
from clients.models import Document
from trajecten.models import Trajectplan


def _pdf(tekst: str) -> bytes:
    """A tiny valid one-page PDF with one line of text (synthetic: no real person's data)."""
    stream = f"BT /F1 14 Tf 72 760 Td ({tekst}) Tj ET".encode("latin-1")
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    uit = bytearray(b"%PDF-1.4\n")
    posities = []
    for i, obj in enumerate(objecten, start=1):
        posities.append(len(uit))
        uit += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(uit)
    uit += f"xref\n0 {len(objecten) + 1}\n0000000000 65535 f \n".encode()
    for pos in posities:
        uit += f"{pos:010d} 00000 n \n".encode()
    uit += f"trailer << /Size {len(objecten) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(uit)


def seed_documenten(*, rng, fake, vandaag, kern, deelnemers, aantal: int = 6):
    """Attach the signed plan as a PDF to up to `aantal` participants with a signed plan."""
    plannen = (
        Trajectplan.objects.filter(traject__deelnemer__in=deelnemers, status=Trajectplan.Status.ACTIEF)
        .select_related("traject__deelnemer__begeleider").order_by("traject__deelnemer__clientcode")[:aantal]
    )
    for plan in plannen:
        deelnemer = plan.traject.deelnemer
        door = deelnemer.begeleider or kern.get("gebruikers", {}).get("coordinator")
        if door is None:
            continue
        tekst = f"Trajectplan {deelnemer.clientcode} versie {plan.volgnummer} - ondertekend (demo)"
        document_aanmaken(
            deelnemer=deelnemer, door=door, soort=Document.Soort.TRAJECTPLAN,
            omschrijving=f"Ondertekend trajectplan versie {plan.volgnummer}",
            bestand=SimpleUploadedFile(f"trajectplan-v{plan.volgnummer}-ondertekend.pdf", _pdf(tekst)),
        )
