"""The coordinator's verslag screens: write the sections, finalise, download the PDF (every download logged)."""

import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rapportage import services
from rapportage.forms import VaststellenForm, VerslagForm
from rapportage.models import Jaarverslag
from rapportage.selectors import verslag_context, verslag_pdf, verslag_voor_weergave
from rapportage.views.beschikking import CONFLICT, beschikking_of_404
from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.forms import schrijf_via_form
from uitstap.locking import Conflict
from uitstap.permissions import rol_vereist
from uitstap.selectors import programmas_of


def verslag_of_404(request, pk) -> Jaarverslag:
    return get_object_or_404(
        Jaarverslag.objects.select_related("beschikking__programma", "periode")
        .filter(beschikking__programma__in=programmas_of(request.user)), pk=pk,
    )


@rol_vereist(Rol.COORDINATOR)
@require_POST
def verslag_nieuw(request, pk):
    b = beschikking_of_404(request, pk)
    periode = None
    if request.POST.get("periode"):
        periode = b.perioden.filter(pk=request.POST["periode"]).first()
        if periode is None:
            raise Http404(_("Onbekende periode."))
    try:
        verslag = services.verslag_aanmaken(beschikking=b, periode=periode, door=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("rapportage:beschikking", b.pk)
    return redirect("rapportage:verslag", verslag.pk)


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def verslag(request, pk):
    v = verslag_of_404(request, pk)
    form = None if v.is_definitief else VerslagForm(request.POST or None, instance=v)
    if request.method == "POST" and form is not None and form.is_valid():
        data = {k: form.cleaned_data[k] for k in Jaarverslag.SECTIES}
        if schrijf_via_form(form, lambda: services.verslag_wijzigen(
                verslag=v, data=data, gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user)):
            messages.success(request, _("Verslag opgeslagen."))
            return redirect("rapportage:verslag", v.pk)
    gegevens = verslag_voor_weergave(v)
    return render(request, "rapportage/verslag.html", {
        "v": v, "form": form, "g": gegevens, "c": verslag_context(gegevens),
        "secties": [(Jaarverslag._meta.get_field(veld).verbose_name, gegevens["secties"].get(veld, ""))
                    for veld in Jaarverslag.SECTIES],
        "vaststellen_form": VaststellenForm(initial={"gelezen_versie": v.versie}),
        "breadcrumbs": [(_("Cijfers"), reverse("rapportage:cijfers")), (_("Beschikkingen"), reverse("rapportage:beschikkingen")),
                        (str(v.beschikking), reverse("rapportage:beschikking", args=[v.beschikking_id])), (str(v), None)],
    })


@rol_vereist(Rol.COORDINATOR)
@require_POST
def verslag_vaststellen(request, pk):
    v = verslag_of_404(request, pk)
    form = VaststellenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vink aan dat je het verslag hebt gelezen om het definitief te maken."))
        return redirect("rapportage:verslag", v.pk)
    try:
        services.verslag_vaststellen(verslag=v, gelezen_versie=form.cleaned_data["gelezen_versie"], door=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    except Conflict:
        messages.error(request, CONFLICT)
    else:
        messages.success(request, _("Het verslag is definitief. De cijfers en de pdf zijn vastgelegd."))
    return redirect("rapportage:verslag", v.pk)


@rol_vereist(Rol.COORDINATOR)
@require_GET
def verslag_download(request, pk):
    """The PDF: the stored one of a definitief verslag, else rendered now; `?extern=1` for publication (<5)."""
    v = verslag_of_404(request, pk)
    extern = request.GET.get("extern") == "1"
    if v.is_definitief and not extern:
        pdf = bytes(v.pdf)
    else:
        _html, pdf = verslag_pdf(verslag_voor_weergave(v), extern=extern, status=v.status,
                                 sha256=v.sha256 if not extern else "")
    audit_log(actie=Actie.PRINT, gebruiker=request.user, obj=v, grondslag="extern" if extern else "financier")
    response = HttpResponse(pdf, content_type="application/pdf")
    slug = re.sub(r"[^A-Za-z0-9_-]", "_", v.beschikking.programma.slug)
    deel = f"periode{v.periode.nummer}" if v.periode_id else "eindverslag"
    response["Content-Disposition"] = (
        f'attachment; filename="verslag-{slug}-{deel}-v{v.volgnummer}{"-extern" if extern else ""}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response


@rol_vereist(Rol.COORDINATOR)
@require_GET
def verslag_voorbeeld(request, pk):
    """DEBUG only: the PDF's HTML in the browser, to work on the layout."""
    if not settings.DEBUG:
        raise Http404
    v = verslag_of_404(request, pk)
    html, _pdf = verslag_pdf(verslag_voor_weergave(v), extern=request.GET.get("extern") == "1", status=v.status)
    return HttpResponse(html)
