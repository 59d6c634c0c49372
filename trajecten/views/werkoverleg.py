"""The werkoverleg of programme and gemeente: the list, planning, the generated agenda with afspraken, and the
agenda and verslag as PDF. For coordinator and klantmanager; both see what the gemeente may see, nothing more.

Every participant shown is logged: a klantmanager's read with the consent as its basis (toestemming:<id>).
"""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext

from trajecten import selectors, services
from trajecten.forms import AfspraakAfrondenForm, WerkoverlegAfspraakForm, WerkoverlegForm
from trajecten.models import WerkoverlegAfspraak
from uitstap.audit import Actie, Uitkomst, audit_log
from uitstap.codes import Rol
from uitstap.forms import add_errors, schrijf_via_form
from uitstap.pdf import PdfTeZwaar, render_pdf
from uitstap.permissions import rol_vereist

ROLLEN = (Rol.COORDINATOR, Rol.KLANTMANAGER)


def _denied(request, object_type, pk):
    with transaction.atomic():
        audit_log(actie=Actie.DENIED, uitkomst=Uitkomst.GEWEIGERD, gebruiker=request.user, object_type=object_type,
                  object_id=str(pk)[:40])


def _werkoverleg_or_404(request, pk):
    wo = selectors.werkoverleggen_voor(request.user).select_related("programma", "gemeente", "gepland_door").filter(
        pk=pk).first()
    if wo is None:
        _denied(request, "werkoverleg", pk)
        raise Http404(gettext("Werkoverleg niet gevonden."))
    return wo


def _grondslag(user, toestemming_id):
    return f"toestemming:{toestemming_id}" if user.rol == Rol.KLANTMANAGER else user.rol


def _log_agenda(request, agenda, *, actie=Actie.VIEW, object_type="werkoverleg"):
    """One event per participant shown, each on its own basis; written before the page is (fail closed)."""
    with transaction.atomic():
        audit_log(actie=actie, gebruiker=request.user, obj=agenda.werkoverleg, object_type=object_type,
                  grondslag=request.user.rol, aantal=len(agenda.punten))
        for p in agenda.punten:
            audit_log(actie=actie, gebruiker=request.user, clientcode=p.d.clientcode, object_type=object_type,
                      object_id=str(agenda.werkoverleg.pk), grondslag=_grondslag(request.user, p.d.toestemming_id))


def _lijst_kruimel():
    return (gettext("Werkoverleg"), reverse("trajecten:werkoverleggen"))


@rol_vereist(*ROLLEN)
def werkoverleggen(request):
    """Upcoming and past meetings of the user's gemeente(n), newest first, with the number of afspraken."""
    qs = (selectors.werkoverleggen_voor(request.user).select_related("programma", "gemeente")
          .annotate(n_afspraken=Count("afspraken", distinct=True),
                    n_open=Count("afspraken", filter=Q(afspraken__afgerond_op__isnull=True), distinct=True))
          .order_by("-datum", "-id"))
    vandaag = timezone.localdate()
    lijst = list(qs[:200])
    return render(request, "trajecten/werkoverleg_lijst.html", {
        "komend": sorted([w for w in lijst if w.datum >= vandaag], key=lambda w: w.datum),
        "geweest": [w for w in lijst if w.datum < vandaag],
        "mag_plannen": selectors.programmas_voor_werkoverleg(request.user).exists(),
    })


def _form_pagina(request, form, title, *, intro="", submit_label=gettext("Opslaan"), cancel_url=None, crumbs=()):
    return render(request, "form_page.html", {
        "form": form, "title": title, "intro": intro, "submit_label": submit_label,
        "cancel_url": cancel_url or reverse("trajecten:werkoverleggen"),
        "breadcrumbs": [_lijst_kruimel(), *crumbs, (title, None)],
    })


@rol_vereist(*ROLLEN)
@require_http_methods(["GET", "POST"])
def werkoverleg_nieuw(request):
    form = WerkoverlegForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        gemeente = data.get("gemeente") if request.user.rol == Rol.COORDINATOR else request.user.gemeente
        try:
            wo = services.werkoverleg_plannen(programma=data.get("programma"), gemeente=gemeente, datum=data["datum"],
                                              aanwezigen=data["aanwezigen"], door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("Werkoverleg met %(gemeente)s gepland op %(datum)s.") % {"gemeente": wo.gemeente, "datum": format(wo.datum, "%d-%m-%Y")})
            return redirect("trajecten:werkoverleg", werkoverleg_pk=wo.pk)
    return _form_pagina(request, form, gettext("Werkoverleg plannen"), submit_label=gettext("Werkoverleg plannen"), intro=(
        gettext("De agenda maakt uitstap zelf: de deelnemers die toestemming gaven om met deze gemeente te delen, wat er "
        "sinds het vorige werkoverleg veranderde en de afspraken die nog openstaan.")))


