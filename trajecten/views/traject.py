"""Screens that act on a participant and a traject: personal data, registration, coach, phase, intake, contacts, outcome.

Views are thin: check access (deelnemer_or_404 / dossier_object_or_404), bind a form, call one service.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext

from clients.access import deelnemer_or_404, dossier_object_or_404, log_list
from clients.forms import AanmeldingForm, BegeleidingForm, PersoonsgegevensForm
from clients.selectors import (
    afspraak_waarschuwingen,
    contactafspraak_van,
    mogelijke_duplicaten,
    verboden_contactsoorten,
)
from clients.services import begeleiding_toewijzen, deelnemer_wijzigen
from trajecten import selectors, services
from trajecten.views.dossier import broodkruimels, dossier_context, dossier_deelnemer_or_404, form_pagina, terug_naar_dossier
from trajecten.forms import (
    BeeindigenForm,
    ContactForm,
    FaseForm,
    FoutiefForm,
    IntakeForm,
    IntakegesprekForm,
    SnelContactForm,
    TerugvalForm,
    TrajectStartForm,
    UitstroomForm,
)
from trajecten.models import Contactmoment, Traject
from uitstap.audit import Actie
from uitstap.codes import ContactStatus, Rol
from uitstap.forms import add_errors, schrijf_via_form
from uitstap.permissions import programma_of_403, rol_vereist
from uitstap.selectors import begeleiders_for

@require_http_methods(["GET", "POST"])
def persoonsgegevens(request, pk):
    """The personal-data tab: the only place legal name, date of birth and BSN are shown."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="persoonsgegevens")
    form = PersoonsgegevensForm(request.POST or None, instance=deelnemer)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: deelnemer_wijzigen(deelnemer=deelnemer, data=data, gelezen_versie=gelezen, door=request.user)):
            messages.success(request, gettext("Persoonsgegevens opgeslagen."))
            return redirect("trajecten:persoonsgegevens", pk=deelnemer.pk)
    context = dossier_context(request, deelnemer, tab="gegevens")
    context |= {"form": form}
    return render(request, "trajecten/dossier_gegevens.html", context)


# --- registration and team --------------------------------------------------------------------


