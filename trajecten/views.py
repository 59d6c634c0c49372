"""Screens of the coach's day: caseload, the participant's dossier and the actions on a traject.

Views are thin: check access (deelnemer_or_404 / traject_or_404), bind a form, call one service.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from clients.access import deelnemer_or_404, log_list
from clients.forms import AanmeldingForm, BegeleidingForm, PersoonsgegevensForm
from clients.selectors import deelnemers_visible_to
from clients.services import begeleiding_toewijzen, deelnemer_bijwerken, deelnemer_create
from trajecten import selectors, services
from trajecten.filters import DeelnemerFilter
from trajecten.forms import (
    BeeindigenForm,
    ContactForm,
    FaseForm,
    IntakeForm,
    SnelContactForm,
    TerugvalForm,
    TrajectStartForm,
    UitstroomForm,
)
from trajecten.models import Contactmoment, Traject
from uitstap.audit import Actie
from uitstap.codes import ContactStatus, Rol
from uitstap.forms import add_errors
from uitstap.locking import Conflict
from uitstap.permissions import programma_of_403, rol_vereist
from uitstap.selectors import begeleiders_for, programmas_of

PER_PAGINA = 25


def traject_or_404(request, traject_pk, *, object_type="traject", actie=Actie.VIEW) -> Traject:
    """A traject of a participant the user may see (logged), else 404."""
    deelnemer_pk = Traject.objects.filter(pk=traject_pk).values_list("deelnemer_id", flat=True).first()
    if deelnemer_pk is None:
        raise Http404("Traject niet gevonden.")
    deelnemer = deelnemer_or_404(request, deelnemer_pk, object_type=object_type, actie=actie)
    traject = Traject.objects.select_related("deelnemer__programma").get(pk=traject_pk)
    traject.deelnemer = deelnemer
    return traject


# --- caseload and lists -----------------------------------------------------------------------


def _zoekterm(request, lijst: str) -> tuple[str, object]:
    """Search terms may be names, so they travel by POST and live in the session, never in a URL."""
    key = f"zoek_{lijst}"
    if request.method == "POST":
        if "wissen" in request.POST:
            request.session.pop(key, None)
        else:
            request.session[key] = request.POST.get("zoek", "").strip()[:50]
        query = request.GET.copy()
        query.pop("pagina", None)
        return "", redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
    return request.session.get(key, ""), None


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def caseload(request):
    """The coach's start page: own participants and those they are achtervang for."""
    zoek, response = _zoekterm(request, "caseload")
    if response:
        return response
    vandaag = datetime.date.today()
    afgesloten = request.GET.get("afgesloten") == "1"
    qs = selectors.caseload(request.user, zoek=zoek, afgesloten=afgesloten, vandaag=vandaag)
    page = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = [(d, selectors.signalen_voor(d, vandaag)) for d in page.object_list]
    log_list(request, page.object_list, actie=Actie.SEARCH if zoek else Actie.LIST)
    return render(request, "trajecten/caseload.html", {
        "page": page, "rijen": rijen, "zoek": zoek, "vandaag": vandaag, "afgesloten": afgesloten,
    })


@rol_vereist(Rol.COORDINATOR, Rol.TRAJECTBEGELEIDER)
@require_http_methods(["GET", "POST"])
def deelnemers(request):
    """All participants in scope with filters (phase, coach, gemeente, status)."""
    zoek, response = _zoekterm(request, "deelnemers")
    if response:
        return response
    vandaag = datetime.date.today()
    programma = programmas_of(request.user).order_by("pk").first()
    filterset = DeelnemerFilter(
        request.GET or None, queryset=selectors.deelnemers_overzicht(request.user, vandaag),
        begeleiders=begeleiders_for(programma) if programma else None,
    )
    qs = selectors.zoek_deelnemers(filterset.qs, zoek)
    page = Paginator(qs, PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = [(d, selectors.signalen_voor(d, vandaag)) for d in page.object_list]
    log_list(request, page.object_list, actie=Actie.SEARCH if (request.GET or zoek) else Actie.LIST)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "trajecten/deelnemer_lijst.html", {
        "filter": filterset, "page": page, "rijen": rijen, "query": query.urlencode(), "zoek": zoek,
    })


# --- the dossier ------------------------------------------------------------------------------


