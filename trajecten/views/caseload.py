"""The coach's caseload and the coordinator's list of participants."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext

from clients.access import log_list
from clients.models import Deelnemer
from clients.selectors import duplicaat_kandidaten
from trajecten import selectors
from trajecten.forms import DeelnemerFilter
from uitstap.audit import Actie
from uitstap.codes import Fase, Rol
from uitstap.permissions import rol_vereist
from uitstap.selectors import begeleiders_for, programmas_of
from uitstap.validators import bevat_stuurtekens, zoekterm

PER_PAGINA = 25
# A normal caseload fits on one page.
PER_PAGINA_CASELOAD = 60


# --- caseload and lists -----------------------------------------------------------------------


def _zoekterm(request, lijst: str) -> tuple[str, object]:
    """Search terms may be names, so they travel by POST and live in the session, never in a URL."""
    key = f"zoek_{lijst}"
    if request.method == "POST":
        getypt = request.POST.get("zoek", "")
        if "wissen" in request.POST:
            request.session.pop(key, None)
        elif bevat_stuurtekens(getypt):
            request.session.pop(key, None)
            messages.error(request, gettext("De zoekterm bevat een onzichtbaar stuurteken (zoals NUL). Typ hem opnieuw."))
        else:
            request.session[key] = zoekterm(getypt)
        query = request.GET.copy()
        query.pop("pagina", None)
        return "", redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
    # Checked again on the way out: a term kept by an older version (or a tampered session) must not
    # break every later page.
    bewaard = request.session.get(key, "")
    schoon = zoekterm(bewaard)
    if schoon != bewaard:
        request.session.pop(key, None)
    return schoon, None


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def caseload(request):
    """The coach's start page: own participants and those they are achtervang for."""
    zoek, response = _zoekterm(request, "caseload")
    if response:
        return response
    vandaag = datetime.date.today()
    afgesloten = request.GET.get("afgesloten") == "1"
    sorteer = request.GET.get("sorteer", "")
    fase = request.GET.get("fase", "")
    signaal = request.GET.get("signaal", "")
    page = selectors.caseload_pagina(request.user, request.GET.get("pagina"), PER_PAGINA_CASELOAD, zoek=zoek,
                                     afgesloten=afgesloten, vandaag=vandaag, sorteer=sorteer, fase=fase, signaal=signaal)
    rijen = [(d, selectors.signalen_voor(d, vandaag)) for d in page.object_list]
    log_list(request, page.object_list, actie=Actie.SEARCH if zoek else Actie.LIST)
    # "Vandaag en deze week": planned contacts of the whole caseload, and the nazorg checks that are due.
    gepland, gepland_totaal = selectors.deze_week(request.user, vandaag)
    controles = [(d, s) for d, signalen in rijen for s in signalen if s.soort == "nazorg"]
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "trajecten/caseload.html", {
        "page": page, "rijen": rijen, "zoek": zoek, "vandaag": vandaag, "afgesloten": afgesloten,
        "sorteer": sorteer, "fase": fase, "signaal": signaal, "gepland": gepland, "gepland_meer": gepland_totaal - len(gepland),
        "controles": controles,
        "fasen": Fase.choices, "signaal_filters": selectors.SIGNAAL_FILTERS, "query": query.urlencode(),
        "kolommen": [("deelnemer", gettext("Deelnemer")), ("fase", gettext("Fase")), ("dagen", gettext("Dagen in fase")),
                     ("volgend", gettext("Volgend contact")), ("laatste", gettext("Laatste contact")),
                     ("urgentie", gettext("Signalen"))],
    })


@rol_vereist(Rol.COORDINATOR)
def coordinator_start(request):
    """The coordinator's start page: what needs attention in the programme, each item a link."""
    vandaag = datetime.date.today()
    aandacht = selectors.aandacht_coordinator(request.user, vandaag)
    getoond = aandacht.lang_wachtend + aandacht.geen_contact + aandacht.plan_ongetekend + aandacht.nazorg
    log_list(request, getoond, actie=Actie.LIST)
    return render(request, "trajecten/coordinator_start.html", {
        "aandacht": aandacht, "vandaag": vandaag, "aantal_duplicaten": len(duplicaat_kandidaten(request.user)),
        "overdrachten_open": selectors.overdrachten_te_beoordelen(request.user).count(),
    })


@rol_vereist(Rol.COORDINATOR, Rol.TRAJECTBEGELEIDER)
@require_http_methods(["GET", "POST"])
def deelnemers(request):
    """All participants in scope with filters (phase, coach, gemeente, status)."""
    zoek, response = _zoekterm(request, "deelnemers")
    if response:
        return response
    vandaag = datetime.date.today()
    # The coaches of the user's first programme for the filter, read with the form's choices (a subquery).
    programma = programmas_of(request.user).order_by("pk").values("pk")[:1]
    # Without a filter or a search the first page comes from statements kept compiled (overzicht_eerste_pagina),
    # another page from the visible participants as they are: the filterset then only shows its form, and the
    # queryset is built only for a page after the first.
    ongefilterd = not zoek and not any(request.GET.get(naam) for naam in DeelnemerFilter.base_filters)
    filterset = DeelnemerFilter(
        request.GET or None,
        queryset=Deelnemer.objects.none() if ongefilterd else selectors.deelnemers_overzicht(request.user),
        begeleiders=begeleiders_for(programma),
    )
    def bouw():
        if ongefilterd:
            return selectors.deelnemers_overzicht(request.user)
        return selectors.zoek_deelnemers(filterset.qs, zoek)

    page = selectors.pagina(bouw, request.GET.get("pagina"), PER_PAGINA,
                            rijen=lambda ids: selectors.overzicht_rijen(request.user, ids, vandaag),
                            eerste_pagina=(lambda: selectors.overzicht_eerste_pagina(request.user, PER_PAGINA))
                            if ongefilterd else None)
    rijen = [(d, selectors.signalen_voor(d, vandaag)) for d in page.object_list]
    log_list(request, page.object_list, actie=Actie.SEARCH if (request.GET or zoek) else Actie.LIST)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "trajecten/deelnemer_lijst.html", {
        "filter": filterset, "page": page, "rijen": rijen, "query": query.urlencode(), "zoek": zoek,
    })
