"""One-time form tokens: a double click on Opslaan (or a resent POST) saves once and shows the first result."""

import datetime
import uuid

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from uitstap.models import VerwerktFormulier

VELD = "_eenmalig"
BEWAARD = datetime.timedelta(days=2)


def nieuw_token() -> str:
    return uuid.uuid4().hex


def _is_gelukt(response) -> bool:
    return response.status_code in (301, 302, 303) or response.has_header("HX-Refresh") or response.has_header("HX-Redirect")


def _doel(response, request) -> str:
    if response.status_code in (301, 302, 303):
        return response["Location"]
    return response.get("HX-Redirect") or request.headers.get("HX-Current-URL") or request.META.get("HTTP_REFERER") or ""


def _herhaling(request, vorige: VerwerktFormulier):
    messages.info(request, _("Dit formulier was al verzonden; het is één keer opgeslagen."))
    doel = vorige.url or request.META.get("HTTP_REFERER") or request.path
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return HttpResponseRedirect(doel)


class EenmaligMiddleware:
    """Reserves the token before the view runs; keeps it when the view succeeded, frees it when it did not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request.POST.get(VELD, "") if request.method == "POST" else ""
        if not token or not getattr(request, "user", None) or not request.user.is_authenticated:
            return self.get_response(request)
        token = token[:40]
        try:
            with transaction.atomic():
                reservering = VerwerktFormulier.objects.create(token=token, gebruiker=request.user)
        except IntegrityError:
            vorige = VerwerktFormulier.objects.filter(token=token, gebruiker=request.user).first()
            if vorige is None:
                return self.get_response(request)
            return _herhaling(request, vorige)
        response = self.get_response(request)
        if _is_gelukt(response):
            VerwerktFormulier.objects.filter(pk=reservering.pk).update(url=_doel(response, request)[:500])
            if reservering.pk % 100 == 0:
                VerwerktFormulier.objects.filter(aangemaakt_op__lt=timezone.now() - BEWAARD).delete()
        else:
            # Errors on the form: the user corrects and sends the same form again.
            VerwerktFormulier.objects.filter(pk=reservering.pk).delete()
        return response
