"""Audit events for logins, failures, logouts and lockouts (the only signal handlers we keep)."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from uitstap.audit import Actie, Uitkomst, audit_log


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session["sessie_start"] = time.time()
        request.session["laatste_activiteit"] = time.time()
    audit_log(actie=Actie.LOGIN, gebruiker=user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_log(actie=Actie.LOGOUT, gebruiker=user)


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    audit_log(
        actie=Actie.LOGIN_FAILED,
        uitkomst=Uitkomst.GEWEIGERD,
        gebruikersnaam=str(credentials.get("username", ""))[:150],
    )


@receiver(user_locked_out)
def on_lockout(sender, request, username, ip_address, **kwargs):
    audit_log(actie=Actie.LOCKOUT, uitkomst=Uitkomst.GEWEIGERD, gebruikersnaam=str(username or "")[:150])
