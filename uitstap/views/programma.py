"""The coordinator's programme pages: the programme, its settings and its yearly figures."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext

from uitstap.codes import Rol
from uitstap.forms import ProgrammaForm, ProgrammaJaarForm, schrijf_via_form
from uitstap.models import ProgrammaJaar
from uitstap.permissions import rol_vereist
from uitstap.selectors import programmas_of
from uitstap.services import programma_wijzigen, programmajaar_wijzigen


@rol_vereist(Rol.COORDINATOR)
def programma_lijst(request):
    programmas = programmas_of(request.user).prefetch_related("organisaties", "gemeenten")
    if programmas.count() == 1:
        return redirect("programma_detail", slug=programmas.first().slug)
    return render(request, "uitstap/programma_lijst.html", {"programmas": programmas})


@rol_vereist(Rol.COORDINATOR)
def programma_detail(request, slug):
    programma = get_object_or_404(
        programmas_of(request.user).prefetch_related("organisaties", "gemeenten"), slug=slug
    )
    jaren = ProgrammaJaar.objects.filter(programma=programma).order_by("-jaar")
    return render(request, "uitstap/programma_detail.html", {"programma": programma, "jaren": jaren})


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def programma_bewerken(request, slug):
    programma = get_object_or_404(programmas_of(request.user), slug=slug)
    form = ProgrammaForm(request.POST or None, instance=programma)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: programma_wijzigen(programma=programma, data=data, door=request.user, gelezen_versie=gelezen)):
            messages.success(request, gettext("Programma opgeslagen."))
            return redirect("programma_detail", slug=programma.slug)
    return render(request, "form_page.html", {
        "form": form, "title": gettext("%(naam)s bewerken") % {"naam": programma.naam},
        "cancel_url": reverse("programma_detail", args=[programma.slug]),
        "breadcrumbs": [(programma.naam, reverse("programma_detail", args=[programma.slug])), (gettext("Bewerken"), None)],
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def programmajaar_bewerken(request, slug, jaar=None):
    programma = get_object_or_404(programmas_of(request.user), slug=slug)
    instance = ProgrammaJaar.objects.filter(programma=programma, jaar=jaar).first() if jaar else None
    form = ProgrammaJaarForm(request.POST or None, instance=instance)
    if instance:
        form.fields["jaar"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gekozen_jaar = instance.jaar if instance else data.pop("jaar")
        data.pop("jaar", None)
        gelezen = data.pop("gelezen_versie", None)
        if schrijf_via_form(form, lambda: programmajaar_wijzigen(programma=programma, jaar=gekozen_jaar, data=data, door=request.user,
                                   gelezen_versie=gelezen)):
            messages.success(request, gettext("Cijfers voor %(gekozen_jaar)s opgeslagen.") % {"gekozen_jaar": gekozen_jaar})
            return redirect("programma_detail", slug=programma.slug)
    titel = gettext("Jaarcijfers %(jaar)s") % {"jaar": jaar} if jaar else gettext("Jaarcijfers toevoegen")
    return render(request, "form_page.html", {
        "form": form, "title": titel,
        "intro": gettext("Plan en begroting van dit jaar. De verslagcijfers zetten deze naast wat er werkelijk gebeurde."),
        "cancel_url": reverse("programma_detail", args=[programma.slug]),
        "breadcrumbs": [(programma.naam, reverse("programma_detail", args=[programma.slug])), (titel, None)],
    })
