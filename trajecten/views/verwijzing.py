"""Verwijzingen tab, referral actions and the sociale kaart.

Thin views: access first (deelnemer_or_404 for anything about a participant, the user's programmes
for the sociale kaart, rol_vereist for the coordinator's actions), then a form and one service.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.utils.translation import gettext

from clients.access import dossier_object_or_404, log_list
from clients.selectors import afspraak_waarschuwingen, contactafspraak_van
from trajecten import selectors
from trajecten import services
from trajecten.forms import (
    TerugkoppelingForm,
    VerwijzingForm,
    VerwijzingIntakeForm,
    VerwijzingStatusForm,
)
from trajecten.models import Traject, Verwijzing
from trajecten.views.dossier import broodkruimels, dossier_context, dossier_deelnemer_or_404
from uitstap import selectors as kaart_selectors
from uitstap import services as kaart_services
from uitstap.audit import Actie
from uitstap.codes import Rol
from uitstap.forms import add_errors, schrijf_via_form
from uitstap.forms import ContactpersoonForm, KetenpartnerForm, SocialeKaartFilter
from uitstap.locking import Conflict
from uitstap.models import Contactpersoon
from uitstap.permissions import programma_of_403, rol_vereist



# --- the dossier tab ------------------------------------------------------------------------------


def verwijzingen(request, pk):
    """The participant's referrals with status, partner, contact person, dates, waiting days and feedback."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="verwijzingen")
    context = dossier_context(request, deelnemer, tab="verwijzingen")
    vandaag = context["vandaag"]
    signaal = deelnemer.programma.wachttijd_signaal_dagen
    lijst = list(selectors.verwijzingen_van(deelnemer))
    for v in lijst:
        v.wachtdagen = selectors.wachtdagen(v, vandaag)
        v.wacht_nog = selectors.wacht_nog(v)
        v.wacht_lang = v.wacht_nog and v.wachtdagen > signaal
    context |= {
        "verwijzingen": [v for v in lijst if not v.beeindigd] + [v for v in lijst if v.beeindigd],
        "aantal_open": sum(1 for v in lijst if not v.beeindigd),
        "signaal_dagen": signaal,
    }
    return render(request, "trajecten/verwijzing_tab.html", context)


def _naar_tab(request, verwijzing, bericht):
    messages.success(request, bericht)
    url = reverse("trajecten:verwijzingen", args=[verwijzing.traject.deelnemer_id])
    return redirect(f"{url}#verwijzing-{verwijzing.pk}")


def _verwijzing_or_404(request, pk, *, actie=Actie.VIEW) -> Verwijzing:
    """A referral of a participant the user may see (the read is logged), else 404."""
    return dossier_object_or_404(
        request, Verwijzing.objects.select_related("traject", "ketenpartner", "contactpersoon"), pk,
        object_type="verwijzing", actie=actie,
    )


def _pagina(request, verwijzing, form, title, *, intro="", submit_label=gettext("Opslaan")):
    deelnemer = verwijzing.traject.deelnemer
    tab = reverse("trajecten:verwijzingen", args=[deelnemer.pk])
    crumbs = broodkruimels(request, deelnemer, title)
    crumbs.insert(2, (gettext("Verwijzingen"), tab))
    return render(request, "trajecten/verwijzing_form.html", {
        "form": form, "title": title, "intro": intro, "submit_label": submit_label, "cancel_url": tab,
        "breadcrumbs": crumbs, "verwijzing": verwijzing, "deelnemer": deelnemer,
    })


@require_http_methods(["GET", "POST"])
def verwijzing_nieuw(request, traject_pk):
    """Refer the participant to a ketenpartner (the tab's main action)."""
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="verwijzing")
    form = VerwijzingForm(request.POST or None, traject=traject)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("gelezen_versie", None)
        try:
            verwijzing = services.verwijzing_aanmaken(traject=traject, door=request.user, **data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, verwijzing, gettext("Verwijzing naar %(ketenpartner)s vastgelegd.") % {"ketenpartner": verwijzing.ketenpartner})
    tab = reverse("trajecten:verwijzingen", args=[traject.deelnemer.pk])
    crumbs = broodkruimels(request, traject.deelnemer, gettext("Verwijzen"))
    crumbs.insert(2, (gettext("Verwijzingen"), tab))
    return render(request, "trajecten/verwijzing_form.html", {
        "form": form, "title": gettext("Verwijzen naar een ketenpartner"), "submit_label": gettext("Verwijzing vastleggen"),
        "intro": gettext("Kies de partner en wat de deelnemer daar nodig heeft. Intake, start en einde leg je later vast "
                 "op het tabblad Verwijzingen; vanaf vandaag telt de wachttijd."),
        "cancel_url": tab, "breadcrumbs": crumbs, "deelnemer": traject.deelnemer,
        "kaart_url": reverse("trajecten:sociale_kaart"),
        "afspraak_strip": afspraak_waarschuwingen(contactafspraak_van(traject.deelnemer)),
    })


