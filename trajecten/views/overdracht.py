"""The warm handover: A's coach prepares or withdraws it on A's dossier; B's coordinator reviews the summary
and accepts or declines; B's dossier shows what came along. B never opens A's dossier: the pending overdracht
is reached through `selectors.overdracht_te_beoordelen_of_404`, and its read is audited with the overdracht
as basis."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clients.access import deelnemer_or_404, dossier_object_or_404
from trajecten import selectors, services
from trajecten.forms import OverdrachtAccepterenForm, OverdrachtAfwijzenForm, OverdrachtForm, OverdrachtIntrekkenForm
from trajecten.models import Overdracht
from trajecten.views.dossier import broodkruimels, dossier_context, dossier_deelnemer_or_404
from uitstap.audit import Actie, Uitkomst, audit_log
from uitstap.codes import Rol
from uitstap.forms import schrijf_via_form
from uitstap.permissions import rol_vereist
from uitstap.selectors import begeleiders_for


# --- A's side: on the dossier ----------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def overdracht_nieuw(request, pk):
    """A's coach prepares the handover with the participant: where to, what goes along, how she consented."""
    deelnemer = deelnemer_or_404(request, pk, object_type="overdracht")
    if request.user.rol not in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR):
        raise Http404
    form = OverdrachtForm(request.POST or None, deelnemer=deelnemer,
                          programmas=selectors.overdracht_programmas(deelnemer))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if schrijf_via_form(form, lambda: services.overdracht_voorbereiden(deelnemer=deelnemer, door=request.user, **data)):
            messages.success(request, _("Overdracht voorbereid. De coördinator van %(programma)s beslist erover.")
                             % {"programma": data["naar_programma"]})
            return redirect("trajecten:toestemmingen", pk=deelnemer.pk)
    title = _("Overdracht voorbereiden")
    return render(request, "form_page.html", {
        "form": form, "title": title, "submit_label": _("Overdracht voorbereiden"), "deelnemer": deelnemer,
        "intro": _("Een warme overdracht naar een ander uitstapprogramma. De deelnemer kiest zelf wat er meegaat; "
                   "het andere programma ziet alleen die samenvatting, nooit dit dossier. Na acceptatie wordt het "
                   "lopende traject hier afgesloten (tussentijds gestopt: verhuisd)."),
        "cancel_url": reverse("trajecten:toestemmingen", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, title),
    }, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def overdracht_intrekken(request, overdracht_pk):
    """A pending overdracht is withdrawn by the programme, or the participant withdraws her consent (one
    confirmed action either way); from the next request B sees nothing of it."""
    overdracht = dossier_object_or_404(request, Overdracht.objects.select_related("naar_programma", "toestemming"),
                                       overdracht_pk)
    deelnemer = overdracht.deelnemer
    if request.user.rol not in (Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR):
        raise Http404
    if request.method == "GET" and not overdracht.open:
        messages.info(request, _("Over deze overdracht is al beslist, of ze is al ingetrokken."))
        return redirect("trajecten:toestemmingen", pk=deelnemer.pk)
    form = OverdrachtIntrekkenForm(request.POST or None, versie_van=overdracht)
    if request.method == "POST" and form.is_valid() and schrijf_via_form(
            form, lambda: services.overdracht_intrekken(
                overdracht=overdracht, reden=form.cleaned_data["reden"],
                toestemming_ingetrokken=form.cleaned_data["wie"] == OverdrachtIntrekkenForm.TOESTEMMING,
                gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user)):
        messages.success(request, _("Overdracht ingetrokken. %(programma)s ziet er niets meer van.")
                         % {"programma": overdracht.naar_programma})
        return redirect("trajecten:toestemmingen", pk=deelnemer.pk)
    title = _("Overdracht intrekken")
    return render(request, "form_page.html", {
        "form": form, "title": title, "submit_label": _("Intrekken"), "deelnemer": deelnemer,
        "intro": _("De overdracht naar %(programma)s wacht nog op een besluit. Na intrekken ziet dat programma er "
                   "niets meer van, en loopt het traject hier gewoon door.") % {"programma": overdracht.naar_programma},
        "cancel_url": reverse("trajecten:toestemmingen", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, title),
    }, status=400 if form.errors and not form.conflict_waarden else 200)  # a conflict is shown like a page


def overdracht_ontvangen(request, pk):
    """B's dossier: the read-only summary this participant brought along from an earlier programme."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="overdrachtssamenvatting")
    context = dossier_context(request, deelnemer, tab="overdracht")
    context["samenvattingen"] = selectors.samenvattingen_van(deelnemer)
    return render(request, "trajecten/overdracht_ontvangen.html", context)


# --- B's side: the coordinator of the receiving programme -------------------------------------------


def _te_beoordelen_of_404(request, pk) -> Overdracht:
    """The pending overdracht for B's coordinator, with its read audited (basis: the overdracht), else 404."""
    try:
        overdracht = selectors.overdracht_te_beoordelen_of_404(request.user, pk)
    except Http404:
        with transaction.atomic():  # the requested id only: nothing of the participant behind it
            audit_log(actie=Actie.DENIED, uitkomst=Uitkomst.GEWEIGERD, gebruiker=request.user,
                      object_type="overdracht", object_id=str(pk)[:40])
        raise
    with transaction.atomic():
        # The clientcode is A's (pseudonymous, within `basis`): both sides can trace who read the summary.
        clientcode = overdracht.samenvatting.get("basis", {}).get("clientcode", "")
        audit_log(actie=Actie.VIEW, gebruiker=request.user, clientcode=clientcode, object_type="overdracht",
                  object_id=str(overdracht.pk), grondslag=f"overdracht:{overdracht.pk}")
    return overdracht


@rol_vereist(Rol.COORDINATOR)
def overdrachten(request):
    """B's coordinator: the overdrachten waiting for her decision, and the latest decided ones."""
    te_beoordelen = list(selectors.overdrachten_te_beoordelen(request.user))
    with transaction.atomic():
        audit_log(actie=Actie.LIST, gebruiker=request.user, object_type="overdrachten",
                  aantal=len(te_beoordelen), grondslag=request.user.rol)
    return render(request, "trajecten/overdracht_lijst.html", {
        "te_beoordelen": te_beoordelen, "afgehandeld": selectors.overdrachten_afgehandeld_voor(request.user),
    })


def _beoordelen_pagina(request, overdracht, *, accepteren=None, afwijzen=None, status=200):
    begeleiders = begeleiders_for(overdracht.naar_programma)
    return render(request, "trajecten/overdracht_beoordelen.html", {
        "overdracht": overdracht, "s": overdracht.samenvatting,
        "accepteren": accepteren or OverdrachtAccepterenForm(versie_van=overdracht, begeleiders=begeleiders),
        "afwijzen": afwijzen or OverdrachtAfwijzenForm(versie_van=overdracht),
        "breadcrumbs": [(_("Overdrachten"), reverse("trajecten:overdrachten")), (_("Overdracht beoordelen"), None)],
    }, status=status)


@rol_vereist(Rol.COORDINATOR)
def overdracht_beoordelen(request, overdracht_pk):
    """The summary within the consent and the message; accept or decline below it."""
    overdracht = _te_beoordelen_of_404(request, overdracht_pk)
    return _beoordelen_pagina(request, overdracht)


@require_POST
@rol_vereist(Rol.COORDINATOR)
def overdracht_accepteren(request, overdracht_pk):
    overdracht = _te_beoordelen_of_404(request, overdracht_pk)
    form = OverdrachtAccepterenForm(request.POST, versie_van=overdracht,
                                    begeleiders=begeleiders_for(overdracht.naar_programma))
    nieuw = []
    if form.is_valid() and schrijf_via_form(form, lambda: nieuw.append(services.overdracht_accepteren(
            overdracht=overdracht, begeleider=form.cleaned_data["begeleider"],
            achtervang=form.cleaned_data["achtervang"], gelezen_versie=form.cleaned_data["gelezen_versie"],
            door=request.user))):
        messages.success(request, _("Overdracht geaccepteerd: %(code)s is aangemeld in %(programma)s.")
                         % {"code": nieuw[0].clientcode, "programma": overdracht.naar_programma})
        return redirect("trajecten:overdracht_ontvangen", pk=nieuw[0].pk)
    return _beoordelen_pagina(request, overdracht, accepteren=form, status=400)


@require_POST
@rol_vereist(Rol.COORDINATOR)
def overdracht_afwijzen(request, overdracht_pk):
    overdracht = _te_beoordelen_of_404(request, overdracht_pk)
    form = OverdrachtAfwijzenForm(request.POST, versie_van=overdracht)
    if form.is_valid() and schrijf_via_form(form, lambda: services.overdracht_afwijzen(
            overdracht=overdracht, reden=form.cleaned_data["reden"],
            gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user)):
        messages.success(request, _("Overdracht afgewezen. De trajectbegeleider ziet de reden."))
        return redirect("trajecten:overdrachten")
    return _beoordelen_pagina(request, overdracht, afwijzen=form, status=400)
