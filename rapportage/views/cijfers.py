"""Figures screens for the coordinator: the uniform figures of a programme per year, and the export download."""

import datetime
import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from clients.selectors import deelnemers_visible_to
from rapportage.cijfers import alle_cijfers, periode_van_jaar
from rapportage.uitwisseling.exporteren import programma_exporteren
from uitstap.audit import Actie, audit_log
from uitstap.codes import (
    Branche,
    Fase,
    Gender,
    Herkomst,
    JuridischeCategorie,
    KetenpartnerSoort,
    Leefgebied,
    Leeftijdsgroep,
    Rol,
    Sector,
    Stopreden,
    UitstroomResultaat,
)
from uitstap.permissions import rol_vereist
from uitstap.selectors import programmas_of


def _rijen(telling: dict, keuzes) -> list[tuple[str, object]]:
    labels = dict(keuzes.choices)
    return [(labels.get(code, code), n) for code, n in telling.items()]


def _doelgroep(groepen: dict) -> list[tuple[str, list]]:
    juridisch = {**dict(JuridischeCategorie.choices), "onbekend": "Onbekend"}
    signalen = {"ja": "Ja", "nee": "Nee"}
    return [
        ("Gender", _rijen(groepen["gender"], Gender)),
        ("Leeftijdsgroep", _rijen(groepen["leeftijdsgroep"], Leeftijdsgroep)),
        ("Juridische categorie", [(juridisch[k], n) for k, n in groepen["juridische_categorie"].items()]),
        ("Sector", _rijen(groepen["sector"], Sector)),
        ("Herkomst", _rijen(groepen["herkomst"], Herkomst)),
        ("Signalen van mensenhandel", [(signalen[k], n) for k, n in groepen["signalen_mensenhandel"].items()]),
    ]


def _tabellen(c: dict) -> dict:
    """The figures arranged for the page: labels from the code lists, in the order of DEFINITIONS.md."""
    leefgebied = dict(Leefgebied.choices)
    soort = dict(KetenpartnerSoort.choices)
    return {
        "plan": [
            ("Deelnemers (verwacht / ingestroomd)", c["verwacht_deelnemers"], c["ingestroomd"], False),
            ("Intakes (begroot / gehouden)", c["intakes_begroot"], c["intakes_gehouden"], False),
            ("Geld (begroting / uitgaven)", c["begroting"], c["uitgaven"], True),
        ],
        "instroom": [
            ("Aanmeldingen", c["aanmeldingen"]),
            ("Intakes gehouden", c["intakes_gehouden"]),
            ("Ingestroomd", c["ingestroomd"]),
            ("waarvan herinstroom", c["herinstroom"]),
            ("Actief in de periode", c["actief_in_periode"]),
            ("Nog in traject op de einddatum", c["in_traject_op_einddatum"]),
        ],
        "fasen": _rijen(c["per_fase_op_einddatum"], Fase),
        "uitstroom": [
            ("Uitgestapt", c["uitgestapt"]),
            ("Tussentijds gestopt", c["tussentijds_gestopt"]),
            ("Terugval (gemeld in de periode)", c["terugval"]),
            ("Duurzaam uitgestapt (12 maanden na uitstroom geen terugval)", c["duurzaam_uitgestapt_12m"]),
            ("Terugval binnen 12 maanden na uitstroom", c["terugval_binnen_12m"]),
        ],
        "resultaat": _rijen(c["uitgestapt_per_resultaat"], UitstroomResultaat),
        "branche": _rijen(c["uitgestapt_per_branche"], Branche),
        "reden": _rijen(c["gestopt_per_reden"], Stopreden),
        "plannen": [
            ("Trajectplannen opgesteld", c["trajectplannen_opgesteld"]),
            ("Trajectplannen ondertekend", c["trajectplannen_ondertekend"]),
        ],
        "doelen": [
            (leefgebied[lg], v["gesteld"], v["behaald"], c["leefgebied_voortgang"][lg]["trajecten"],
             c["leefgebied_voortgang"][lg]["gemiddelde_verandering"])
            for lg, v in c["doelen_per_leefgebied"].items()
        ],
        "verwijzingen": [
            (soort[s], v["verwezen"], v["gestart"], v["mediane_wachttijd_dagen"])
            for s, v in c["verwijzingen_per_soort"].items()
        ],
        "doelgroep": _doelgroep(c["doelgroep_instroom"]),
        "contact": [
            ("Contactmomenten gehouden", c["contactmomenten_gehouden"]),
            ("Contacturen", c["contacturen"]),
            ("Niet verschenen", c["niet_verschenen"]),
        ],
    }


@rol_vereist(Rol.COORDINATOR)
@require_GET
def cijfers(request):
    programmas = list(programmas_of(request.user).order_by("naam"))
    vandaag = datetime.date.today()
    context = {"programmas": programmas, "jaren": list(range(vandaag.year, 2009, -1))}
    if not programmas:
        return render(request, "rapportage/cijfers.html", context)
    slug = request.GET.get("programma") or programmas[0].slug
    programma = next((p for p in programmas if p.slug == slug), None)
    if programma is None:
        raise Http404("Onbekend programma.")
    try:
        jaar = int(request.GET.get("jaar") or vandaag.year)
    except ValueError:
        jaar = vandaag.year
    if not 2000 <= jaar <= 2100:
        jaar = vandaag.year
    van, tot = periode_van_jaar(jaar)
    c = alle_cijfers(programma, van, tot, jaar=jaar)
    context |= {
        "programma": programma, "jaar": jaar, "van": van, "tot": tot, "cijfers": c, "t": _tabellen(c),
        "breadcrumbs": [("Cijfers", None)],
    }
    return render(request, "rapportage/cijfers.html", context)


@rol_vereist(Rol.COORDINATOR)
@require_GET
def export(request, slug):
    """The programme's history as an `uitstap-import/1` file; every download is in the audit log."""
    programma = get_object_or_404(programmas_of(request.user), slug=slug)
    data = programma_exporteren(programma, deelnemers_visible_to(request.user))
    audit_log(
        actie=Actie.EXPORT, gebruiker=request.user, object_type="programma", object_id=str(programma.pk),
        clientcodes=[d["clientcode"] for d in data["deelnemers"]], grondslag="coordinator",
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    bestand = f"{programma.slug}-uitstap-import-{datetime.date.today():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{bestand}"'
    response["Cache-Control"] = "no-store"
    return response
