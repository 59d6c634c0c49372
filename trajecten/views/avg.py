"""The coordinator's AVG screens for one participant: who read the file, inzage export, erasure."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext, gettext_lazy as _

from clients.access import deelnemer_or_404
from clients.models import Deelnemer
from clients import avg
from trajecten.views.dossier import dossier_context, dossier_deelnemer_or_404
from uitstap.codes import Rol
from uitstap.forms import UitstapForm, add_errors
from uitstap.permissions import rol_vereist


@rol_vereist(Rol.COORDINATOR)
def ingezien(request, pk):
    """'Wie heeft dit dossier ingezien': every audit event about this participant. Reading it is logged."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="auditlog")
    page = Paginator(avg.audit_events_voor(deelnemer), 50).get_page(request.GET.get("pagina"))
    context = dossier_context(request, deelnemer, tab="")
    context["page"] = page
    return render(request, "trajecten/avg_ingezien.html", context)


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def inzage(request, pk):
    """GET explains the inzage export; POST produces the ZIP (logged as export)."""
    if request.method == "POST":
        deelnemer = deelnemer_or_404(request, pk, object_type="inzage", log=False)
        data, naam = avg.inzage_export(deelnemer=deelnemer, door=request.user)
        response = HttpResponse(data, content_type="application/zip")
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=naam)
        return response
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="inzage")
    context = dossier_context(request, deelnemer, tab="")
    return render(request, "trajecten/avg_inzage.html", context)


class WissenForm(UitstapForm, forms.Form):
    wettelijke_grond = forms.ChoiceField(
        label=_("wettelijke grond om eerder te wissen"), required=False,
        choices=[("", _("— geen: alleen wissen als de bewaartermijn voorbij is —"))] + list(avg.WettelijkeGrond.choices),
        help_text=_("Alleen nodig zolang de bewaartermijn loopt. De grond wordt als code in het auditlog vastgelegd."),
    )
    bevestiging = forms.CharField(
        label=_("typ de clientcode ter bevestiging"), max_length=40,
        help_text=_("Wissen is niet terug te draaien."),
    )

    def __init__(self, *args, clientcode: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.clientcode = clientcode

    def clean_bevestiging(self):
        waarde = self.cleaned_data["bevestiging"].strip()
        if waarde.upper() != self.clientcode.upper():
            raise ValidationError(gettext("De clientcode klopt niet. Typ de clientcode van deze deelnemer over."))
        return waarde


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def wissen(request, pk):
    """Erasure on request (art. 17): says exactly what will happen, asks for the clientcode, then erases."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="wissen")
    mag, reden = avg.wissen_beoordelen(deelnemer)
    form = WissenForm(request.POST or None, clientcode=deelnemer.clientcode)
    if request.method == "POST" and form.is_valid():
        try:
            avg.deelnemer_wissen(deelnemer=deelnemer, door=request.user,
                                 wettelijke_grond=form.cleaned_data["wettelijke_grond"])
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("De persoonsgegevens van %(clientcode)s zijn gewist.") % {"clientcode": deelnemer.clientcode})
            return redirect("trajecten:dossier", pk=deelnemer.pk)
    context = dossier_context(request, deelnemer, tab="")
    context |= {
        "form": form, "mag": mag, "reden": reden, "blijft": [str(Deelnemer._meta.get_field(f).verbose_name) for f in avg.BLIJFT],
        "al_gewist": deelnemer.gewist_op is not None,
        "aantal_documenten": deelnemer.documenten.count(),
        "submit_label": gettext("Persoonsgegevens definitief wissen"),
    }
    return render(request, "trajecten/avg_wissen.html", context, status=400 if form.errors else 200)

