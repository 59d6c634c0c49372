"""Toestemmingen tab of the dossier: which gemeente sees what, since and until when; record, extend, withdraw;
the klantmanagers' signals, which the coach closes here."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clients import selectors as client_selectors
from clients import services as client_services
from clients.access import deelnemer_or_404, dossier_object_or_404
from clients.forms import (
    SignaalAfsluitenForm,
    ToestemmingForm,
    ToestemmingIntrekkenForm,
    ToestemmingVerlengenForm,
)
from clients.models import Signaal, Toestemming
from clients.services import toestemming_standaard_einde
from trajecten import selectors
from trajecten.views.dossier import broodkruimels, dossier_context, dossier_deelnemer_or_404
from uitstap.forms import schrijf_via_form


def toestemmingen(request, pk):
    """The tab: current consent per gemeente, the history of rows, open signals of the gemeente."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="toestemmingen")
    context = dossier_context(request, deelnemer, tab="toestemmingen")
    context |= {
        "actueel": client_selectors.toestemmingen_actueel(deelnemer),
        "geschiedenis": client_selectors.toestemmingen_van(deelnemer),
        "gemeente_signalen": client_selectors.signalen_open(deelnemer),
        "werkoverleg_afspraken": selectors.afspraken_van(deelnemer),
        "overdrachten": selectors.overdrachten_van(deelnemer),
        "overdracht_open": selectors.overdrachten_van(deelnemer).filter(status="voorbereid").exists(),
        "kan_overdragen": selectors.open_traject_van(deelnemer) is not None,
    }
    return render(request, "trajecten/toestemming_tab.html", context)


def _gemeente_toestemmingen():
    """The rows these screens change: gemeente consents. A consent for an overdracht is withdrawn on the
    overdracht (so the handover is cancelled with it)."""
    return Toestemming.objects.filter(gemeente__isnull=False).select_related("gemeente")


def _pagina(request, deelnemer, form, title, *, intro="", submit_label=None, extra=None):
    context = {
        "form": form, "title": title, "intro": intro, "submit_label": submit_label or _("Opslaan"), "deelnemer": deelnemer,
        "cancel_url": reverse("trajecten:toestemmingen", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, title),
    }
    context |= extra or {}
    return render(request, "form_page.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def toestemming_nieuw(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="toestemmingen")
    form = ToestemmingForm(request.POST or None, deelnemer=deelnemer)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if schrijf_via_form(form, lambda: client_services.toestemming_vastleggen(
                deelnemer=deelnemer, door=request.user, **data)):
            messages.success(request, _("Toestemming vastgelegd voor %(gemeente)s.") % {"gemeente": data["gemeente"]})
            return redirect("trajecten:toestemmingen", pk=deelnemer.pk)
    return _pagina(request, deelnemer, form, _("Toestemming vastleggen"), intro=_(
        "Deelnemen kan zonder iets te delen. Leg alleen vast wat de deelnemer zelf kiest, per gemeente."))


@require_http_methods(["GET", "POST"])
def toestemming_verlengen(request, toestemming_pk):
    toestemming = dossier_object_or_404(request, _gemeente_toestemmingen(), toestemming_pk)
    deelnemer = toestemming.deelnemer
    form = ToestemmingVerlengenForm(request.POST or None, deelnemer=deelnemer, versie_van=toestemming,
                                    initial={"wijze": toestemming.wijze})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["geldig_tot"] = data["geldig_tot"] or toestemming_standaard_einde(data["gegeven_op"])
        if schrijf_via_form(form, lambda: client_services.toestemming_verlengen(
                toestemming=toestemming, door=request.user, **data)):
            messages.success(request, _("Toestemming verlengd."))
            return redirect("trajecten:toestemmingen", pk=deelnemer.pk)
    return _pagina(request, deelnemer, form, _("Toestemming verlengen: %(gemeente)s") % {"gemeente": toestemming.gemeente},
                   intro=_("Dezelfde gegevens blijven gedeeld: %(scopes)s.") % {"scopes": ", ".join(toestemming.scope_labels())})


@require_http_methods(["GET", "POST"])
def toestemming_intrekken(request, toestemming_pk):
    """One confirmed action; from the next request the gemeente sees nothing of her."""
    toestemming = dossier_object_or_404(request, _gemeente_toestemmingen(), toestemming_pk)
    deelnemer = toestemming.deelnemer
    form = ToestemmingIntrekkenForm(request.POST or None, versie_van=toestemming)
    if request.method == "POST" and form.is_valid() and schrijf_via_form(
            form, lambda: client_services.toestemming_intrekken(
                toestemming=toestemming, reden=form.cleaned_data["reden"],
                gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user)):
        messages.success(request, _("Toestemming ingetrokken. %(gemeente)s ziet niets meer van deze deelnemer.")
                         % {"gemeente": toestemming.gemeente})
        return redirect("trajecten:toestemmingen", pk=deelnemer.pk)
    return _pagina(request, deelnemer, form, _("Toestemming intrekken: %(gemeente)s") % {"gemeente": toestemming.gemeente},
                   submit_label=_("Intrekken"), intro=_(
                       "De klantmanager van %(gemeente)s ziet deze deelnemer vanaf nu niet meer.")
                   % {"gemeente": toestemming.gemeente})


@require_POST
def signaal_afsluiten(request, signaal_pk):
    signaal = dossier_object_or_404(request, Signaal.objects.all(), signaal_pk)
    form = SignaalAfsluitenForm(request.POST, versie_van=signaal)
    if form.is_valid() and schrijf_via_form(form, lambda: client_services.signaal_afsluiten(
            signaal=signaal, gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user)):
        messages.success(request, _("Signaal afgesloten."))
    else:
        messages.warning(request, _("Dit signaal was al afgesloten of is intussen door iemand anders gewijzigd."))
    return redirect("trajecten:toestemmingen", pk=signaal.deelnemer_id)
