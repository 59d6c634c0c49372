"""Document upload and download: type by content, size limit, private storage, 404 for outsiders, logged."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clients.documents import document_aanmaken, opslagpad
from clients.models import Document
from uitstap.models import AuditEvent

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture(autouse=True)
def eigen_opslag(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


def upload(naam, inhoud, content_type="application/pdf"):
    return SimpleUploadedFile(naam, inhoud, content_type=content_type)


@pytest.mark.django_db
@pytest.mark.parametrize("naam,inhoud,ct", [("plan.pdf", PDF, "application/pdf"), ("foto.png", PNG, "image/png"),
                                            ("scan.jpg", JPEG, "image/jpeg")])
def test_allowed_types_are_stored_privately(deelnemer, coach, settings, naam, inhoud, ct):
    doc = document_aanmaken(deelnemer=deelnemer, bestand=upload(naam, inhoud), door=coach)
    assert doc.content_type == ct
    assert doc.sha256 == hashlib.sha256(inhoud).hexdigest()
    assert doc.grootte == len(inhoud)
    pad = opslagpad(doc.opslagnaam)
    assert pad.read_bytes() == inhoud
    assert str(pad).startswith(str(settings.PRIVATE_STORAGE_ROOT))
    assert naam not in doc.opslagnaam and len(doc.opslagnaam) >= 40
    assert not str(pad).startswith(str(settings.STATIC_ROOT))
    assert AuditEvent.objects.filter(actie="create", object_type="document", clientcode=deelnemer.clientcode).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("naam,inhoud", [
    ("plan.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100),            # a renamed Windows executable
    ("programma.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 100),             # a renamed Linux executable
    ("brief.pdf", b"<!doctype html><html><script>alert(1)</script></html>"),  # HTML called .pdf
    ("foto.png", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),       # SVG called .png
    ("leeg.pdf", b""),
])
def test_wrong_content_is_refused_and_nothing_stored(deelnemer, coach, settings, naam, inhoud):
    with pytest.raises(ValidationError):
        document_aanmaken(deelnemer=deelnemer, bestand=upload(naam, inhoud), door=coach)
    assert Document.objects.count() == 0
    assert not any(p.is_file() for p in settings.PRIVATE_STORAGE_ROOT.glob("*/*"))


@pytest.mark.django_db
def test_oversize_is_refused(deelnemer, coach, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="te groot"):
        document_aanmaken(deelnemer=deelnemer, bestand=upload("groot.pdf", PDF + b"0" * 2000), door=coach)
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_upload_through_the_tab(deelnemer, coach, login):
    client = login(coach)
    url = reverse("trajecten:documenten", args=[deelnemer.pk])
    r = client.post(url, {"bestand": upload("ondertekend.pdf", PDF), "soort": "trajectplan", "omschrijving": "versie 1"})
    assert r.status_code == 302
    r = client.get(url)
    assert "ondertekend.pdf" in r.content.decode()


@pytest.mark.django_db
def test_refused_upload_shows_dutch_message(deelnemer, coach, login):
    client = login(coach)
    url = reverse("trajecten:documenten", args=[deelnemer.pk])
    r = client.post(url, {"bestand": upload("brief.pdf", b"<html></html>"), "soort": "overig"})
    assert r.status_code == 400
    assert "Alleen PDF, JPEG of PNG" in r.content.decode()
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_oversize_through_the_tab(deelnemer, coach, login, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    client = login(coach)
    r = client.post(reverse("trajecten:documenten", args=[deelnemer.pk]),
                    {"bestand": upload("groot.pdf", PDF + b"0" * 5000), "soort": "overig"})
    assert r.status_code == 400
    assert "te groot" in r.content.decode()


@pytest.fixture
def document(deelnemer, coach):
    return document_aanmaken(deelnemer=deelnemer, bestand=upload("plan getekend.pdf", PDF), door=coach)


@pytest.mark.django_db
@pytest.mark.parametrize("wie,grondslag", [("coach", "eigen_caseload"), ("coach2", "achtervang"),
                                           ("coordinator", "coordinator")])
def test_download_is_attachment_and_logged_once(request, document, deelnemer, login, wie, grondslag):
    user = request.getfixturevalue(wie)
    client = login(user)
    voor = AuditEvent.objects.count()
    r = client.get(reverse("trajecten:document_download", args=[deelnemer.pk, document.pk]))
    assert r.status_code == 200
    assert r["Content-Disposition"].startswith("attachment;")
    assert r["Content-Type"] == "application/pdf"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r.content == PDF
    events = list(AuditEvent.objects.filter(id__gt=0).order_by("id")[voor:])
    assert len(events) == 1
    e = events[0]
    assert (e.actie, e.object_type, e.object_id, e.clientcode, e.grondslag) == (
        "export", "document", str(document.pk), deelnemer.clientcode, grondslag)


@pytest.mark.django_db
def test_other_coach_gets_404_and_denied_event(document, deelnemer, coach3, login):
    client = login(coach3)
    r = client.get(reverse("trajecten:document_download", args=[deelnemer.pk, document.pk]))
    assert r.status_code == 404
    assert AuditEvent.objects.filter(actie="denied", gebruiker=coach3, clientcode=deelnemer.clientcode).count() == 1


@pytest.mark.django_db
def test_document_of_another_participant_via_own_participant_is_404(document, ander_deelnemer, coach3, login):
    """coach3 sees ander_deelnemer, but the document id belongs to someone else."""
    client = login(coach3)
    r = client.get(reverse("trajecten:document_download", args=[ander_deelnemer.pk, document.pk]))
    assert r.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["klantmanager", "beheerder"])
def test_other_roles_get_404(request, document, deelnemer, login, wie):
    client = login(request.getfixturevalue(wie))
    assert client.get(reverse("trajecten:document_download", args=[deelnemer.pk, document.pk])).status_code == 404


@pytest.mark.django_db
def test_tampered_file_is_not_served(document, deelnemer, coach, login):
    opslagpad(document.opslagnaam).write_bytes(PDF + b"extra")
    client = login(coach)
    assert client.get(reverse("trajecten:document_download", args=[deelnemer.pk, document.pk])).status_code == 404


@pytest.mark.django_db
def test_user_file_name_is_never_a_path(deelnemer, coach):
    doc = document_aanmaken(deelnemer=deelnemer, bestand=upload("..\\..\\etc/passwd.pdf", PDF), door=coach)
    assert doc.bestandsnaam == "passwd.pdf"
    assert "/" not in doc.opslagnaam and ".." not in doc.opslagnaam


@pytest.mark.django_db
def test_download_name_with_quotes_and_accents(deelnemer, coach, login):
    doc = document_aanmaken(deelnemer=deelnemer, bestand=upload('plan "één".pdf', PDF), door=coach)
    r = login(coach).get(reverse("trajecten:document_download", args=[deelnemer.pk, doc.pk]))
    assert r.status_code == 200
    assert r["Content-Disposition"].startswith("attachment;")
    assert "\n" not in r["Content-Disposition"]


@pytest.mark.django_db
def test_no_upload_after_erasure(deelnemer, coach, coordinator):
    from clients.avg import deelnemer_wissen

    deelnemer_wissen(deelnemer=deelnemer, door=coordinator)
    deelnemer.refresh_from_db()
    with pytest.raises(ValidationError, match="gewist"):
        document_aanmaken(deelnemer=deelnemer, bestand=upload("plan.pdf", PDF), door=coordinator)


@pytest.mark.django_db
def test_download_only_by_get(document, deelnemer, coach, login):
    r = login(coach).post(reverse("trajecten:document_download", args=[deelnemer.pk, document.pk]))
    assert r.status_code == 405


@pytest.mark.django_db
def test_orphan_files_are_cleaned(settings, deelnemer, coach):
    from clients.documents import wezen_opruimen

    doc = document_aanmaken(deelnemer=deelnemer, bestand=upload("plan.pdf", PDF), door=coach)
    wees = opslagpad("ab" + "0" * 38 + ".pdf")
    wees.parent.mkdir(parents=True, exist_ok=True)
    wees.write_bytes(PDF)
    assert wezen_opruimen(ouder_dan_seconden=-1) == 1
    assert not wees.exists() and opslagpad(doc.opslagnaam).exists()
