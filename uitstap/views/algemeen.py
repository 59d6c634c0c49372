"""Core screens: start page per role, login, account, error pages."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from two_factor.views import LoginView

from uitstap.audit import Actie, Uitkomst, audit_log
from uitstap.codes import Rol
from uitstap.permissions import rol_vereist


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
        return redirect("trajecten:coordinator_start")
    if rol == Rol.KLANTMANAGER:
        return redirect("klantmanager_start")
    if rol == Rol.BEHEERDER:
        return redirect("gebruikers")
    return render(request, "uitstap/geen_rol.html")


def account(request):
    return render(request, "uitstap/account.html")


@rol_vereist(Rol.KLANTMANAGER)
def klantmanager_start(request):
    # The shared-case view lives in trajecten (it reads goals and referrals); uitstap imports no app.
    return redirect("trajecten:gemeente_start")


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
