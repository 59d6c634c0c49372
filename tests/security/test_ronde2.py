"""Round 2, the smaller findings: search term with NUL, downloads, active PDFs, body and PDF limits,
Permissions-Policy, lockout cool-off, seed_demo outside a demo."""

import datetime
import time
import zlib

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from clients.documents import document_aanmaken
from clients.models import Deelnemer, Document
from tests.factories import WACHTWOORD
from tests.security.test_lockout import is_logged_in, wizard_login
from uitstap.models import Gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eigen_opslag(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


# --- finding 5: NUL in the search term ---------------------------------------------------------


@pytest.mark.parametrize("lijst,wie", [("trajecten:caseload", "coach"), ("trajecten:deelnemers", "coordinator")])
def test_nul_in_the_search_term_is_refused_and_every_later_page_works(request, client, deelnemer, lijst, wie):
    client.force_login(request.getfixturevalue(wie))
    r = client.post(reverse(lijst), {"zoek": "ab\x00cd"}, follow=True)
    assert r.status_code == 200 and "stuurteken" in r.content.decode()
    assert client.get(reverse(lijst)).status_code == 200


@pytest.mark.parametrize("lijst,wie,key", [("trajecten:caseload", "coach", "zoek_caseload"),
                                           ("trajecten:deelnemers", "coordinator", "zoek_deelnemers")])
def test_a_bad_term_already_in_the_session_is_dropped_on_read(request, client, deelnemer, lijst, wie, key):
    client.force_login(request.getfixturevalue(wie))
    sessie = client.session
    sessie[key] = "ab\x00cd"
    sessie.save()
    r = client.get(reverse(lijst))
    assert r.status_code == 200 and r.context["zoek"] == ""
    assert key not in client.session


# --- finding 10: downloads and active PDFs -----------------------------------------------------

SCHOON = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(lichaam: bytes) -> bytes:
    return b"%PDF-1.4\n" + lichaam + b"\ntrailer<<>>\n%%EOF\n"


def test_download_name_follows_the_detected_type(client, coach, deelnemer):
    """A PDF/HTML polyglot uploaded as poly.html leaves as poly.pdf."""
    poly = SCHOON + b"<html><script>alert(1)</script></html>"
    doc = document_aanmaken(deelnemer=deelnemer, door=coach,
                            bestand=SimpleUploadedFile("poly.html", poly, content_type="text/html"))
    assert doc.bestandsnaam == "poly.pdf"
    Document.objects.filter(pk=doc.pk).update(bestandsnaam="oud.html")  # stored by an older version
    client.force_login(coach)
    r = client.get(reverse("trajecten:document_download", args=[deelnemer.pk, doc.pk]))
    assert r["Content-Type"] == "application/pdf"
    assert 'filename="oud.pdf"' in r["Content-Disposition"] and r["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("lichaam", [
    b"1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj",
    b"1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj 2 0 obj<</S/J#61vaScript/J#53 3 0 R>>endobj",
    b"1 0 obj<</Type/Catalog/Names<</EmbeddedFiles 2 0 R>>>>endobj",
    b"1 0 obj<</Type/Action/S/Launch/F(cmd.exe)>>endobj",
    b"1 0 obj<</Type/ObjStm/Filter/FlateDecode/Length 40>>stream\n"
    + zlib.compress(b"<</S/JavaScript/JS(app.alert(1))>>") + b"\nendstream endobj",
], ids=["openaction-js", "hex-escaped", "embedded-file", "launch", "compressed-js"])
def test_pdf_with_active_content_is_refused_in_dutch(coach, deelnemer, lichaam):
    with pytest.raises(ValidationError) as e:
        document_aanmaken(deelnemer=deelnemer, door=coach, bestand=SimpleUploadedFile("brief.pdf", _pdf(lichaam)))
    assert "actieve inhoud" in str(e.value)
    assert Document.objects.count() == 0