TABS = [
    ("tijdlijn", "Tijdlijn", "trajecten:dossier"),
    ("trajectplan", "Trajectplan", "trajecten:trajectplan"),
    ("contacten", "Contacten", "trajecten:contacten"),
    ("verwijzingen", "Verwijzingen", "trajecten:verwijzingen"),
    ("documenten", "Documenten", "trajecten:documenten"),
    ("gegevens", "Persoonsgegevens", "trajecten:persoonsgegevens"),
]


def dossier_context(request, deelnemer, *, tab: str) -> dict:
    """What every tab of the dossier shows above the tab: the summary card and the tab bar."""
    vandaag = datetime.date.today()
    stand = selectors.met_traject_stand(deelnemers_visible_to(request.user).filter(pk=deelnemer.pk), vandaag)
    for annotate in selectors.CASELOAD_ANNOTATIES:
        stand = annotate(stand, vandaag)
    stand = stand.get()
    trajecten = list(deelnemer.trajecten.all().order_by("-aanmelddatum", "-id"))
    traject = trajecten[0] if trajecten else None
    return {
        "deelnemer": deelnemer,
        "stand": stand,
        "signalen": selectors.signalen_voor(stand, vandaag),
        "traject": traject,
        "trajecten": trajecten,
        "tab": tab,
        "tabs": [(key, label, reverse(url, args=[deelnemer.pk])) for key, label, url in TABS],
        "vandaag": vandaag,
        "is_coordinator": request.user.rol == Rol.COORDINATOR,
    }


def dossier(request, pk):
    """The participant page: summary on top, timeline of every traject below."""
    deelnemer = deelnemer_or_404(request, pk)
    context = dossier_context(request, deelnemer, tab="tijdlijn")
    context["tijdlijnen"] = [
        (t, selectors.tijdlijn(t)) for t in context["trajecten"]
    ]
    context["snel_contact"] = SnelContactForm() if context["traject"] and context["traject"].is_open else None
    return render(request, "trajecten/dossier_tijdlijn.html", context)


def contacten(request, pk):
    deelnemer = deelnemer_or_404(request, pk, object_type="contactmomenten")
    context = dossier_context(request, deelnemer, tab="contacten")
    qs = Contactmoment.objects.filter(traject__deelnemer=deelnemer).select_related("ketenpartner", "door", "traject")
    context["page"] = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    context["snel_contact"] = SnelContactForm() if context["traject"] and context["traject"].is_open else None
    return render(request, "trajecten/dossier_contacten.html", context)


@require_http_methods(["GET", "POST"])
def persoonsgegevens(request, pk):
    """The personal-data tab: the only place legal name, date of birth and BSN are shown."""
    deelnemer = deelnemer_or_404(request, pk, object_type="persoonsgegevens")
    form = PersoonsgegevensForm(request.POST or None, instance=deelnemer)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie", None)
        try:
            deelnemer_bijwerken(deelnemer=deelnemer, data=data, gelezen_versie=gelezen, door=request.user)
        except Conflict as c:
            conflict = c.actueel
            form.add_error(None, "Iemand anders heeft deze gegevens intussen gewijzigd. Hieronder staan beide "
                                 "versies; jouw invoer staat nog in het formulier. Sla opnieuw op om die te bewaren.")
            form.data = form.data.copy()
            form.data["gelezen_versie"] = conflict.versie
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, "Persoonsgegevens opgeslagen.")
            return redirect("trajecten:persoonsgegevens", pk=deelnemer.pk)
    context = dossier_context(request, deelnemer, tab="gegevens")
    context |= {"form": form, "conflict": conflict}
    return render(request, "trajecten/dossier_gegevens.html", context)