@rol_vereist(*ROLLEN)
@require_http_methods(["GET", "POST"])
def werkoverleg_bewerken(request, werkoverleg_pk):
    wo = _werkoverleg_or_404(request, werkoverleg_pk)
    form = WerkoverlegForm(request.POST or None, instance=wo, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if schrijf_via_form(form, lambda: services.werkoverleg_wijzigen(
                werkoverleg=wo, datum=data["datum"], aanwezigen=data["aanwezigen"],
                gelezen_versie=data["gelezen_versie"], door=request.user)):
            messages.success(request, gettext("Werkoverleg bijgewerkt."))
            return redirect("trajecten:werkoverleg", werkoverleg_pk=wo.pk)
    url = reverse("trajecten:werkoverleg", args=[wo.pk])
    return _form_pagina(request, form, gettext("Werkoverleg wijzigen"), cancel_url=url,
                        crumbs=[(f"{wo.gemeente} {wo.datum:%d-%m-%Y}", url)])


@rol_vereist(*ROLLEN)
def werkoverleg_detail(request, werkoverleg_pk):
    """The generated agenda and, per participant, the afspraken: the page used during the meeting."""
    wo = _werkoverleg_or_404(request, werkoverleg_pk)
    agenda = selectors.agenda(wo, request.user)
    _log_agenda(request, agenda)
    vandaag = timezone.localdate()
    return render(request, "trajecten/werkoverleg_detail.html", {
        "wo": wo, "agenda": agenda, "vandaag": vandaag, "kan_afspreken": wo.datum <= vandaag,
        "breadcrumbs": [_lijst_kruimel(), (f"{wo.gemeente} {wo.datum:%d-%m-%Y}", None)],
    })


@rol_vereist(*ROLLEN)
@require_http_methods(["GET", "POST"])
def werkoverleg_afspraak_nieuw(request, werkoverleg_pk):
    wo = _werkoverleg_or_404(request, werkoverleg_pk)
    agenda = selectors.agenda(wo, request.user)
    _log_agenda(request, agenda)
    form = WerkoverlegAfspraakForm(request.POST or None, agenda=agenda,
                                   initial={"deelnemer": request.GET.get("deelnemer", "")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            afspraak = services.werkoverleg_afspraak_vastleggen(
                werkoverleg=wo, deelnemer=data["deelnemer"], wat=data["wat"], eigenaar=data["eigenaar"],
                deadline=data["deadline"], door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("Afspraak vastgelegd."))
            return redirect(reverse("trajecten:werkoverleg", args=[wo.pk]) + f"#deelnemer-{afspraak.deelnemer_id}")
    url = reverse("trajecten:werkoverleg", args=[wo.pk])
    return _form_pagina(request, form, gettext("Afspraak vastleggen"), submit_label=gettext("Afspraak vastleggen"), cancel_url=url,
                        crumbs=[(f"{wo.gemeente} {wo.datum:%d-%m-%Y}", url)],
                        intro=gettext("Wat is er in het werkoverleg afgesproken over deze deelnemer, wie pakt het op en "
                              "wanneer is het klaar? Zet geen gevoelige gegevens in de afspraak."))


def _afspraak_or_404(request, pk):
    afspraak = WerkoverlegAfspraak.objects.select_related("werkoverleg__gemeente", "deelnemer").filter(pk=pk).first()
    toestemming = selectors.afspraak_zichtbaar(afspraak, request.user) if afspraak else None
    if toestemming is None:
        deelnemer_pk = afspraak.deelnemer_id if afspraak else None
        with transaction.atomic():
            audit_log(actie=Actie.DENIED, uitkomst=Uitkomst.GEWEIGERD, gebruiker=request.user,
                      object_type="deelnemer" if deelnemer_pk else "werkoverlegafspraak",
                      object_id=str(deelnemer_pk or pk)[:40])
        raise Http404(gettext("Afspraak niet gevonden."))
    with transaction.atomic():
        audit_log(actie=Actie.VIEW, gebruiker=request.user, clientcode=afspraak.deelnemer.clientcode,
                  object_type="werkoverlegafspraak", object_id=str(afspraak.pk),
                  grondslag=_grondslag(request.user, toestemming["id"]))
    return afspraak


def _terug(request, afspraak):
    """Back to the meeting the user came from (?terug=<id> of a later one), else the afspraak's own."""
    terug = request.GET.get("terug") or request.POST.get("terug") or ""
    wo_pk = int(terug) if terug.isdigit() and selectors.werkoverleggen_voor(request.user).filter(
        pk=terug).exists() else afspraak.werkoverleg_id
    return reverse("trajecten:werkoverleg", args=[wo_pk]) + f"#deelnemer-{afspraak.deelnemer_id}"


@rol_vereist(*ROLLEN)
@require_http_methods(["GET", "POST"])
def werkoverleg_afspraak_bewerken(request, afspraak_pk):
    afspraak = _afspraak_or_404(request, afspraak_pk)
    form = WerkoverlegAfspraakForm(request.POST or None, instance=afspraak)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if schrijf_via_form(form, lambda: services.werkoverleg_afspraak_wijzigen(
                afspraak=afspraak, wat=data["wat"], eigenaar=data["eigenaar"], deadline=data["deadline"],
                gelezen_versie=data["gelezen_versie"], door=request.user)):
            messages.success(request, gettext("Afspraak bijgewerkt."))
            return redirect(_terug(request, afspraak))
    wo = afspraak.werkoverleg
    return _form_pagina(request, form, gettext("Afspraak wijzigen"), cancel_url=_terug(request, afspraak),
                        crumbs=[(f"{wo.gemeente} {wo.datum:%d-%m-%Y}", reverse("trajecten:werkoverleg", args=[wo.pk]))],
                        intro=gettext("Afspraak over %(clientcode)s uit het werkoverleg van %(datum)s.") % {
                            "clientcode": afspraak.deelnemer.clientcode, "datum": f"{wo.datum:%d-%m-%Y}"})


@rol_vereist(*ROLLEN)
@require_http_methods(["GET", "POST"])
def werkoverleg_afspraak_afronden(request, afspraak_pk):
    afspraak = _afspraak_or_404(request, afspraak_pk)
    form = AfspraakAfrondenForm(request.POST or None, versie_van=afspraak,
                                initial={"afgerond_op": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if schrijf_via_form(form, lambda: services.werkoverleg_afspraak_afronden(
                afspraak=afspraak, afgerond_op=data["afgerond_op"], gelezen_versie=data["gelezen_versie"],
                door=request.user)):
            messages.success(request, gettext("Afspraak afgerond."))
            return redirect(_terug(request, afspraak))
    wo = afspraak.werkoverleg
    return _form_pagina(request, form, gettext("Afspraak afronden"), submit_label=gettext("Afgerond"), cancel_url=_terug(request, afspraak),
                        crumbs=[(f"{wo.gemeente} {wo.datum:%d-%m-%Y}", reverse("trajecten:werkoverleg", args=[wo.pk]))],
                        intro=gettext("%(clientcode)s: %(wat)s (%(eigenaar)s, uiterlijk %(deadline)s). Een afgeronde afspraak "
                                      "komt niet meer terug op de agenda.") % {
                            "clientcode": afspraak.deelnemer.clientcode, "wat": afspraak.wat, "eigenaar": afspraak.eigenaar,
                            "deadline": f"{afspraak.deadline:%d-%m-%Y}"})


def _pdf(request, werkoverleg_pk, soort):
    wo = _werkoverleg_or_404(request, werkoverleg_pk)
    agenda = selectors.agenda(wo, request.user)
    _log_agenda(request, agenda, actie=Actie.PRINT, object_type=f"werkoverleg_{soort}")
    try:
        _, pdf = render_pdf(f"trajecten/pdf/werkoverleg_{soort}.html", {
            "wo": wo, "agenda": agenda, "afgedrukt_op": timezone.localdate(),
        })
    except PdfTeZwaar as e:
        messages.error(request, str(e))
        return redirect("trajecten:werkoverleg", werkoverleg_pk=wo.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    gemeente = re.sub(r"[^A-Za-z0-9_-]", "_", wo.gemeente.naam)
    response["Content-Disposition"] = f'attachment; filename="werkoverleg-{soort}-{gemeente}-{wo.datum:%Y-%m-%d}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@rol_vereist(*ROLLEN)
def werkoverleg_agenda_pdf(request, werkoverleg_pk):
    """The agenda to print or send before the meeting (download only, checked and logged as PRINT)."""
    return _pdf(request, werkoverleg_pk, "agenda")


@rol_vereist(*ROLLEN)
def werkoverleg_verslag_pdf(request, werkoverleg_pk):
    """The verslag: attendees and per participant the afspraken made (download only, logged as PRINT)."""
    return _pdf(request, werkoverleg_pk, "verslag")
