"""The coordinator's list of likely duplicates, the confirmed samenvoegen of two dossiers, and "geen duplicaat"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django.utils.translation import gettext, gettext_lazy

from clients import samenvoegen as samenvoegen_service
from clients.access import deelnemer_or_404, log_list
from clients.avg import eigen_records
from clients.selectors import duplicaat_kandidaten, duplicaat_paren, duplicaat_redenen, is_geen_duplicaat, naam_sleutel
from clients.selectors import Reden
from trajecten.forms import SamenvoegenForm
from uitstap.codes import Rol
from uitstap.forms import add_errors
from uitstap.locking import Conflict
from uitstap.permissions import rol_vereist

PER_PAGINA = 25
GEWIJZIGD = (gettext_lazy("Een van de twee dossiers is intussen gewijzigd. Bekijk de gegevens hieronder opnieuw en bevestig "
             "het samenvoegen nog een keer."))


@rol_vereist(Rol.COORDINATOR)
def duplicaten(request):
    """Pairs of participants in the coordinator's programmes who may be one person."""
    page = Paginator(duplicaat_kandidaten(request.user), PER_PAGINA).get_page(request.GET.get("pagina"))
    paren = duplicaat_paren(request.user, kandidaten=page.object_list)
    log_list(request, [d for paar in paren for d in (paar.a, paar.b)], object_type="duplicaten")
    return render(request, "trajecten/duplicaten.html", {"page": page, "paren": paren})


def _dossier_overzicht(deelnemer) -> dict:
    """What the confirmation page shows of one dossier: the identifying facts, the trajecten, what moves."""
    return {
        "d": deelnemer,
        "trajecten": list(deelnemer.trajecten.order_by("aanmelddatum", "id")),
        "records": [(str(model._meta.verbose_name_plural), n) for model, qs in eigen_records(deelnemer)
                    if (n := qs.count())],
    }


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def samenvoegen(request, pk, ander_pk):
    """Both dossiers side by side; the coordinator chooses which stays and confirms."""
    # One read event per participant shown (the same one twice is one read; the page then says no).
    a = deelnemer_or_404(request, pk, object_type="samenvoegen")
    b = a if ander_pk == pk else deelnemer_or_404(request, ander_pk, object_type="samenvoegen")
    form = SamenvoegenForm(request.POST or None, a=a, b=b)
    bezwaren = samenvoegen_service.samenvoegen_bezwaren(blijft=a, vervalt=b, door=request.user)
    if request.method == "POST" and not bezwaren and form.is_valid():
        keuze = form.cleaned_data["blijft"]
        if keuze not in (a.pk, b.pk):
            form.add_error("blijft", gettext("Kies een van de twee dossiers."))
        else:
            blijft, vervalt = (a, b) if keuze == a.pk else (b, a)
            versies = {a.pk: form.cleaned_data["versie_a"], b.pk: form.cleaned_data["versie_b"]}
            try:
                samenvoegen_service.deelnemers_samenvoegen(
                    blijft=blijft, vervalt=vervalt, versie_blijft=versies[blijft.pk],
                    versie_vervalt=versies[vervalt.pk], door=request.user)
            except Conflict:
                # The page shows both dossiers as they are now; confirming again is a knowing choice.
                a.refresh_from_db()
                b.refresh_from_db()
                form.data = form.data.copy()
                form.data["versie_a"], form.data["versie_b"] = a.versie, b.versie
                form.add_error(None, GEWIJZIGD)
            except ValidationError as e:
                add_errors(form, e)
            else:
                messages.success(request, gettext("%(vervalt)s is samengevoegd met %(blijft)s.") % {"vervalt": vervalt.clientcode, "blijft": blijft.clientcode})
                return redirect("trajecten:dossier", pk=blijft.pk)
    redenen = duplicaat_redenen(b, bsn=a.bsn, naam=naam_sleutel(a.roepnaam), geboortejaar=a.geboortejaar,
                                herkomstland=a.herkomstland) if a.pk != b.pk else ()
    return render(request, "trajecten/samenvoegen.html", {
        "form": form, "bezwaren": bezwaren, "a": a, "b": b,
        "dossiers": [_dossier_overzicht(a), _dossier_overzicht(b)] if a.pk != b.pk else [_dossier_overzicht(a)],
        "redenen": [str(Reden.LABELS[r]) for r in redenen],
        "aanvulling_a": samenvoegen_service.aanvulling_labels(blijft=a, vervalt=b),
        "aanvulling_b": samenvoegen_service.aanvulling_labels(blijft=b, vervalt=a),
        "geen_duplicaat": is_geen_duplicaat(a, b),
        "submit_label": gettext("Samenvoegen"),
        "breadcrumbs": [(gettext("Mogelijke duplicaten"), reverse("trajecten:duplicaten")), (gettext("Samenvoegen"), None)],
    }, status=400 if form.errors else 200)


@rol_vereist(Rol.COORDINATOR)
@require_POST
def geen_duplicaat(request, pk, ander_pk):
    """The coordinator says these two are different people; the pair leaves the list."""
    a = deelnemer_or_404(request, pk, object_type="geen_duplicaat")
    b = deelnemer_or_404(request, ander_pk, object_type="geen_duplicaat")
    try:
        samenvoegen_service.geen_duplicaat_vastleggen(deelnemer=a, ander=b, door=request.user)
    except ValidationError as e:
        for melding in e.messages:
            messages.error(request, melding)
    else:
        messages.success(request, gettext("Vastgelegd: %(a)s en %(b)s zijn verschillende personen.") % {"a": a.clientcode, "b": b.clientcode})
    return redirect("trajecten:duplicaten")
