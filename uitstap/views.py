"""Core screens: start page per role, login, account, programme settings, error pages."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from two_factor.views import LoginView

from uitstap.audit import Actie, Uitkomst, audit_log
from uitstap.codes import Rol
from uitstap.forms import ProgrammaForm, ProgrammaJaarForm, schrijf_via_form
from uitstap.models import ProgrammaJaar
from uitstap.permissions import rol_vereist
from uitstap.selectors import programmas_of
from uitstap.services import programma_wijzigen, programmajaar_wijzigen


class UitstapLoginView(LoginView):
    """two-factor's login wizard, with failed second-factor attempts in the audit log."""

    template_name = "two_factor/core/login.html"

    def render(self, form=None, **kwargs):
        if form is not None and form.is_bound and form.errors and self.steps.current in ("token", "backup"):
            user = self.get_user()
            audit_log(
                actie=Actie.MFA_FAILED, uitkomst=Uitkomst.GEWEIGERD,
                gebruikersnaam=user.username if user else "",
            )
        return super().render(form, **kwargs)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form, **kwargs)
        context["MFA_VERPLICHT"] = settings.MFA_VERPLICHT
        context["DEMO"] = settings.DEMO
        return context


def start(request):
    """Everyone lands on the page their day starts with."""
    rol = request.user.rol
    if rol == Rol.TRAJECTBEGELEIDER:
        return redirect("trajecten:caseload")
    if rol == Rol.COORDINATOR:
        return redirect("trajecten:deelnemers")
    if rol == Rol.KLANTMANAGER:
        return redirect("klantmanager_start")
    if rol == Rol.BEHEERDER:
        return redirect("gebruikers")
    return render(request, "uitstap/geen_rol.html")


def account(request):
    return render(request, "uitstap/account.html")


@rol_vereist(Rol.KLANTMANAGER)
def klantmanager_start(request):
    # Consent-scoped sharing arrives with the consent issue; until then a klantmanager sees nobody.
    return render(request, "uitstap/klantmanager_start.html")


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
            messages.success(request, "Programma opgeslagen.")
            return redirect("programma_detail", slug=programma.slug)
    return render(request, "form_page.html", {
        "form": form, "title": f"{programma.naam} bewerken",
        "cancel_url": reverse("programma_detail", args=[programma.slug]),
        "breadcrumbs": [(programma.naam, reverse("programma_detail", args=[programma.slug])), ("Bewerken", None)],
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
            messages.success(request, f"Cijfers voor {gekozen_jaar} opgeslagen.")
            return redirect("programma_detail", slug=programma.slug)
    titel = f"Jaarcijfers {jaar}" if jaar else "Jaarcijfers toevoegen"
    return render(request, "form_page.html", {
        "form": form, "title": titel,
        "intro": "Plan en begroting van dit jaar. De verslagcijfers zetten deze naast wat er werkelijk gebeurde.",
        "cancel_url": reverse("programma_detail", args=[programma.slug]),
        "breadcrumbs": [(programma.naam, reverse("programma_detail", args=[programma.slug])), (titel, None)],
    })


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors: the database may be the thing that failed.
    html = loader.get_template("500.html").render({"request_id": getattr(request, "request_id", "")})
    return HttpResponseServerError(html)
