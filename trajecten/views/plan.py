"""Trajectplan tab and its actions (metingen, plan versions, goals, progress, the convenant PDF).

Every view first resolves the participant through deelnemer_or_404 (directly or via dossier_object_or_404),
so another coach's participant is a 404; then one service call.
"""

import datetime
import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext

from clients.access import deelnemer_or_404, dossier_object_or_404
from trajecten import selectors, services
from trajecten.forms import (
    DoelForm,
    DoelStatusForm,
    MetingForm,
    NieuweVersieForm,
    OndertekenenForm,
    SubdoelForm,
    TrajectplanForm,
    VoortgangForm,
)
from trajecten.models import Doel, Traject, Trajectplan
from trajecten.views.dossier import broodkruimels, dossier_context, dossier_deelnemer_or_404
from uitstap.audit import Actie
from uitstap.forms import add_errors, schrijf_via_form
from uitstap.pdf import PdfTeZwaar, render_pdf
from uitstap.talen import documenttaal_of



def _plan_or_404(request, plan_pk, *, actie=Actie.VIEW) -> Trajectplan:
    return dossier_object_or_404(request, Trajectplan.objects.select_related("traject"), plan_pk,
                                 object_type="trajectplan", actie=actie)


def _doel_or_404(request, doel_pk) -> Doel:
    return dossier_object_or_404(request, Doel.objects.select_related("plan__traject", "ouder", "oorsprong"), doel_pk,
                                 object_type="trajectplan")


def _naar_tab(request, deelnemer, bericht, anker=""):
    messages.success(request, bericht)
    return redirect(reverse("trajecten:trajectplan", args=[deelnemer.pk]) + (f"#{anker}" if anker else ""))


def _pagina(request, deelnemer, form, title, *, intro="", submit_label=gettext("Opslaan"), template="form_page.html", extra=None):
    context = {
        "form": form, "title": title, "intro": intro, "submit_label": submit_label, "deelnemer": deelnemer,
        "cancel_url": reverse("trajecten:trajectplan", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, title)[:-1]
        + [(gettext("Trajectplan"), reverse("trajecten:trajectplan", args=[deelnemer.pk])), (title, None)],
    }
    context |= extra or {}
    return render(request, template, context)


# --- the tab ----------------------------------------------------------------------------------


