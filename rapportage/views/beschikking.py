"""The coordinator's grant screens: the beschikking, its periods' plan figures, budget, spend, co-financiers, advances."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, gettext_lazy
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from rapportage import services
from rapportage.forms import BedragenForm, BeschikkingForm, CofinancierForm, PlanForm, VoorschotForm
from rapportage.models import Beschikking, Verslagperiode
from rapportage.selectors import beschikkingen_van, verslagen_van
from uitstap.codes import Rol
from uitstap.forms import add_errors, schrijf_via_form
from uitstap.permissions import rol_vereist
from uitstap.selectors import programmas_of

CONFLICT = gettext_lazy("Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.")


def beschikking_of_404(request, pk) -> Beschikking:
    return get_object_or_404(beschikkingen_van(programmas_of(request.user)), pk=pk)


def periode_of_404(request, pk) -> Verslagperiode:
    return get_object_or_404(
        Verslagperiode.objects.select_related("beschikking__programma")
        .filter(beschikking__programma__in=programmas_of(request.user)), pk=pk,
    )


def _formulier(request, form, titel, terug, *, intro=""):
    return render(request, "rapportage/formulier.html", {
        "form": form, "title": titel, "intro": intro, "cancel_url": terug,
        "breadcrumbs": [(_("Cijfers"), reverse("rapportage:cijfers")), (titel, None)],
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def beschikkingen(request):
    programmas = list(programmas_of(request.user).order_by("naam"))
    slug = request.GET.get("programma") or request.POST.get("programma") or (programmas[0].slug if programmas else "")
    programma = next((p for p in programmas if p.slug == slug), None)
    form = BeschikkingForm(request.POST or None, programma=programma) if programma else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            b = services.beschikking_aanmaken(programma=programma, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, _("Beschikking vastgelegd met haar verslagperioden."))
            return redirect("rapportage:beschikking", b.pk)
    return render(request, "rapportage/beschikkingen.html", {
        "programmas": programmas, "programma": programma, "form": form,
        "beschikkingen": beschikkingen_van(programmas).order_by("programma__naam", "-startdatum"),
        "breadcrumbs": [(_("Cijfers"), reverse("rapportage:cijfers")), (_("Beschikkingen"), None)],
    })


@rol_vereist(Rol.COORDINATOR)
def beschikking(request, pk):
    b = beschikking_of_404(request, pk)
    perioden = list(b.perioden.prefetch_related("bestedingen").order_by("nummer"))
    return render(request, "rapportage/beschikking.html", {
        "b": b, "perioden": perioden, "begroting": b.begroting.all(), "cofinanciers": b.cofinanciers.all(),
        "voorschotten": b.voorschotten.all(), "wijzigingen": b.wijzigingen.select_related("door")[:50],
        "verslagen": verslagen_van(b), "cofinancier_form": CofinancierForm(), "voorschot_form": VoorschotForm(),
        "breadcrumbs": [(_("Cijfers"), reverse("rapportage:cijfers")), (_("Beschikkingen"), reverse("rapportage:beschikkingen")),
                        (str(b), None)],
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def plan_wijzigen(request, pk):
    periode = periode_of_404(request, pk)
    form = PlanForm(request.POST or None, instance=periode)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "gelezen_versie"}
        if schrijf_via_form(form, lambda: services.verslagperiode_wijzigen(
                periode=periode, data=data, gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user)):
            messages.success(request, _("Plancijfers opgeslagen."))
            return redirect("rapportage:beschikking", periode.beschikking_id)
    return _formulier(request, form, _("Plancijfers %(periode)s") % {"periode": periode},
                      reverse("rapportage:beschikking", args=[periode.beschikking_id]),
                      intro=_("De doelen uit het projectplan voor deze periode; elke wijziging blijft zichtbaar in de historie."))


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def begroting_wijzigen(request, pk):
    b = beschikking_of_404(request, pk)
    form = BedragenForm(request.POST or None, bedragen=dict(b.begroting.values_list("post", "bedrag")), versie=b.versie)
    if request.method == "POST" and form.is_valid():
        if schrijf_via_form(form, lambda: services.begroting_wijzigen(
                beschikking=b, bedragen=form.bedragen(), gelezen_versie=form.cleaned_data["gelezen_versie"],
                door=request.user)):
            messages.success(request, _("Begroting opgeslagen."))
            return redirect("rapportage:beschikking", b.pk)
    return _formulier(request, form, _("Begroting per post"), reverse("rapportage:beschikking", args=[b.pk]))


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def besteding_wijzigen(request, pk):
    periode = periode_of_404(request, pk)
    form = BedragenForm(request.POST or None, bedragen=dict(periode.bestedingen.values_list("post", "bedrag")),
                        versie=periode.versie)
    if request.method == "POST" and form.is_valid():
        if schrijf_via_form(form, lambda: services.besteding_wijzigen(
                periode=periode, bedragen=form.bedragen(), gelezen_versie=form.cleaned_data["gelezen_versie"],
                door=request.user)):
            messages.success(request, _("Bestedingen opgeslagen."))
            return redirect("rapportage:beschikking", periode.beschikking_id)
    return _formulier(request, form, _("Bestedingen %(periode)s") % {"periode": periode},
                      reverse("rapportage:beschikking", args=[periode.beschikking_id]))


def _regel_toevoegen(request, pk, form_class, service, titel):
    """Add one row (a co-financier, an advance) to the beschikking from its page; errors on a page of their own."""
    b = beschikking_of_404(request, pk)
    form = form_class(request.POST)
    if form.is_valid() and schrijf_via_form(form, lambda: service(beschikking=b, door=request.user, **form.cleaned_data)):
        return redirect("rapportage:beschikking", b.pk)
    return _formulier(request, form, titel, reverse("rapportage:beschikking", args=[b.pk]))


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["POST"])
def cofinancier_toevoegen(request, pk):
    return _regel_toevoegen(request, pk, CofinancierForm, services.cofinancier_toevoegen, _("Cofinancier toevoegen"))


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["POST"])
def voorschot_toevoegen(request, pk):
    return _regel_toevoegen(request, pk, VoorschotForm, services.voorschot_toevoegen, _("Voorschot toevoegen"))
