"""Small middleware: request ids, session timeouts, the MFA requirement and no-store caching."""

import time
import uuid

from django.conf import settings
from django.contrib.auth import logout
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import resolve, reverse
from django.urls.exceptions import Resolver404

from uitstap.requestinfo import current_request_info

def client_ip(request) -> str | None:
    """The client's IP the same way django-axes sees it (proxy-aware when configured)."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR")


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
                messages.info(request, "Je sessie is verlopen. Log opnieuw in.")
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
            request.session["laatste_activiteit"] = now
        return self.get_response(request)


# URL names a user without a verified second factor may still reach (to set one up, or leave).
MFA_EXEMPT = {
    "two_factor:login", "two_factor:setup", "two_factor:qr", "two_factor:setup_complete",
    "two_factor:backup_tokens", "logout", "wachtwoord_instellen", "password_reset",
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
                    return redirect(f"{reverse('two_factor:login')}?next={request.path}")
                return redirect("two_factor:setup")
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
