"""The outreach register: a programme's outreach actions and its list of named locations (no personal data)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext

from trajecten import selectors, services
from trajecten.forms import OutreachActieForm, OutreachLocatieForm
from uitstap.codes import Rol
from uitstap.forms import add_errors, schrijf_via_form
from uitstap.permissions import programma_of_403, rol_vereist


def _kruimels(*rest):
    return [(gettext("Outreach"), reverse("trajecten:outreach"))] + list(rest)


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
def outreach(request):
    programma = programma_of_403(request.user)
    page = Paginator(selectors.outreach_acties(programma), 50).get_page(request.GET.get("pagina"))
    return render(request, "trajecten/outreach_lijst.html", {
        "page": page, "locaties": selectors.outreach_locaties(programma),
        "is_coordinator": request.user.rol == Rol.COORDINATOR,
    })


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def outreach_nieuw(request):
    programma = programma_of_403(request.user)
    form = OutreachActieForm(request.POST or None, locaties=selectors.outreach_locaties(programma))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("gelezen_versie", None)
        try:
            services.outreach_actie_vastleggen(programma=programma, data=data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("Outreachactie vastgelegd."))
            return redirect("trajecten:outreach")
    return render(request, "form_page.html", {
        "form": form, "title": gettext("Outreachactie vastleggen"), "cancel_url": reverse("trajecten:outreach"),
        "intro": gettext("Alleen aantallen en de plek: geen namen, telefoonnummers of andere persoonsgegevens."),
        "breadcrumbs": _kruimels((gettext("Nieuw"), None)),
    })


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def outreach_bewerken(request, pk):
    programma = programma_of_403(request.user)
    actie = selectors.outreach_acties(programma).filter(pk=pk).first()
    if actie is None:
        raise Http404(gettext("Niet gevonden."))
    form = OutreachActieForm(request.POST or None, instance=actie, locaties=selectors.outreach_locaties(programma))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie", None)
        if schrijf_via_form(form, lambda: services.outreach_actie_wijzigen(
                actie=actie, data=data, gelezen_versie=gelezen, door=request.user)):
            messages.success(request, gettext("Outreachactie bijgewerkt."))
            return redirect("trajecten:outreach")
    return render(request, "form_page.html", {
        "form": form, "title": gettext("Outreachactie bijwerken"), "cancel_url": reverse("trajecten:outreach"),
        "breadcrumbs": _kruimels((str(actie), None)),
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def outreach_locatie_nieuw(request):
    programma = programma_of_403(request.user)
    form = OutreachLocatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.outreach_locatie_aanmaken(programma=programma, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("Locatie toegevoegd."))
            return redirect("trajecten:outreach")
    return render(request, "form_page.html", {
        "form": form, "title": gettext("Outreachlocatie toevoegen"), "cancel_url": reverse("trajecten:outreach"),
        "breadcrumbs": _kruimels((gettext("Nieuwe locatie"), None)),
    })