@rol_vereist(Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def deelnemer_nieuw(request):
    """Register a participant and their first traject in one step, after a check for a likely duplicate."""
    programma = programma_of_403(request.user)
    form = AanmeldingForm(request.POST or None, programma=programma,
                          outreach_acties=selectors.outreach_acties_voor_koppeling(programma))
    duplicaten = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        duplicaten = mogelijke_duplicaten(
            request.user, programma=programma, roepnaam=d.get("roepnaam", ""), geboortejaar=d.get("geboortejaar"),
            herkomstland=d.get("herkomstland", ""), bsn=d.get("bsn", ""),
        )
        if duplicaten and request.POST.get("duplicaat_keuze") != "ander_persoon":
            log_list(request, duplicaten.zichtbaar, actie=Actie.SEARCH, object_type="duplicaatcontrole")
        else:
            try:
                deelnemer = services.aanmelding_vastleggen(
                    programma=programma, data=d, door=request.user, duplicaten=duplicaten)
            except ValidationError as e:
                add_errors(form, e)
                duplicaten = None
            else:
                messages.success(request, gettext("Deelnemer %(clientcode)s aangemeld.") % {"clientcode": deelnemer.clientcode})
                return redirect("trajecten:dossier", pk=deelnemer.pk)
    return render(request, "trajecten/aanmelding_form.html", {
        "form": form, "title": gettext("Nieuwe aanmelding"), "submit_label": gettext("Aanmelden"),
        "intro": gettext("Alleen wat je nu weet; de rest vul je later aan. De deelnemer krijgt automatisch een clientcode."),
        "cancel_url": reverse("start"), "duplicaten": duplicaten,
    })


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def begeleiding(request, pk):
    """The coordinator (re)assigns coach and achtervang."""
    deelnemer = deelnemer_or_404(request, pk, object_type="begeleiding")
    form = BegeleidingForm(request.POST or None, instance=deelnemer, begeleiders=begeleiders_for(deelnemer.programma))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if schrijf_via_form(form, lambda: begeleiding_toewijzen(
            deelnemer=deelnemer, begeleider=data["begeleider"], achtervang=data["achtervang"],
            gelezen_versie=data["gelezen_versie"], door=request.user,
        )):
            messages.success(request, gettext("Begeleiding opgeslagen."))
            return redirect("trajecten:dossier", pk=deelnemer.pk)
    return render(request, "form_page.html", {
        "form": form, "title": gettext("Begeleiding van %(clientcode)s") % {"clientcode": deelnemer.clientcode},
        "cancel_url": reverse("trajecten:dossier", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, gettext("Begeleiding")),
    })


# --- actions on a traject ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def traject_nieuw(request, pk):
    """A new traject for the same participant (herinstroom after an earlier one ended)."""
    deelnemer = deelnemer_or_404(request, pk, object_type="traject")
    form = TrajectStartForm(request.POST or None, programma=deelnemer.programma)
    if request.method == "POST" and form.is_valid():
        try:
            traject = services.traject_starten(deelnemer=deelnemer, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return terug_naar_dossier(request, traject, gettext("Nieuw traject gestart."))
    return render(request, "form_page.html", {
        "form": form, "title": gettext("Nieuw traject starten"),
        "intro": gettext("Voor een deelnemer die na een eerder traject opnieuw instroomt. Begeleider en achtervang blijven dezelfde."),
        "cancel_url": reverse("trajecten:dossier", args=[deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, deelnemer, gettext("Nieuw traject")),
    })


@require_http_methods(["GET", "POST"])
def fase(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="traject")
    huidig = services.huidige_fase(traject)
    form = FaseForm(request.POST or None, huidige_fase=huidig)
    if request.method == "POST" and form.is_valid():
        try:
            services.fase_wijzigen(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return terug_naar_dossier(request, traject, gettext("Fase gewijzigd."))
    return form_pagina(request, traject, form, gettext("Fase wijzigen"),
                      intro=gettext("Nu in de fase %(fase)s. Een terugstap naar een eerdere fase mag; geef dan een reden.")
                       % {"fase": dict(FaseForm.base_fields['fase'].choices)[huidig]})


@require_http_methods(["GET", "POST"])
def intake(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="intake")
    bestaand = getattr(traject, "intake", None)
    form = IntakeForm(request.POST or None, instance=bestaand, criteria=selectors.criteria_voor_intake(traject))
    if request.method == "POST" and form.is_valid():
        leefsituatie = form.leefsituatie()
        criteria = form.criteria_antwoorden()
        data = dict(form.cleaned_data)
        naar_orientatie = data.pop("fase_naar_orientatie", False)
        gelezen = data.pop("gelezen_versie", None)
        if schrijf_via_form(form, lambda: services.intake_vastleggen(
                traject=traject, data=data, door=request.user, fase_naar_orientatie=naar_orientatie,
                gelezen_versie=gelezen, leefsituatie=leefsituatie, criteria=criteria)):
            return terug_naar_dossier(request, traject, gettext("Intake vastgelegd."))
    return form_pagina(request, traject, form, gettext("Intake") if bestaand else gettext("Intake vastleggen"),
                      intro=gettext("Hulpvraag, motivatie, verwachtingen, de toelatingscriteria en de leefsituatie bij de intake."))


@require_http_methods(["GET", "POST"])
def intakegesprek_nieuw(request, traject_pk):
    """A follow-up talk of the intake in the oriëntatie phase."""
    traject = dossier_object_or_404(request, Traject.objects.select_related("intake"), traject_pk, object_type="intake")
    intake = getattr(traject, "intake", None)
    if intake is None:
        return form_pagina(request, traject, IntakegesprekForm(), gettext("Vervolggesprek bij de intake"),
                           intro=gettext("Leg eerst de intake vast; vervolggesprekken horen bij de intake."))
    form = IntakegesprekForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.intakegesprek_vastleggen(intake=intake, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return terug_naar_dossier(request, traject, gettext("Gesprek bij de intake vastgelegd."))
    return form_pagina(request, traject, form, gettext("Vervolggesprek bij de intake"),
                      intro=gettext("In de oriëntatiefase hoort elk vervolggesprek bij de intake."))


@require_http_methods(["GET", "POST"])
def contact_nieuw(request, traject_pk):
    """Log or plan a contact. From the dossier's quick form (htmx) or as a full page."""
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="contactmoment")
    snel = request.POST.get("snel") == "1"
    form_class = SnelContactForm if snel else ContactForm
    afspraak = contactafspraak_van(traject.deelnemer)
    verboden = verboden_contactsoorten(afspraak)
    kwargs = {"verboden": verboden} if snel else {"programma": traject.deelnemer.programma, "verboden": verboden}
    form = form_class(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactmoment_vastleggen(traject=traject, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            gepland = form.cleaned_data.get("status") == ContactStatus.GEPLAND
            bericht = gettext("Contact gepland.") if gepland else gettext("Contact geregistreerd.")
            if request.htmx:
                messages.success(request, bericht)
                response = render(request, "trajecten/includes/snel_contact.html", {
                    "snel_contact": SnelContactForm(verboden=verboden), "traject": traject, "opgeslagen": bericht,
                })
                response["HX-Refresh"] = "true"
                return response
            return terug_naar_dossier(request, traject, bericht)
    if snel and request.htmx:
        return render(request, "trajecten/includes/snel_contact.html", {"snel_contact": form, "traject": traject})
    if snel:
        form = ContactForm(request.POST, programma=traject.deelnemer.programma, verboden=verboden)
        form.is_valid()
    return form_pagina(request, traject, form, gettext("Contact registreren of plannen"),
                      intro=gettext("Een gehouden contact heeft een duur; een gepland contact mag in de toekomst liggen."),
                      extra={"afspraak_strip": afspraak_waarschuwingen(afspraak)})


@require_http_methods(["GET", "POST"])
def contact_bewerken(request, contact_pk):
    contact = dossier_object_or_404(request, Contactmoment.objects.select_related("traject"), contact_pk,
                                    object_type="contactmoment")
    traject = contact.traject
    afspraak = contactafspraak_van(traject.deelnemer)
    form = ContactForm(request.POST or None, instance=contact, programma=traject.deelnemer.programma,
                       verboden=verboden_contactsoorten(afspraak))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        gelezen = data.pop("gelezen_versie")
        if schrijf_via_form(form, lambda: services.contactmoment_wijzigen(contact=contact, data=data, door=request.user, gelezen_versie=gelezen)):
            return terug_naar_dossier(request, traject, gettext("Contact bijgewerkt."))
    return form_pagina(request, traject, form, gettext("Contact bijwerken"),
                       extra={"afspraak_strip": afspraak_waarschuwingen(afspraak)})


@require_http_methods(["GET", "POST"])
def contact_foutief(request, contact_pk):
    """Mark a contact registered by mistake (asks for a reason; the contact stays for the audit)."""
    contact = dossier_object_or_404(request, Contactmoment.objects.select_related("traject__deelnemer"), contact_pk,
                                    object_type="contactmoment")
    form = FoutiefForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contactmoment_foutief_markeren(contact=contact, reden=form.cleaned_data["reden"], door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return terug_naar_dossier(request, contact.traject, gettext("Contact gemarkeerd als foutief. Het telt nergens meer mee."))
    return form_pagina(
        request, contact.traject, form, gettext("Contact foutief geregistreerd"), submit_label=gettext("Markeren als foutief"),
        intro=gettext("Het contact van %(datum)s (%(soort)s, %(status)s) blijft bewaard voor de controle, doorgestreept "
                      "op de tijdlijn, en telt in geen enkel cijfer of lijst meer mee. Dit is niet terug te draaien.") % {
            "datum": f"{contact.datum:%d-%m-%Y}", "soort": contact.get_soort_display().lower(),
            "status": contact.get_status_display().lower()},
    )


@require_http_methods(["GET", "POST"])
def uitstroom(request, traject_pk):
    """Close a traject with its outcome (asks for confirmation: closing cannot be undone)."""
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="uitstroom")
    form = UitstroomForm(request.POST or None, versie_van=traject)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if schrijf_via_form(form, lambda: services.uitstroom_vastleggen(traject=traject, door=request.user, **data)):
            return terug_naar_dossier(request, traject, gettext("Uitstroom vastgelegd."))
    return form_pagina(
        request, traject, form, gettext("Uitstroom vastleggen"), submit_label=gettext("Uitstroom vastleggen"),
        template="trajecten/uitstroom_form.html",
        intro=gettext("Leg vast hoe het traject eindigt. Bij uitgestapt kan de deelnemer in nazorg blijven; "
              "afsluiten is niet terug te draaien (een nieuw traject kan altijd)."),
    )


@require_http_methods(["GET", "POST"])
def beeindigen(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="traject")
    form = BeeindigenForm(request.POST or None, versie_van=traject)
    zonder_instroom = not hasattr(traject, "uitstroom") and not traject.heeft_instroom
    if zonder_instroom:
        form.fields["afsluitreden"].required = True
    else:
        del form.fields["afsluitreden"]
    if request.method == "POST" and form.is_valid():
        if schrijf_via_form(form, lambda: services.traject_afsluiten(
                traject=traject, einddatum=form.cleaned_data["einddatum"], door=request.user,
                gelezen_versie=form.cleaned_data["gelezen_versie"],
                afsluitreden=form.cleaned_data.get("afsluitreden", ""))):
            return terug_naar_dossier(request, traject, gettext("Traject afgesloten."))
    intro = (gettext("Dit traject is nooit verder gekomen dan contact. Sluit het af met een reden; het telt dan niet als uitval. ")
             if zonder_instroom else gettext("Na afsluiten kun je niets meer aan dit traject toevoegen, behalve een terugval. "))
    return form_pagina(request, traject, form, gettext("Traject afsluiten"), submit_label=gettext("Traject afsluiten"),
                      intro=intro + gettext("Een nieuw traject starten kan altijd."))


@require_http_methods(["GET", "POST"])
def terugval(request, traject_pk):
    traject = dossier_object_or_404(request, Traject.objects, traject_pk, object_type="terugval")
    form = TerugvalForm(request.POST or None, initial={"datum": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.terugval_vastleggen(traject=traject, door=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_errors(form, e)
        else:
            return terug_naar_dossier(request, traject, gettext("Terugval vastgelegd."))
    return form_pagina(request, traject, form, gettext("Terugval vastleggen"),
                      intro=gettext("Een terugkeer naar sekswerk na uitstroom. Dit telt mee in de cijfers over duurzame uitstroom."))