def test_plain_pdf_with_an_open_action_without_script_is_accepted(coach, deelnemer):
    lichaam = b"1 0 obj<</Type/Catalog/OpenAction[3 0 R/Fit]>>endobj"
    assert document_aanmaken(deelnemer=deelnemer, door=coach, bestand=SimpleUploadedFile("a.pdf", _pdf(lichaam)))


# --- finding 9: unbounded text, body size, PDF time ---------------------------------------------


def test_request_body_over_the_limit_is_413_before_parsing(client, coach, settings):
    settings.REQUEST_MAX_BYTES = 2048
    client.force_login(coach)
    r = client.post(reverse("trajecten:caseload"), {"zoek": "x" * 5000})
    assert r.status_code == 413 and "te groot" in r.content.decode()


def test_text_body_limit_is_far_below_the_old_12_mb(client, coach, settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 1024 * 1024
    assert settings.REQUEST_MAX_BYTES <= settings.DOCUMENT_MAX_BYTES + 512 * 1024
    client.force_login(coach)
    r = client.post(reverse("trajecten:caseload"), {"zoek": "x" * (2 * 1024 * 1024)})
    assert r.status_code == 400


def test_pdf_refuses_oversized_html(settings):
    from uitstap.pdf import PdfTeZwaar, render_pdf

    settings.PDF_MAX_HTML = 100
    with pytest.raises(PdfTeZwaar, match="te groot"):
        render_pdf("500.html", {})


def test_pdf_rendering_is_stopped_after_the_time_limit(settings, monkeypatch):
    from weasyprint import HTML

    from uitstap.pdf import PdfTeZwaar, render_pdf

    settings.PDF_MAX_SECONDEN = 1
    monkeypatch.setattr(HTML, "write_pdf", lambda self, *a, **k: time.sleep(5))
    begin = time.monotonic()
    with pytest.raises(PdfTeZwaar, match="langer dan 1 seconden"):
        render_pdf("500.html", {})
    assert time.monotonic() - begin < 3


def test_plan_pdf_too_large_gives_a_message_not_a_500(client, coach, deelnemer, settings):
    from tests.avg_data import vul_dossier
    from trajecten.models import Trajectplan

    vul_dossier(deelnemer, coach, "Pdfmarker", start=datetime.date(2025, 1, 5))
    plan = Trajectplan.objects.filter(traject__deelnemer=deelnemer).first()
    settings.PDF_MAX_HTML = 100
    client.force_login(coach)
    r = client.get(reverse("trajecten:plan_pdf", args=[deelnemer.pk, plan.pk]), follow=True)
    assert r.status_code == 200 and "te groot" in r.content.decode()


# --- finding 13 --------------------------------------------------------------------------------


def test_permissions_policy_header(client, coach):
    client.force_login(coach)
    for url in (reverse("trajecten:caseload"), reverse("two_factor:login")):
        policy = client.get(url)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


def test_lockout_ends_by_itself_after_the_cool_off(client, coach, settings):
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=30)
    for _ in range(5):
        wizard_login(client, "coach1", "fout-wachtwoord-123")
    assert wizard_login(client, "coach1", WACHTWOORD).status_code == 429
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=31)):
        assert wizard_login(client, "coach1", WACHTWOORD).status_code == 302
        assert is_logged_in(client)


def test_cool_off_is_configurable():
    import os
    import subprocess
    import sys

    from django.conf import settings as s

    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.AXES_COOLOFF_TIME.total_seconds())"],
        capture_output=True, text=True, timeout=120, cwd=s.BASE_DIR,
        env={**os.environ, "AXES_COOLOFF_MINUTEN": "5", "DJANGO_SETTINGS_MODULE": "uitstap.settings_test"},
    )
    assert out.stdout.strip() == "300.0", out.stderr


def test_seed_demo_refuses_outside_a_demo(settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match="DEMO=true"):
        call_command("seed_demo", deelnemers=2)
    assert not Gebruiker.objects.exists() and not Deelnemer.objects.exists()
    settings.DEMO = True
    call_command("seed_demo", deelnemers=2)
    assert Gebruiker.objects.filter(username="coordinator").exists()