def trajectplan(request, pk):
    """The Trajectplan tab: current goals per leefgebied, metingen with the radar chart, versions."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="trajectplan")
    context = dossier_context(request, deelnemer, tab="trajectplan")
    traject: Traject | None = context["traject"]
    versies = selectors.versies(traject) if traject else []
    plan = versies[0] if versies else None  # the newest version is the current plan (selectors.huidig_plan)
    vandaag = context["vandaag"]
    groepen = selectors.doelen_per_leefgebied(plan, vandaag) if plan else []
    voortgang = selectors.voortgang_per_doel([doel for groep in groepen for doel in groep.doelen])
    for groep in groepen:
        for doel in groep.doelen:
            doel.voortgang_lijst = voortgang[doel.pk]
            doel.grafiek = selectors.voortgang_grafiek(doel, doel.voortgang_lijst)
    historie = selectors.meting_historie(traject)
    rijen = selectors.meting_tabel_van(historie)
    context |= {
        "plan": plan,
        "groepen": groepen,
        "aantal_verlopen": sum(1 for g in groepen for d in g.doelen if d.verlopen),
        "versies": versies,
        "afgerond_eerder": selectors.afgeronde_doelen_eerder(plan) if plan else [],
        "meting_rijen": rijen,
        "radar": selectors.radar_grafiek(rijen),
        "radar_vergelijking": any(r.laatste_datum != r.eerste_datum for r in rijen),
        "historie": historie,
        "kan_schrijven": bool(traject and traject.is_open),
    }
    return render(request, "trajecten/plan_tab.html", context)


# --- metingen ---------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def meting_nieuw(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="meting")
    form = MetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meting_vastleggen(traject=traject, datum=form.cleaned_data["datum"], scores=form.scores(),
                                            notitie=form.cleaned_data.get("notitie", ""), door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, traject.deelnemer, gettext("Meting vastgelegd."), "metingen")
    return _pagina(request, traject.deelnemer, form, gettext("Meting toevoegen"), submit_label=gettext("Meting opslaan"),
                   template="trajecten/plan_meting_form.html",
                   intro=gettext("De deelnemer geeft zelf een score van 1 tot 10 per leefgebied. Vul alleen in wat jullie "
                         "besproken hebben; lege leefgebieden tellen niet mee."))


# --- plan versions ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def plan_nieuw(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="trajectplan")
    form = TrajectplanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("gelezen_versie", None)  # a new plan: nobody could have saved it before
        try:
            services.trajectplan_opstellen(traject=traject, door=request.user, **data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, traject.deelnemer, gettext("Trajectplan opgesteld (concept). Voeg nu de doelen toe."))
    return _pagina(request, traject.deelnemer, form, gettext("Trajectplan opstellen"), submit_label=gettext("Plan opstellen"),
                   intro=gettext("Het plan begint als concept. Je voegt er SMART-doelen aan toe en laat het daarna ondertekenen."))


@require_http_methods(["GET", "POST"])
def plan_bewerken(request, plan_pk):
    plan = _plan_or_404(request, plan_pk)
    form = TrajectplanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: services.trajectplan_wijzigen(plan=plan, door=request.user, gelezen_versie=gelezen, **data)):
            return _naar_tab(request, plan.traject.deelnemer, gettext("Afspraken opgeslagen."))
    return _pagina(request, plan.traject.deelnemer, form, gettext("Afspraken – versie %(volgnummer)s") % {"volgnummer": plan.volgnummer})


@require_http_methods(["GET", "POST"])
def ondertekenen(request, plan_pk):
    """Confirmation page: after signing this version cannot be changed any more."""
    plan = _plan_or_404(request, plan_pk)
    form = OndertekenenForm(request.POST or None, versie_van=plan)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: services.trajectplan_ondertekenen(plan=plan, door=request.user, gelezen_versie=gelezen, **data)):
            return _naar_tab(request, plan.traject.deelnemer, gettext("Versie %(volgnummer)s ondertekend. Het plan is nu actief.") % {"volgnummer": plan.volgnummer})
    vorige = plan.traject.plannen.filter(volgnummer__lt=plan.volgnummer, status=Trajectplan.Status.ACTIEF).first()
    intro = (gettext("Vul de data in waarop de deelnemer en jij versie %(volgnummer)s hebben ondertekend. Daarna kan deze versie niet meer worden gewijzigd; voortgang en de status van doelen kun je wel blijven bijhouden.") % {"volgnummer": plan.volgnummer})
    if vorige:
        intro += gettext(" Versie %(volgnummer)s wordt dan vervangen.") % {"volgnummer": vorige.volgnummer}
    return _pagina(request, plan.traject.deelnemer, form, gettext("Trajectplan ondertekenen – versie %(volgnummer)s") % {"volgnummer": plan.volgnummer},
                   submit_label=gettext("Ondertekening vastleggen"), intro=intro)


@require_http_methods(["GET", "POST"])
def nieuwe_versie(request, plan_pk):
    plan = _plan_or_404(request, plan_pk)
    form = NieuweVersieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.trajectplan_nieuwe_versie(plan=plan, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, plan.traject.deelnemer,
                             gettext("Versie %(volgnummer)s gemaakt (concept). Pas de doelen aan en laat het plan opnieuw ondertekenen.") % {"volgnummer": nieuw.volgnummer})
    return _pagina(request, plan.traject.deelnemer, form, gettext("Nieuwe versie van het trajectplan"),
                   submit_label=gettext("Nieuwe versie maken"),
                   intro=gettext("Versie %(volgnummer)s blijft bewaard zoals hij is ondertekend en blijft gelden tot de nieuwe versie is ondertekend. De doelen die nog open of bezig zijn, en hun subdoelen, worden gekopieerd naar de nieuwe versie. Behaalde en vervallen doelen blijven in de oude versie.") % {"volgnummer": plan.volgnummer})


def plan_pdf(request, pk, plan_pk):
    """The plan as an A4 PDF for signing: download only, access checked and logged as PRINT."""
    deelnemer = deelnemer_or_404(request, pk, actie=Actie.PRINT, object_type="trajectplan")
    plan = Trajectplan.objects.filter(pk=plan_pk, traject__deelnemer=deelnemer).select_related("traject").first()
    if plan is None:
        raise Http404(gettext("Trajectplan niet gevonden."))
    plan.traject.deelnemer = deelnemer
    try:
        _, pdf, taal = _plan_pdf(request, plan, deelnemer)
    except PdfTeZwaar as e:
        messages.error(request, str(e))
        return redirect("trajecten:trajectplan", pk=deelnemer.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    code = re.sub(r"[^A-Za-z0-9_-]", "_", deelnemer.clientcode)
    achter = "" if taal == "nl" else f"-{taal}"
    response["Content-Disposition"] = f'attachment; filename="trajectplan-{code}-v{plan.volgnummer}{achter}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def plan_pdf_voorbeeld(request, pk, plan_pk):
    """DEBUG only: the PDF's HTML in the browser, to work on the layout."""
    if not settings.DEBUG:
        raise Http404
    deelnemer = deelnemer_or_404(request, pk, actie=Actie.PRINT, object_type="trajectplan")
    plan = Trajectplan.objects.filter(pk=plan_pk, traject__deelnemer=deelnemer).select_related("traject").first()
    if plan is None:
        raise Http404
    html, _, _ = _plan_pdf(request, plan, deelnemer)
    return HttpResponse(html)


