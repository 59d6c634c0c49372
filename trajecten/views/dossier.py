"""The dossier's tab shell: the summary card and tab bar every dossier view shows, the timeline and contacts tabs.

Every view of a participant's dossier uses `dossier_context`, `broodkruimels` and `form_pagina` from here.
"""


from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from uitstap.links import reverse
from django.utils.translation import gettext, gettext_lazy as _

from clients.access import deelnemer_or_404
from clients.selectors import (
    afspraak_waarschuwingen,
    verboden_contactsoorten,
)
from trajecten import selectors
from trajecten.forms import SnelContactForm
from trajecten.models import Contactmoment
from uitstap.codes import Rol


# --- the dossier ------------------------------------------------------------------------------


TABS = [
    ("tijdlijn", _("Tijdlijn"), "trajecten:dossier"),
    ("trajectplan", _("Trajectplan"), "trajecten:trajectplan"),
    ("contacten", _("Contacten"), "trajecten:contacten"),
    ("leefsituatie", _("Leefsituatie"), "trajecten:leefsituatie"),
    ("verwijzingen", _("Verwijzingen"), "trajecten:verwijzingen"),
    ("documenten", _("Documenten"), "trajecten:documenten"),
    ("toestemmingen", _("Toestemmingen"), "trajecten:toestemmingen"),
    ("veiligheid", _("Veiligheid"), "trajecten:veiligheid"),
    ("gegevens", _("Persoonsgegevens"), "trajecten:persoonsgegevens"),
]


def dossier_deelnemer_or_404(request, pk, **kwargs):
    """`deelnemer_or_404` that loads the summary card's state (selectors.dossier_stand) in the same query, so
    `dossier_context` need not load the participant again."""
    return deelnemer_or_404(request, pk, annoteren=selectors.dossier_stand, **kwargs)


def dossier_context(request, deelnemer, *, tab: str) -> dict:
    """What every tab of the dossier shows above the tab: the summary card and the tab bar (for a participant
    loaded by dossier_deelnemer_or_404)."""
    # `deelnemer` comes from dossier_deelnemer_or_404: it carries the summary card's state (dossier_stand).
    stand, vandaag = deelnemer, deelnemer.stand_op
    trajecten = selectors.trajecten_van(deelnemer)
    traject = trajecten[0] if trajecten else None
    afspraak = selectors.afspraak_van(stand)
    return {
        "deelnemer": deelnemer,
        "stand": stand,
        "signalen": selectors.signalen_voor(stand, vandaag),
        "samenvatting": selectors.samenvatting(stand, vandaag),
        "traject": traject,
        "heeft_overdracht": stand.heeft_overdrachtssamenvatting,
        "overdracht_melding": selectors.overdracht_melding(deelnemer, vandaag) if stand.heeft_overdracht_uit else None,
        "trajecten": trajecten,
        "aantal_trajecten": len(trajecten),
        "tab": tab,
        "tabs": [(key, label, reverse(url, args=[deelnemer.pk])) for key, label, url in TABS],
        "vandaag": vandaag,
        "is_coordinator": request.user.rol == Rol.COORDINATOR,
        "afspraak": afspraak,
        "afspraak_strip": afspraak_waarschuwingen(afspraak),
        "juridische_termijnen": selectors.juridische_termijnen_van(stand, vandaag),
    }


def dossier(request, pk):
    """The participant page: summary on top, timeline of every traject below."""
    deelnemer = dossier_deelnemer_or_404(request, pk)
    context = dossier_context(request, deelnemer, tab="tijdlijn")
    soort = request.GET.get("soort", "")
    context["tijdlijnen"] = [
        (t, selectors.tijdlijn_gefilterd(items, soort)) for t, items in selectors.tijdlijnen(context["trajecten"])
    ]
    context["intakegesprekken"] = selectors.intakegesprekken(context["traject"])
    context["soorten"] = selectors.TIJDLIJN_SOORTEN
    context["soort"] = soort if soort in dict(selectors.TIJDLIJN_SOORTEN) else ""
    context["snel_contact"] = SnelContactForm(verboden=verboden_contactsoorten(context["afspraak"])) if context["traject"] and context["traject"].is_open else None
    return render(request, "trajecten/dossier_tijdlijn.html", context)


def contacten(request, pk):
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="contactmomenten")
    context = dossier_context(request, deelnemer, tab="contacten")
    qs = Contactmoment.objects.filter(traject__deelnemer=deelnemer, foutief_op__isnull=True).select_related(
        "ketenpartner", "door", "traject")
    context["page"] = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    context["snel_contact"] = SnelContactForm(verboden=verboden_contactsoorten(context["afspraak"])) if context["traject"] and context["traject"].is_open else None
    return render(request, "trajecten/dossier_contacten.html", context)



def broodkruimels(request, deelnemer, label):
    eerste = (gettext("Deelnemers"), reverse("trajecten:deelnemers")) if request.user.rol == Rol.COORDINATOR else (
        gettext("Mijn caseload"), reverse("trajecten:caseload"))
    return [eerste, (deelnemer.clientcode, reverse("trajecten:dossier", args=[deelnemer.pk])), (label, None)]


def form_pagina(request, traject, form, title, *, intro="", submit_label=_("Opslaan"), template="form_page.html", extra=None):
    context = {
        "form": form, "title": title, "intro": intro, "submit_label": submit_label,
        "cancel_url": reverse("trajecten:dossier", args=[traject.deelnemer.pk]),
        "breadcrumbs": broodkruimels(request, traject.deelnemer, title), "traject": traject,
        "deelnemer": traject.deelnemer,
    }
    context |= extra or {}
    return render(request, template, context)


def terug_naar_dossier(request, traject, bericht):
    messages.success(request, bericht)
    return redirect("trajecten:dossier", pk=traject.deelnemer.pk)