# --- registration and team --------------------------------------------------------------------


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def deelnemer_nieuw(request):
    """Register a participant and her first traject in one step."""
    programma = programma_of_403(request.user)
    form = AanmeldingForm(request.POST or None, programma=programma)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        traject_velden = {k: data.pop(k) for k in ("aanmelddatum", "verwijzer", "verwijzer_ketenpartner", "verwijzer_toelichting")}
        try:
            with transaction.atomic():
                deelnemer = deelnemer_create(programma=programma, door=request.user, **data)
                services.traject_start(deelnemer=deelnemer, door=request.user, **traject_velden)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, f"Deelnemer {deelnemer.clientcode} aangemeld.")
            return redirect("trajecten:dossier", pk=deelnemer.pk)
    return render(request, "form_page.html", {
        "form": form, "title": "Nieuwe aanmelding", "submit_label": "Aanmelden",
        "intro": "Alleen wat je nu weet; de rest vul je later aan. De deelnemer krijgt automatisch een clientcode.",
        "cancel_url": reverse("start"),
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def begeleiding(request, pk):
    """The coordinator (re)assigns coach and achtervang."""
    deelnemer = deelnemer_or_404(request, pk, object_type="begeleiding")
    form = BegeleidingForm(request.POST or None, instance=deelnemer, begeleiders=begeleiders_for(deelnemer.programma))
    if request.method == "POST" and form.is_valid():
        try:
            begeleiding_toewijzen(
                deelnemer=deelnemer, begeleider=form.cleaned_data["begeleider"],
                achtervang=form.cleaned_data["achtervang"], gelezen_versie=form.cleaned_data.get("gelezen_versie"),
                door=request.user,
            )
        except Conflict:
            form.add_error(None, "Iemand anders heeft de begeleiding intussen gewijzigd. Laad de pagina opnieuw.")
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, "Begeleiding opgeslagen.")
            return redirect("trajecten:dossier", pk=deelnemer.pk)
    return render(request, "form_page.html", {
        "form": form, "title": f"Begeleiding van {deelnemer.clientcode}",
        "cancel_url": reverse("trajecten:dossier", args=[deelnemer.pk]),
        "breadcrumbs": _crumbs(request, deelnemer, "Begeleiding"),
    })


def _crumbs(request, deelnemer, label):
    eerste = ("Deelnemers", reverse("trajecten:deelnemers")) if request.user.rol == Rol.COORDINATOR else (
        "Mijn caseload", reverse("trajecten:caseload"))
    return [eerste, (deelnemer.clientcode, reverse("trajecten:dossier", args=[deelnemer.pk])), (label, None)]


def _form_page(request, traject, form, title, *, intro="", submit_label="Opslaan", template="form_page.html", extra=None):
    context = {
        "form": form, "title": title, "intro": intro, "submit_label": submit_label,
        "cancel_url": reverse("trajecten:dossier", args=[traject.deelnemer.pk]),
        "breadcrumbs": _crumbs(request, traject.deelnemer, title), "traject": traject,
        "deelnemer": traject.deelnemer,
    }
    context |= extra or {}
    return render(request, template, context)


def _terug(request, traject, bericht):
    messages.success(request, bericht)
    return redirect("trajecten:dossier", pk=traject.deelnemer.pk)


# --- actions on a traject ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def traject_nieuw(request, pk):
    """A new traject for the same participant (herinstroom after an earlier one ended)."""
    deelnemer = deelnemer_or_404(request, pk, object_type="traject")
    form = TrajectStartForm(request.POST or None, programma=deelnemer.programma)
    if request.method == "POST" and form.is_valid():
        try:
            traject = services.traject_start(deelnemer=deelnemer, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _terug(request, traject, "Nieuw traject gestart.")
    return render(request, "form_page.html", {
        "form": form, "title": "Nieuw traject starten",
        "intro": "Voor een deelnemer die na een eerder traject opnieuw instroomt. Begeleider en achtervang blijven dezelfde.",
        "cancel_url": reverse("trajecten:dossier", args=[deelnemer.pk]),
        "breadcrumbs": _crumbs(request, deelnemer, "Nieuw traject"),
    })


@require_http_methods(["GET", "POST"])
def fase(request, traject_pk):
    traject = traject_or_404(request, traject_pk)
    form = FaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.fase_wijzigen(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _terug(request, traject, "Fase gewijzigd.")
    huidig = services.huidige_fase(traject)
    return _form_page(request, traject, form, "Fase wijzigen",
                      intro=f"Nu in de fase {dict(FaseForm.base_fields['fase'].choices)[huidig]}. "
                            "Een stap terug mag; geef dan een reden.")


@require_http_methods(["GET", "POST"])
def intake(request, traject_pk):
    traject = traject_or_404(request, traject_pk, object_type="intake")
    bestaand = getattr(traject, "intake", None)
    form = IntakeForm(request.POST or None, instance=bestaand)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        naar_orientatie = data.pop("fase_naar_orientatie", False)
        try:
            services.intake_vastleggen(traject=traject, data=data, door=request.user, fase_naar_orientatie=naar_orientatie)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _terug(request, traject, "Intake vastgelegd.")
    return _form_page(request, traject, form, "Intake" if bestaand else "Intake vastleggen",
                      intro="Hulpvraag, motivatie, verwachtingen en de toelatingscriteria.")


@require_http_methods(["GET", "POST"])
def contact_nieuw(request, traject_pk):
    """Log or plan a contact. From the dossier's quick form (htmx) or as a full page."""
    traject = traject_or_404(request, traject_pk, object_type="contactmoment")
    snel = request.POST.get("snel") == "1"
    form_class = SnelContactForm if snel else ContactForm
    kwargs = {} if snel else {"programma": traject.deelnemer.programma}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactmoment_registreren(traject=traject, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            gepland = form.cleaned_data.get("status") == ContactStatus.GEPLAND
            bericht = "Contact gepland." if gepland else "Contact geregistreerd."
            if request.htmx:
                messages.success(request, bericht)
                response = render(request, "trajecten/includes/snel_contact.html", {
                    "snel_contact": SnelContactForm(), "traject": traject, "opgeslagen": bericht,
                })
                response["HX-Refresh"] = "true"
                return response
            return _terug(request, traject, bericht)
    if snel and request.htmx:
        return render(request, "trajecten/includes/snel_contact.html", {"snel_contact": form, "traject": traject})
    if snel:
        form = ContactForm(request.POST, programma=traject.deelnemer.programma)
        form.is_valid()
    return _form_page(request, traject, form, "Contact registreren of plannen",
                      intro="Een gehouden contact heeft een duur; een gepland contact mag in de toekomst liggen.")


@require_http_methods(["GET", "POST"])
def contact_bewerken(request, contact_pk):
    traject_pk = Contactmoment.objects.filter(pk=contact_pk).values_list("traject_id", flat=True).first()
    if traject_pk is None:
        raise Http404
    traject = traject_or_404(request, traject_pk, object_type="contactmoment")
    contact = Contactmoment.objects.get(pk=contact_pk)
    form = ContactForm(request.POST or None, instance=contact, programma=traject.deelnemer.programma)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactmoment_bijwerken(contact=contact, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _terug(request, traject, "Contact bijgewerkt.")
    return _form_page(request, traject, form, "Contact bijwerken")


@require_http_methods(["GET", "POST"])
def uitstroom(request, traject_pk):
    """Close a traject with its outcome (asks for confirmation: closing cannot be undone)."""
    traject = traject_or_404(request, traject_pk, object_type="uitstroom")
    form = UitstroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.traject_afsluiten(traject=traject, door=request.user, gelezen_versie=traject.versie, **data)
        except (ValidationError, Conflict) as e:
            add_errors(form, e) if isinstance(e, ValidationError) else form.add_error(None, str(e))
        else:
            return _terug(request, traject, "Uitstroom vastgelegd.")
    return _form_page(
        request, traject, form, "Uitstroom vastleggen", submit_label="Uitstroom vastleggen",
        template="trajecten/uitstroom_form.html",
        intro="Leg vast hoe het traject eindigt. Bij uitgestapt kan de deelnemer in nazorg blijven; "
              "afsluiten is niet terug te draaien (een nieuw traject kan altijd).",
    )


@require_http_methods(["GET", "POST"])
def beeindigen(request, traject_pk):
    traject = traject_or_404(request, traject_pk)
    form = BeeindigenForm(request.POST or None, initial={"gelezen_versie": traject.versie})
    if request.method == "POST" and form.is_valid():
        try:
            services.traject_beeindigen(traject=traject, einddatum=form.cleaned_data["einddatum"], door=request.user,
                                        gelezen_versie=form.cleaned_data.get("gelezen_versie"))
        except ValidationError as e:
            add_errors(form, e)
        except Conflict:
            form.add_error(None, "Iemand anders heeft dit traject intussen gewijzigd. Laad het dossier opnieuw.")
        else:
            return _terug(request, traject, "Traject afgesloten.")
    return _form_page(request, traject, form, "Traject afsluiten", submit_label="Traject afsluiten",
                      intro="Na afsluiten kun je niets meer aan dit traject toevoegen, behalve een terugval. "
                            "Een nieuw traject starten kan altijd.")


@require_http_methods(["GET", "POST"])
def terugval(request, traject_pk):
    traject = traject_or_404(request, traject_pk, object_type="terugval")
    form = TerugvalForm(request.POST or None, initial={"datum": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.terugval_registreren(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return _terug(request, traject, "Terugval vastgelegd.")
    return _form_page(request, traject, form, "Terugval vastleggen",
                      intro="Een terugkeer naar sekswerk na uitstroom. Dit telt mee in de cijfers over duurzame uitstroom.")