def _plan_pdf(request, plan, deelnemer):
    """(html, pdf, language): in ?taal= or the participant's document language, bilingual with ?tweetalig=1."""
    taal = documenttaal_of(request.GET.get("taal"), deelnemer.documenttaal)
    tweetalig = request.GET.get("tweetalig") == "1"
    with translation.override(taal):
        html, pdf = render_pdf("trajecten/pdf/plan.html",
                               selectors.plan_pdf_context(plan, taal=taal, tweetalig=tweetalig))
    return html, pdf, taal


# --- goals ------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def doel_nieuw(request, plan_pk):
    plan = _plan_or_404(request, plan_pk)
    initial = {"leefgebied": request.GET.get("leefgebied", "")}
    form = DoelForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            doel = services.doel_aanmaken(plan=plan, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, plan.traject.deelnemer, gettext("Doel toegevoegd."), f"doel-{doel.pk}")
    return _pagina(request, plan.traject.deelnemer, form, gettext("Doel toevoegen"), submit_label=gettext("Doel opslaan"),
                   template="trajecten/plan_doel_form.html",
                   intro=gettext("Een doel in het trajectplan is SMART: specifiek, meetbaar, acceptabel, realistisch en "
                         "tijdgebonden. Vul het samen met de deelnemer in, stap voor stap."))


@require_http_methods(["GET", "POST"])
def doel_bewerken(request, doel_pk):
    doel = _doel_or_404(request, doel_pk)
    form_class = SubdoelForm if doel.ouder_id else DoelForm
    form = form_class(request.POST or None, instance=doel)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: services.doel_wijzigen(doel=doel, data=data, door=request.user, gelezen_versie=gelezen)):
            return _naar_tab(request, doel.plan.traject.deelnemer, gettext("Doel bijgewerkt."), f"doel-{doel.ouder_id or doel.pk}")
    return _pagina(request, doel.plan.traject.deelnemer, form, gettext("Subdoel bijwerken") if doel.ouder_id else gettext("Doel bijwerken"),
                   template="trajecten/plan_doel_form.html", extra={"ouder": doel.ouder})


@require_http_methods(["GET", "POST"])
def subdoel_nieuw(request, doel_pk):
    ouder = _doel_or_404(request, doel_pk)
    form = SubdoelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.subdoel_aanmaken(ouder=ouder, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, ouder.plan.traject.deelnemer, gettext("Subdoel toegevoegd."), f"doel-{ouder.pk}")
    return _pagina(request, ouder.plan.traject.deelnemer, form, gettext("Subdoel toevoegen"), submit_label=gettext("Subdoel opslaan"),
                   template="trajecten/plan_doel_form.html", extra={"ouder": ouder})


@require_http_methods(["GET", "POST"])
def doel_verwijderen(request, doel_pk):
    """Confirmation page: removing a goal from a concept also removes its sub-goals."""
    doel = _doel_or_404(request, doel_pk)
    if request.method == "POST":
        try:
            services.doel_verwijderen(doel=doel, door=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            return _naar_tab(request, doel.plan.traject.deelnemer, gettext("Subdoel verwijderd.") if doel.ouder_id else gettext("Doel verwijderd."))
        return redirect("trajecten:trajectplan", pk=doel.plan.traject.deelnemer.pk)
    deelnemer = doel.plan.traject.deelnemer
    titel = gettext("Subdoel verwijderen") if doel.ouder_id else gettext("Doel verwijderen")
    return render(request, "trajecten/plan_doel_verwijderen.html", {
        "doel": doel, "deelnemer": deelnemer, "title": titel,
        "subdoelen": list(doel.subdoelen.all()),
        "cancel_url": reverse("trajecten:trajectplan", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, titel)[:-1]
        + [(gettext("Trajectplan"), reverse("trajecten:trajectplan", args=[deelnemer.pk])), (titel, None)],
    })


@require_http_methods(["GET", "POST"])
def voortgang_nieuw(request, doel_pk):
    doel = _doel_or_404(request, doel_pk)
    form = VoortgangForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.voortgang_vastleggen(doel=doel, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, doel.plan.traject.deelnemer, gettext("Voortgang vastgelegd."), f"doel-{doel.ouder_id or doel.pk}")
    return _pagina(request, doel.plan.traject.deelnemer, form, gettext("Voortgang vastleggen"),
                   intro=gettext("Doel: %(omschrijving)s") % {"omschrijving": doel.omschrijving})


@require_http_methods(["GET", "POST"])
def doel_status(request, doel_pk):
    doel = _doel_or_404(request, doel_pk)
    initial = {"status": doel.status, "behaald_op": doel.behaald_op or datetime.date.today()}
    form = DoelStatusForm(request.POST or None, initial=initial, versie_van=doel)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: services.doel_status_wijzigen(doel=doel, door=request.user, gelezen_versie=gelezen, **data)):
            return _naar_tab(request, doel.plan.traject.deelnemer, gettext("Status van het doel gewijzigd."),
                             f"doel-{doel.ouder_id or doel.pk}")
    return _pagina(request, doel.plan.traject.deelnemer, form, gettext("Status van het doel"),
                   intro=gettext("Doel: %(omschrijving)s") % {"omschrijving": doel.omschrijving})
