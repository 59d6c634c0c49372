"""The Veiligheid tab: the safe-contact arrangement and the legal route of one participant, with their history."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext

from clients.access import deelnemer_or_404
from clients.forms import ContactafspraakForm, JuridischeRouteForm
from clients.selectors import (
    contactafspraak_van,
    contactafspraken_historie,
    juridische_route_van,
    juridische_routes_historie,
)
from clients.services import contactafspraak_vastleggen, juridische_route_vastleggen
from trajecten.views.dossier import broodkruimels, dossier_context, dossier_deelnemer_or_404
from uitstap.forms import schrijf_via_form


def veiligheid(request, pk):
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="veiligheid")
    context = dossier_context(request, deelnemer, tab="veiligheid")
    context |= {
        "route": juridische_route_van(deelnemer),
        "afspraken_historie": contactafspraken_historie(deelnemer),
        "routes_historie": juridische_routes_historie(deelnemer),
        "categorie_historie": deelnemer.categorie_wijzigingen.select_related("door"),
    }
    return render(request, "trajecten/veiligheid_tab.html", context)


def _bewerken(request, pk, *, object_type, huidig_van, form_class, service, title, intro, form_kwargs):
    deelnemer = deelnemer_or_404(request, pk, object_type=object_type)
    huidig = huidig_van(deelnemer)
    form = form_class(request.POST or None, instance=huidig, huidige_versie=huidig.versie if huidig else 0,
                      **form_kwargs(deelnemer))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: service(deelnemer=deelnemer, data=data, gelezen_versie=gelezen,
                                                  door=request.user)):
            messages.success(request, gettext("%(title)s opgeslagen.") % {"title": title})
            return redirect("trajecten:veiligheid", pk=deelnemer.pk)
    return render(request, "form_page.html", {
        "form": form, "title": title, "intro": intro,
        "cancel_url": reverse("trajecten:veiligheid", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, title), "deelnemer": deelnemer,
    })


@require_http_methods(["GET", "POST"])
def contactafspraken_bewerken(request, pk):
    return _bewerken(
        request, pk, object_type="contactafspraak", huidig_van=contactafspraak_van, form_class=ContactafspraakForm,
        service=contactafspraak_vastleggen, title=gettext("Contactafspraken"),
        intro=gettext("Hoe mogen we haar veilig bereiken? Een wijziging bewaart de vorige afspraken als geschiedenis."),
        form_kwargs=lambda d: {"programma": d.programma},
    )


@require_http_methods(["GET", "POST"])
def juridische_route_bewerken(request, pk):
    return _bewerken(
        request, pk, object_type="juridische_route", huidig_van=juridische_route_van, form_class=JuridischeRouteForm,
        service=juridische_route_vastleggen, title=gettext("Juridische route"),
        intro=gettext("Bedenktijd, aangifte, melding, tijdelijke vergunning en beslistermijn. Elke wijziging blijft bewaard."),
        form_kwargs=lambda d: {},
    )
