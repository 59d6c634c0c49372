"""Small middleware: request ids, session timeouts, the MFA requirement and no-store caching."""

import time
import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import resolve
from django.urls.exceptions import Resolver404
from django.utils.http import urlencode
from django.utils.translation import gettext

from uitstap.links import reverse
from uitstap.requestinfo import current_request_info


def client_ip(request) -> str | None:
    """The client's IP the same way django-axes sees it (proxy-aware when configured)."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR")


def axes_username(request, credentials=None) -> str | None:
    """The username django-axes locks on: from authenticate()'s credentials, else the login wizard's field.

    The wizard posts `auth-username`, but authenticate() passes `username`; without this axes would see
    no username at all and lock per IP only (one person locking out the whole office).
    """
    naam = None
    if credentials:
        naam = credentials.get("username") or credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    if naam is None and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        naam = data.get(settings.AXES_USERNAME_FORM_FIELD) or data.get("username")
    return (naam or "").strip().lower()[:150] or None


class RequestIdMiddleware:
    """Gives every request an id (logged, audited, sent back as X-Request-ID)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = uuid.uuid4().hex
        token = current_request_info.set({"request_id": request.request_id, "ip": client_ip(request)})
        try:
            response = self.get_response(request)
        finally:
            current_request_info.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


def _naar(request, url):
    """Redirect; for an htmx request tell htmx to load the whole page instead of swapping in a fragment."""
    if request.headers.get("HX-Request") == "true":
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _login_url(request) -> str:
    volgende = request.get_full_path()
    if request.headers.get("HX-Request") == "true" and request.headers.get("HX-Current-URL"):
        from urllib.parse import urlsplit

        deel = urlsplit(request.headers["HX-Current-URL"])
        volgende = deel.path + (f"?{deel.query}" if deel.query else "")
    return f"{reverse('two_factor:login')}?{urlencode({'next': volgende})}"


class SessionTimeoutMiddleware:
    """Ends a session after 30 minutes idle or 10 hours in all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault("sessie_start", now)
            last = request.session.get("laatste_activiteit", now)
            if now - last > settings.SESSION_IDLE_SECONDS or now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(request, gettext("Je sessie is verlopen. Log opnieuw in."))
                return _naar(request, _login_url(request))
            if now - last >= 30 or "laatste_activiteit" not in request.session:
                # Saving the session on every request costs a write; half a minute of slack is fine.
                request.session["laatste_activiteit"] = now
        return self.get_response(request)


# URL names a user without a verified second factor may still reach (to set one up, or leave).
# backup_tokens and setup_complete are not here: two_factor itself demands a verified session for them.
MFA_EXEMPT = {
    "two_factor:login", "two_factor:setup", "two_factor:qr", "logout", "password_reset",
    "password_reset_done", "password_reset_confirm", "password_reset_complete",
}


class MfaRequiredMiddleware:
    """With MFA_VERPLICHT every logged-in user must have passed a second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_VERPLICHT
            and request.user.is_authenticated
            and not request.user.is_verified()
            and not request.path.startswith(settings.STATIC_URL)
        ):
            try:
                match = resolve(request.path_info)
                name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
            except Resolver404:
                name = None
            if name not in MFA_EXEMPT:
                from django_otp import devices_for_user

                if any(devices_for_user(request.user, confirmed=True)):
                    # A device exists but this session did not pass it: log in again.
                    logout(request)
                    return _naar(request, _login_url(request))
                return _naar(request, reverse("two_factor:setup"))
        if settings.MFA_VERPLICHT and request.path_info == reverse("two_factor:disable"):
            # Switching the second factor off is not an option when it is required.
            messages.info(request, gettext("De tweede stap is verplicht en kan niet uit."))
            return redirect("two_factor:profile")
        return self.get_response(request)


class NoStoreMiddleware:
    """No page of this application may stay in a browser or proxy cache (static files aside)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL):
            response["Cache-Control"] = "no-store, private"
        return response


# Browser features this application never uses; a page (or injected content) cannot switch them on.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
    "xr-spatial-tracking=()"
)


class RequestLimitsMiddleware:
    """Refuses a request body larger than the largest upload (a document plus its form) before Django reads
    it, and sets the Permissions-Policy header on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = 0
        if lengte > settings.REQUEST_MAX_BYTES:
            response = HttpResponse(
                "Dit verzoek is te groot. Een document mag hoogstens "
                f"{settings.DOCUMENT_MAX_BYTES // (1024 * 1024)} MB zijn.",
                status=413, content_type="text/plain; charset=utf-8",
            )
        else:
            response = self.get_response(request)
        response["Permissions-Policy"] = PERMISSIONS_POLICY
        return response
