"""Figures screens for the coordinator: the uniform figures of a programme per year, and the export download."""

import csv
import datetime
import io
import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.utils.translation import gettext

from clients.selectors import deelnemers_visible_to
from rapportage import cijfers as figuren
from rapportage.cijfers import alle_cijfers, periode_van_jaar
from rapportage.cijfers.basis import een_doorgang
from rapportage.cijfers.doorgang import VIJF
from rapportage.models import Verslagperiode
from rapportage.selectors.dataset import uniforme_dataset
from rapportage.uitwisseling.exporteren import geschiedenis_exporteren
from rapportage.xlsx import werkboek
from uitstap.audit import Actie, audit_log
from uitstap.codes import (
    Branche,
    Fase,
    Gender,
    Herkomst,
    IntakeBesluit,
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
    juridisch = {**dict(JuridischeCategorie.choices), "onbekend": gettext("Onbekend")}
    signalen = {"ja": gettext("Ja"), "nee": gettext("Nee")}
    return [
        (gettext("Gender"), _rijen(groepen["gender"], Gender)),
        (gettext("Leeftijdsgroep"), _rijen(groepen["leeftijdsgroep"], Leeftijdsgroep)),
        (gettext("Juridische categorie"), [(juridisch[k], n) for k, n in groepen["juridische_categorie"].items()]),
        (gettext("Sector"), _rijen(groepen["sector"], Sector)),
        (gettext("Herkomst"), _rijen(groepen["herkomst"], Herkomst)),
        (gettext("Signalen van mensenhandel"), [(signalen[k], n) for k, n in groepen["signalen_mensenhandel"].items()]),
    ]


def _tabellen(c: dict) -> dict:
    """The figures arranged for the page: labels from the code lists, in the order of DEFINITIONS.md."""
    leefgebied = dict(Leefgebied.choices)
    soort = dict(KetenpartnerSoort.choices)
    return {
        "plan": [
            (gettext("Deelnemers (verwacht / ingestroomd)"), c["verwacht_deelnemers"], c["ingestroomd"], False),
            (gettext("Intakes (begroot / gehouden)"), c["intakes_begroot"], c["intakes_gehouden"], False),
            (gettext("Geld (begroting / uitgaven)"), c["begroting"], c["uitgaven"], True),
        ],
        "instroom": [
            (gettext("Aanmeldingen"), c["aanmeldingen"]),
            (gettext("Intakes gehouden"), c["intakes_gehouden"]),
            (gettext("Ingestroomd"), c["ingestroomd"]),
            (gettext("waarvan herinstroom"), c["herinstroom"]),
            (gettext("Actief in de periode"), c["actief_in_periode"]),
            (gettext("Nog in traject op de einddatum"), c["in_traject_op_einddatum"]),
        ],
        "fasen": _rijen(c["per_fase_op_einddatum"], Fase),
        "uitstroom": [
            (gettext("Uitgestapt"), c["uitgestapt"]),
            (gettext("Tussentijds gestopt"), c["tussentijds_gestopt"]),
            (gettext("Terugval (gemeld in de periode)"), c["terugval"]),
            (gettext("Duurzaam uitgestapt (12 maanden na uitstroom geen terugval)"), c["duurzaam_uitgestapt_12m"]),
            (gettext("Terugval binnen 12 maanden na uitstroom"), c["terugval_binnen_12m"]),
        ],
        "resultaat": _rijen(c["uitgestapt_per_resultaat"], UitstroomResultaat),
        "branche": _rijen(c["uitgestapt_per_branche"], Branche),
        "reden": _rijen(c["gestopt_per_reden"], Stopreden),
        "plannen": [
            (gettext("Trajectplannen opgesteld"), c["trajectplannen_opgesteld"]),
            (gettext("Trajectplannen ondertekend"), c["trajectplannen_ondertekend"]),
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
            (gettext("Contactmomenten gehouden"), c["contactmomenten_gehouden"]),
            (gettext("Contacturen"), c["contacturen"]),
            (gettext("Niet verschenen"), c["niet_verschenen"]),
        ],
        # Figures for the verslag (second set).
        "intakes": _rijen(c["intakes_per_besluit"], IntakeBesluit),
        "gestopt_fase": _rijen(c["gestopt_per_fase"], Fase),
        "doorlooptijden": [
            (gettext("Aanmelding tot instroom"), c["doorlooptijden"]["aanmelding_tot_instroom"]),
            (gettext("Instroom tot ondertekend trajectplan"), c["doorlooptijden"]["instroom_tot_ondertekend_plan"]),
            (gettext("Instroom tot uitstroom"), c["doorlooptijden"]["instroom_tot_uitstroom"]),
        ],
        "nacontrole": [
            (gettext("Bevestigd uitgestapt"), c["nacontrole_12m"]["bevestigd_uitgestapt"]),
            (gettext("Teruggevallen"), c["nacontrole_12m"]["teruggevallen"]),
            (gettext("Onbekend (geen nacontrole)"), c["nacontrole_12m"]["onbekend"]),
        ],
        "woongemeente": [
            ({"buiten_regio": gettext("Buiten de regio"), "onbekend": gettext("Onbekend")}.get(naam, naam), [v[k] for k in VIJF])
            for naam, v in c["per_woongemeente"].items()
        ],
        "organisatie": [(naam, [v[k] for k in VIJF]) for naam, v in c["per_organisatie"].items()],
    }


def _vijf_vragen(programma, van, tot, verwacht) -> dict:
    """The CCV questions over [van, tot] (for the period before the chosen one): four figures of one pass over the
    trajecten, so inside one een_doorgang (alone each would make that pass)."""
    with een_doorgang():
        return {
            "verwacht_deelnemers": verwacht,
            "ingestroomd": figuren.ingestroomd(programma, van, tot),
            "uitgestapt": figuren.uitgestapt(programma, van, tot),
            "tussentijds_gestopt": figuren.tussentijds_gestopt(programma, van, tot),
            "in_traject_op_einddatum": figuren.in_traject_op_einddatum(programma, van, tot),
        }


def _kopcijfers(c: dict, vorige: dict | None) -> list[dict]:
    cum = c["cumulatief"]
    labels = (
        ("verwacht_deelnemers", gettext("Verwacht"), None),
        ("ingestroomd", gettext("Ingestroomd"), cum["ingestroomd"]),
        ("uitgestapt", gettext("Uitgestapt"), cum["uitgestapt"]),
        ("tussentijds_gestopt", gettext("Tussentijds gestopt"), cum["tussentijds_gestopt"]),
        ("in_traject_op_einddatum", gettext("Nog in traject"), cum["lopend"]),
    )
    return [{"sleutel": k, "label": label, "waarde": c[k], "cumulatief": cumulatief,
             "vorige": vorige[k] if vorige else None} for k, label, cumulatief in labels]


@rol_vereist(Rol.COORDINATOR)
@require_GET
def cijfers(request):
    """The dashboard: the five questions first (period, cumulative, the period before), then every figure.

    The period is a calendar year (from the programme's start) or a reporting period of its beschikking.
    """
    programmas = list(programmas_of(request.user).order_by("naam"))
    vandaag = datetime.date.today()
    context = {"programmas": programmas, "breadcrumbs": [(gettext("Cijfers"), None)]}
    if not programmas:
        return render(request, "rapportage/cijfers.html", context)
    slug = request.GET.get("programma") or programmas[0].slug
    programma = next((p for p in programmas if p.slug == slug), None)
    if programma is None:
        raise Http404(gettext("Onbekend programma."))
    eerste_jaar = max(programma.startdatum.year, 2000)
    jaren = list(range(max(vandaag.year, eerste_jaar), eerste_jaar - 1, -1))
    perioden = list(
        Verslagperiode.objects.filter(beschikking__programma=programma).select_related("beschikking")
        .order_by("beschikking__startdatum", "nummer")
    )
    periode = next((p for p in perioden if str(p.pk) == request.GET.get("periode", "")), None)
    if periode is not None:
        van, tot, jaar = periode.van, periode.tot, periode.van.year
        titel = f"{periode.beschikking.nummer} {periode}"
        eerder = next((p for p in perioden if p.beschikking_id == periode.beschikking_id and p.nummer == periode.nummer - 1), None)
        vorige = _vijf_vragen(programma, eerder.van, eerder.tot, eerder.plan_deelnemers) if eerder else None
        vorige_titel = str(eerder) if eerder else ""
    else:
        try:
            jaar = int(request.GET.get("jaar") or vandaag.year)
        except ValueError:
            jaar = vandaag.year
        if jaar not in jaren:
            jaar = jaren[0]
        van, tot = periode_van_jaar(jaar)
        titel = str(jaar)
        vorige = None
        if jaar - 1 >= eerste_jaar:
            v_van, v_tot = periode_van_jaar(jaar - 1)
            vorige = _vijf_vragen(programma, v_van, v_tot, figuren.verwacht_deelnemers(programma, v_van, v_tot, jaar=jaar - 1))
        vorige_titel = str(jaar - 1)
    c = alle_cijfers(programma, van, tot, jaar=jaar)
    if periode is not None:
        c["verwacht_deelnemers"] = periode.plan_deelnemers
    context |= {
        "programma": programma, "jaar": jaar, "jaren": jaren, "perioden": perioden, "periode": periode, "titel": titel,
        "van": van, "tot": tot, "cijfers": c, "t": _tabellen(c), "kop": _kopcijfers(c, vorige),
        "vorige_titel": vorige_titel,
        "vijf_labels": (gettext("Aanmeldingen"), gettext("Ingestroomd"), gettext("Uitgestapt"), gettext("Tussentijds gestopt"), gettext("In traject op einddatum")),
    }
    return render(request, "rapportage/cijfers.html", context)


@rol_vereist(Rol.COORDINATOR)
@require_GET
def export(request, slug):
    """The programme's history as an `uitstap-import/1` file; every download is in the audit log."""
    programma = get_object_or_404(programmas_of(request.user), slug=slug)
    data = geschiedenis_exporteren(programma=programma, door=request.user, deelnemers=deelnemers_visible_to(request.user))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    bestand = f"{programma.slug}-uitstap-import-{datetime.date.today():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{bestand}"'
    response["Cache-Control"] = "no-store"
    return response


@rol_vereist(Rol.COORDINATOR)
@require_GET
def dataset(request, slug):
    """The uniform dataset (one row per traject, pseudonymous) as CSV or XLSX; every download is in the audit log."""
    programma = get_object_or_404(programmas_of(request.user), slug=slug)
    formaat = request.GET.get("formaat", "csv")
    if formaat not in ("csv", "xlsx"):
        raise Http404(gettext("Onbekend formaat."))
    kolommen, rijen, clientcodes = uniforme_dataset(programma, deelnemers_visible_to(request.user))
    audit_log(
        actie=Actie.EXPORT, gebruiker=request.user, object_type="dataset", object_id=str(programma.pk),
        clientcodes=clientcodes, grondslag="coordinator",
    )
    bestand = f"{programma.slug}-dataset-{datetime.date.today():%Y%m%d}.{formaat}"
    if formaat == "xlsx":
        inhoud = werkboek([("Dataset", list(kolommen), rijen)])
        response = HttpResponse(inhoud, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        uit = io.StringIO()
        schrijver = csv.writer(uit, delimiter=";")
        schrijver.writerow(kolommen)
        schrijver.writerows(rijen)
        response = HttpResponse("\ufeff" + uit.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestand}"'
    response["Cache-Control"] = "no-store"
    return response
