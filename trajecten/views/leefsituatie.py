"""The Leefsituatie tab of the dossier (situation over time, nazorg checks) and its two short forms."""

from django.core.exceptions import ValidationError
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clients.access import dossier_object_or_404
from trajecten import selectors, services
from trajecten.forms import LeefsituatieForm, NacontroleForm
from trajecten.models import Traject
from trajecten.views.dossier import dossier_context, dossier_deelnemer_or_404, form_pagina
from uitstap.codes import NacontroleTermijn, Rol
from uitstap.forms import add_errors
from uitstap.permissions import rol_vereist


def leefsituatie(request, pk):
    """Situation at instroom beside now, the timeline of changes, and the checks the regime plans."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="leefsituatie")
    context = dossier_context(request, deelnemer, tab="leefsituatie")
    traject = context["traject"]
    context |= {
        "vergelijking": selectors.instroom_en_nu(traject) if traject else [],
        "wijzigingen": selectors.leefsituatie_tijdlijn(deelnemer.pk),
        "gepland": selectors.geplande_nacontroles(traject) if traject else [],
        "nacontroles": selectors.nacontroles_van(traject) if traject else [],
        "uitstap": services.uitstap_van(traject) if traject else None,
    }
    return render(request, "trajecten/leefsituatie_tab.html", context)


def _naar_tab(request, traject, bericht):
    messages.success(request, bericht)
    return redirect("trajecten:leefsituatie", pk=traject.deelnemer_id)


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def leefsituatie_nieuw(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="leefsituatie")
    form = LeefsituatieForm(request.POST or None, situatie=selectors.situatie_op(traject.deelnemer_id))
    if request.method == "POST" and form.is_valid():
        try:
            services.leefsituatie_vastleggen(traject=traject, datum=form.cleaned_data["datum"], data=form.situatie(),
                                             notitie=form.cleaned_data["notitie"], door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, traject, _("Leefsituatie bijgewerkt."))
    return form_pagina(request, traject, form, _("Leefsituatie bijwerken"), submit_label=_("Opslaan"),
                       intro=_("Het formulier toont de situatie nu. Pas alleen aan wat veranderd is; "
                               "alleen dat wordt vastgelegd, met de datum."))


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def nacontrole_nieuw(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="nacontrole")
    termijn = request.GET.get("termijn")
    initial = {"termijn": termijn} if termijn in NacontroleTermijn.values else {}
    form = NacontroleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.nacontrole_vastleggen(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, traject, _("Nacontrole vastgelegd."))
    return form_pagina(request, traject, form, _("Nacontrole vastleggen"), submit_label=_("Nacontrole vastleggen"),
                       intro=_("Hoe gaat het na de uitstroom? Een deelnemer die niet bereikt wordt, is onbekend, "
                               "nooit vanzelf uitgestapt gebleven."))