@require_http_methods(["GET", "POST"])
def verwijzing_bewerken(request, pk):
    """Correct every field of a referral (optimistic lock: someone else's save is never overwritten)."""
    verwijzing = _verwijzing_or_404(request, pk)
    form = VerwijzingForm(request.POST or None, instance=verwijzing, traject=verwijzing.traject)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: services.verwijzing_wijzigen(verwijzing=verwijzing, data=data, gelezen_versie=gelezen, door=request.user)):
            return _naar_tab(request, verwijzing, gettext("Verwijzing bijgewerkt."))
    return _pagina(request, verwijzing, form, gettext("Verwijzing bijwerken"),
                   intro=gettext("Verwijzing naar %(ketenpartner)s. Datums moeten op of na de verwijsdatum liggen.") % {"ketenpartner": verwijzing.ketenpartner})


@require_http_methods(["GET", "POST"])
def verwijzing_status(request, pk):
    """Record that the partner put her on the waiting list, started, finished, refused or broke off."""
    verwijzing = _verwijzing_or_404(request, pk)
    form = VerwijzingStatusForm(request.POST or None, verwijzing=verwijzing,
                                initial={"status": request.GET.get("status", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if schrijf_via_form(form, lambda: services.verwijzing_status_wijzigen(
                verwijzing=verwijzing, status=data["status"], datum=data["datum"], reden=data["reden"],
                gelezen_versie=data["gelezen_versie"], door=request.user,
            )):
            return _naar_tab(request, verwijzing, gettext("Status gewijzigd in %(status)s.") % {"status": verwijzing.get_status_display()})
    return _pagina(request, verwijzing, form, gettext("Status van de verwijzing"),
                   intro=gettext("%(ketenpartner)s: nu %(status)s, verwezen op %(verwezen)s.") % {
                       "ketenpartner": verwijzing.ketenpartner, "status": verwijzing.get_status_display().lower(),
                       "verwezen": f"{verwijzing.verwezen:%d-%m-%Y}"})


@require_http_methods(["GET", "POST"])
def verwijzing_intake(request, pk):
    verwijzing = _verwijzing_or_404(request, pk)
    initial = {"intake_partner": verwijzing.intake_partner} if verwijzing.intake_partner else {}
    form = VerwijzingIntakeForm(request.POST or None, initial=initial, versie_van=verwijzing)
    if request.method == "POST" and form.is_valid():
        if schrijf_via_form(form, lambda: services.verwijzing_intake_vastleggen(
                verwijzing=verwijzing, datum=form.cleaned_data["intake_partner"],
                gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user,
            )):
            return _naar_tab(request, verwijzing, gettext("Intake bij de partner vastgelegd."))
    return _pagina(request, verwijzing, form, gettext("Intake bij de partner"),
                   intro=gettext("Wanneer was of is de intake van de deelnemer bij %(ketenpartner)s?") % {"ketenpartner": verwijzing.ketenpartner})


@require_http_methods(["GET", "POST"])
def terugkoppeling_nieuw(request, pk):
    verwijzing = _verwijzing_or_404(request, pk)
    form = TerugkoppelingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.terugkoppeling_aanmaken(verwijzing=verwijzing, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _naar_tab(request, verwijzing, gettext("Terugkoppeling toegevoegd."))
    return _pagina(request, verwijzing, form, gettext("Terugkoppeling van de partner"),
                   intro=gettext("Wat %(ketenpartner)s liet weten, met de datum. Een terugkoppeling wordt toegevoegd en niet meer gewijzigd.") % {"ketenpartner": verwijzing.ketenpartner}, submit_label=gettext("Toevoegen"))


# --- the sociale kaart ----------------------------------------------------------------------------


def _partner_or_404(request, pk):
    partner = kaart_selectors.ketenpartners_van(request.user).select_related("programma", "voorgesteld_door").filter(pk=pk).first()
    if partner is None:
        raise Http404(gettext("Ketenpartner niet gevonden."))
    return partner


def _kaartbroodkruimels(*rest):
    return [(gettext("Sociale kaart"), reverse("trajecten:sociale_kaart")), *rest]


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
def sociale_kaart(request):
    """The programme's partners, searchable by name and filterable by soort and gemeente."""
    programma = programma_of_403(request.user)
    filters = SocialeKaartFilter(request.GET or None, gemeenten=programma.gemeenten.all())
    data = filters.cleaned_data if filters.is_valid() else {}
    qs = kaart_selectors.sociale_kaart(request.user, zoek=data.get("zoek", ""), soort=data.get("soort", ""),
                             gemeente=data.get("gemeente"), ook_inactief=data.get("inactief", False))
    page = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    is_coordinator = request.user.rol == Rol.COORDINATOR
    cijfers = selectors.partner_cijfers(request.user, page.object_list) if is_coordinator else {}
    rijen = [(p, cijfers.get(p.pk)) for p in page.object_list]
    return render(request, "trajecten/sociale_kaart.html", {
        "filters": filters, "page": page, "rijen": rijen, "is_coordinator": is_coordinator,
        "voorstellen": list(kaart_selectors.voorstellen(request.user)) if is_coordinator else [],
        "gefilterd": bool(request.GET and any(v for k, v in request.GET.items() if k != "pagina")),
        "programma": programma, "regio_aantal": programma.gemeenten.count(),
    })


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
def ketenpartner_detail(request, pk):
    """One partner: details, contact persons, open referrals (coaches: only their own participants)."""
    partner = _partner_or_404(request, pk)
    is_coordinator = request.user.rol == Rol.COORDINATOR
    vandaag = datetime.date.today()
    page = Paginator(selectors.open_verwijzingen_bij(request.user, partner), 50).get_page(request.GET.get("pagina"))
    for v in page.object_list:
        v.wachtdagen = selectors.wachtdagen(v, vandaag)
        v.wacht_lang = selectors.wacht_nog(v) and v.wachtdagen > partner.programma.wachttijd_signaal_dagen
    with transaction.atomic():
        log_list(request, [v.traject.deelnemer for v in page.object_list], object_type="verwijzingen_ketenpartner")
    contactpersonen = partner.contactpersonen.all() if is_coordinator else partner.contactpersonen.filter(actief=True)
    return render(request, "trajecten/ketenpartner_detail.html", {
        "partner": partner, "page": page, "is_coordinator": is_coordinator,
        "contactpersonen": contactpersonen,
        "cijfers": selectors.partner_cijfers(request.user, [partner], vandaag)[partner.pk] if is_coordinator else None,
        "signaal_dagen": partner.programma.wachttijd_signaal_dagen,
        "breadcrumbs": _kaartbroodkruimels((partner.naam, None)),
    })


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def ketenpartner_nieuw(request):
    """The coordinator adds a partner; a coach proposes one for the coordinator to approve."""
    programma = programma_of_403(request.user)
    is_coordinator = request.user.rol == Rol.COORDINATOR
    form = KetenpartnerForm(request.POST or None, programma=programma, met_actief=False)
    if request.method == "POST" and form.is_valid():
        service = kaart_services.ketenpartner_aanmaken if is_coordinator else kaart_services.ketenpartner_voorstellen
        try:
            partner = service(programma=programma, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            if is_coordinator:
                messages.success(request, gettext("%(partner)s staat op de sociale kaart.") % {"partner": partner})
                return redirect("trajecten:ketenpartner_detail", pk=partner.pk)
            messages.success(request, gettext("Voorstel voor %(partner)s verstuurd. De coördinator zet het op de sociale kaart.") % {"partner": partner})
            return redirect("trajecten:sociale_kaart")
    titel = gettext("Ketenpartner toevoegen") if is_coordinator else gettext("Ketenpartner voorstellen")
    return render(request, "trajecten/ketenpartner_form.html", {
        "form": form, "title": titel, "submit_label": gettext("Toevoegen") if is_coordinator else gettext("Voorstel versturen"),
        "intro": "" if is_coordinator else gettext("Mist er een organisatie op de sociale kaart? Stel die voor; "
                                           "de coördinator keurt het voorstel goed."),
        "cancel_url": reverse("trajecten:sociale_kaart"), "breadcrumbs": _kaartbroodkruimels((titel, None)),
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def ketenpartner_bewerken(request, pk):
    partner = _partner_or_404(request, pk)
    form = KetenpartnerForm(request.POST or None, instance=partner, programma=partner.programma,
                            met_actief=not partner.voorgesteld)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: kaart_services.ketenpartner_wijzigen(ketenpartner=partner, data=data, door=request.user, gelezen_versie=gelezen)):
            messages.success(request, gettext("Ketenpartner opgeslagen."))
            return redirect("trajecten:ketenpartner_detail", pk=partner.pk)
    return render(request, "trajecten/ketenpartner_form.html", {
        "form": form, "title": gettext("%(naam)s bewerken") % {"naam": partner.naam},
        "cancel_url": reverse("trajecten:ketenpartner_detail", args=[partner.pk]),
        "breadcrumbs": _kaartbroodkruimels((partner.naam, reverse("trajecten:ketenpartner_detail", args=[partner.pk])),
                                     (gettext("Bewerken"), None)),
    })


@rol_vereist(Rol.COORDINATOR)
@require_POST
def ketenpartner_goedkeuren(request, pk):
    partner = _partner_or_404(request, pk)
    try:
        kaart_services.ketenpartner_goedkeuren(ketenpartner=partner, door=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, gettext("%(partner)s staat nu op de sociale kaart.") % {"partner": partner})
    return redirect("trajecten:ketenpartner_detail", pk=partner.pk)


@rol_vereist(Rol.COORDINATOR)
@require_POST
def ketenpartner_afwijzen(request, pk):
    partner = _partner_or_404(request, pk)
    try:
        kaart_services.ketenpartner_voorstel_afwijzen(ketenpartner=partner, door=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("trajecten:ketenpartner_detail", pk=partner.pk)
    messages.success(request, gettext("Voorstel voor %(naam)s afgewezen.") % {"naam": partner.naam})
    return redirect("trajecten:sociale_kaart")


@rol_vereist(Rol.COORDINATOR)
@require_POST
def ketenpartner_actief(request, pk):
    """Deactivate (or reactivate) a partner: it stays on old referrals but can no longer be chosen."""
    partner = _partner_or_404(request, pk)
    actief = request.POST.get("actief") == "1"
    gelezen = request.POST.get("gelezen_versie", "")
    try:
        kaart_services.ketenpartner_wijzigen(ketenpartner=partner, data={"actief": actief}, door=request.user,
                                             gelezen_versie=int(gelezen) if gelezen.isdigit() else None)
    except Conflict:
        messages.error(request, gettext("Iemand anders heeft deze ketenpartner intussen gewijzigd. Bekijk de gegevens en "
                                "probeer het opnieuw."))
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, gettext("%(partner)s is weer actief.") % {"partner": partner} if actief else gettext("%(partner)s is op inactief gezet.") % {"partner": partner})
    return redirect("trajecten:ketenpartner_detail", pk=partner.pk)


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def contactpersoon_nieuw(request, pk):
    partner = _partner_or_404(request, pk)
    form = ContactpersoonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kaart_services.contactpersoon_aanmaken(ketenpartner=partner, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("Contactpersoon toegevoegd."))
            return redirect("trajecten:ketenpartner_detail", pk=partner.pk)
    detail = reverse("trajecten:ketenpartner_detail", args=[partner.pk])
    return render(request, "trajecten/ketenpartner_form.html", {
        "form": form, "title": gettext("Contactpersoon bij %(naam)s") % {"naam": partner.naam}, "submit_label": gettext("Toevoegen"),
        "intro": gettext("Het vaste aanspreekpunt: wie bel je over een verwijzing?"),
        "cancel_url": detail, "breadcrumbs": _kaartbroodkruimels((partner.naam, detail), (gettext("Contactpersoon"), None)),
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def contactpersoon_bewerken(request, pk):
    persoon = Contactpersoon.objects.filter(pk=pk, ketenpartner__in=kaart_selectors.ketenpartners_van(request.user)).first()
    if persoon is None:
        raise Http404(gettext("Contactpersoon niet gevonden."))
    partner = persoon.ketenpartner
    form = ContactpersoonForm(request.POST or None, instance=persoon)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: kaart_services.contactpersoon_wijzigen(contactpersoon=persoon, data=data, door=request.user,
                                                   gelezen_versie=gelezen)):
            messages.success(request, gettext("Contactpersoon opgeslagen."))
            return redirect("trajecten:ketenpartner_detail", pk=partner.pk)
    detail = reverse("trajecten:ketenpartner_detail", args=[partner.pk])
    return render(request, "trajecten/ketenpartner_form.html", {
        "form": form, "title": gettext("Contactpersoon bij %(naam)s") % {"naam": partner.naam},
        "cancel_url": detail, "breadcrumbs": _kaartbroodkruimels((partner.naam, detail), (gettext("Contactpersoon"), None)),
    })

