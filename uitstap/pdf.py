"""The one PDF helper of the application: render a template to HTML and that HTML to PDF (WeasyPrint).

Returns both, so tests can read the HTML. Static files (the PDF stylesheet, images) are read
through Django's staticfiles finders, never over HTTP; data: URIs (the SVG charts) are allowed;
every other URL is refused, so a PDF can never make the server fetch something from outside.
"""

import contextlib
import mimetypes
import os
import signal
import threading
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string

BASIS_URL = "https://uitstap.pdf/"


class PdfTeZwaar(Exception):
    """The PDF would be too large or take too long to render; the message is Dutch, for the user."""


@contextlib.contextmanager
def _tijdslimiet(seconden: int):
    """Stop a render that runs longer than `seconden` (SIGALRM: in the main thread, as in a gunicorn sync
    worker; elsewhere only the size limit applies)."""
    if seconden <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _stop(signum, frame):
        raise PdfTeZwaar(f"Het maken van de PDF duurde langer dan {seconden} seconden en is gestopt.")

    vorige = signal.signal(signal.SIGALRM, _stop)
    signal.alarm(seconden)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, vorige)


def _static_pad(url: str) -> str | None:
    delen = urlsplit(url)
    if f"{delen.scheme}://{delen.netloc}/" != BASIS_URL:
        return None
    pad = unquote(delen.path)
    if not pad.startswith(settings.STATIC_URL):
        return None
    return pad[len(settings.STATIC_URL):]


def _bestand(pad: str) -> str | None:
    """The file behind a static path: from the finders, else (hashed names in production) from STATIC_ROOT."""
    gevonden = finders.find(pad)
    if gevonden:
        return gevonden
    try:
        kandidaat = staticfiles_storage.path(pad)
    except NotImplementedError:
        return None
    return kandidaat if os.path.isfile(kandidaat) else None


_per_thread = threading.local()


def _static_fetcher():
    """The URL fetcher of render_pdf, built once per thread: building one makes an SSL context with the system's CA
    certificates (about 20 ms, more than the rest of our work around WeasyPrint), which this fetcher, reading only
    static files and data: URIs, never uses. It keeps no state between renders."""
    fetcher = getattr(_per_thread, "fetcher", None)
    if fetcher is not None:
        return fetcher
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            pad = _static_pad(url)
            gevonden = _bestand(pad) if pad and ".." not in pad.split("/") else None
            if not gevonden:
                raise ValueError(f"PDF: alleen statische bestanden en data:-URI's zijn toegestaan ({url[:80]})")
            mime = mimetypes.guess_type(gevonden)[0] or "application/octet-stream"
            with open(gevonden, "rb") as f:
                return URLFetcherResponse(url, f.read(), {"Content-Type": mime})

    _per_thread.fetcher = StaticFetcher()
    return _per_thread.fetcher


def render_pdf(template: str, context: dict, request=None, *, pdf_variant: str | None = "pdf/ua-1") -> tuple[str, bytes]:
    """Render `template` with `context`; return (html, pdf_bytes). By default a tagged PDF/UA-1 (structure,
    language and title for screen readers).

    Bounded: HTML longer than settings.PDF_MAX_HTML characters is refused before WeasyPrint sees it, and
    rendering stops after settings.PDF_MAX_SECONDEN. Both raise PdfTeZwaar.
    """
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    if len(html) > settings.PDF_MAX_HTML:
        raise PdfTeZwaar("Dit document is te groot om als PDF te maken. Maak de teksten korter en probeer het opnieuw.")
    opties = {"pdf_variant": pdf_variant, "pdf_tags": True} if pdf_variant else {}
    with _tijdslimiet(settings.PDF_MAX_SECONDEN):
        pdf = HTML(string=html, base_url=BASIS_URL, url_fetcher=_static_fetcher()).write_pdf(**opties)
    return html, pdf
