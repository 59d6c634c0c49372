"""The coach's caseload and the coordinator's list of participants."""

import datetime

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from clients.access import log_list
from trajecten import selectors
from trajecten.forms import DeelnemerFilter
from uitstap.audit import Actie
from uitstap.codes import Rol
from uitstap.permissions import rol_vereist
from uitstap.selectors import begeleiders_for, programmas_of

PER_PAGINA = 25


# --- caseload and lists -----------------------------------------------------------------------


def _zoekterm(request, lijst: str) -> tuple[str, object]:
    """Search terms may be names, so they travel by POST and live in the session, never in a URL."""
    key = f"zoek_{lijst}"
    if request.method == "POST":
        if "wissen" in request.POST:
            request.session.pop(key, None)
        else:
            request.session[key] = request.POST.get("zoek", "").strip()[:50]
        query = request.GET.copy()
        query.pop("pagina", None)
        return "", redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
    return request.session.get(key, ""), None


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def caseload(request):
    """The coach's start page: own participants and those they are achtervang for."""
    zoek, response = _zoekterm(request, "caseload")
    if response:
        return response
    vandaag = datetime.date.today()
    afgesloten = request.GET.get("afgesloten") == "1"
    qs = selectors.caseload(request.user, zoek=zoek, afgesloten=afgesloten, vandaag=vandaag)
    page = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = [(d, selectors.signalen_voor(d, vandaag)) for d in page.object_list]
    log_list(request, page.object_list, actie=Actie.SEARCH if zoek else Actie.LIST)
    return render(request, "trajecten/caseload.html", {
        "page": page, "rijen": rijen, "zoek": zoek, "vandaag": vandaag, "afgesloten": afgesloten,
    })


@rol_vereist(Rol.COORDINATOR, Rol.TRAJECTBEGELEIDER)
@require_http_methods(["GET", "POST"])
def deelnemers(request):
    """All participants in scope with filters (phase, coach, gemeente, status)."""
    zoek, response = _zoekterm(request, "deelnemers")
    if response:
        return response
    vandaag = datetime.date.today()
    programma = programmas_of(request.user).order_by("pk").first()
    filterset = DeelnemerFilter(
        request.GET or None, queryset=selectors.deelnemers_overzicht(request.user, vandaag),
        begeleiders=begeleiders_for(programma) if programma else None,
    )
    qs = selectors.zoek_deelnemers(filterset.qs, zoek)
    page = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = [(d, selectors.signalen_voor(d, vandaag)) for d in page.object_list]
    log_list(request, page.object_list, actie=Actie.SEARCH if (request.GET or zoek) else Actie.LIST)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "trajecten/deelnemer_lijst.html", {
        "filter": filterset, "page": page, "rijen": rijen, "query": query.urlencode(), "zoek": zoek,
    })
