"""Reads for the verslag: the data object the PDF template renders, from live figures or from a frozen verslag.

`verslag_gegevens` returns plain JSON-able data (numbers, strings, lists): finalising stores exactly
this, so a definitief verslag is rendered from what was frozen. It holds no names, clientcodes or
dates of birth: only counts, medians and the programme's own data.
"""

import datetime
from decimal import Decimal
from fractions import Fraction

from rapportage import cijfers as figuren
from rapportage.cijfers import alle_cijfers
from rapportage.cijfers.basis import afronden, een_doorgang, getal
from rapportage.cijfers.verslag import aanmeldingen_per_verwijzer
from rapportage.models import ACCOUNTANTSVERKLARING_VANAF, Begrotingspost, Beschikking, Jaarverslag, Verslagperiode

# The five questions of the CCV evaluation (ch. 5) and the keys that answer them (DEFINITIONS.md).
CCV_VRAGEN = (
    ("verwacht_deelnemers", "Verwacht aantal deelnemers"),
    ("ingestroomd", "Ingestroomd"),
    ("uitgestapt", "Effectief uitgestroomd (uitgestapt)"),
    ("tussentijds_gestopt", "Tussentijds gestopt"),
    ("in_traject_op_einddatum", "Nog in traject op de einddatum"),
)

# Keys that are not counts: never suppressed in the extern variant.
GEEN_TELLING = {
    "verwacht_deelnemers", "intakes_begroot", "begroting", "uitgaven", "kosten_per_actieve_deelnemer", "contacturen",
    "doorlooptijden", "mediane_wachttijd_dagen", "gemiddelde_verandering",
}
ONDERDRUKT = "<5"


def _is_telling(waarde) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _aanvullend_onderdrukken(verdeling: dict) -> dict:
    """Secondary suppression: in a breakdown (a dict of counts only) whose total is printed elsewhere, one
    hidden cell could be recomputed from the total and the others. So when exactly one cell is "<5", the
    smallest other non-zero cell is hidden too."""
    waarden = list(verdeling.values())
    if not waarden or not all(_is_telling(v) or v == ONDERDRUKT for v in waarden):
        return verdeling
    if sum(1 for v in waarden if v == ONDERDRUKT) != 1:
        return verdeling
    open_cellen = [(v, k) for k, v in verdeling.items() if _is_telling(v) and v > 0]
    if not open_cellen:
        return verdeling
    _, kleinste = min(open_cellen)
    return {k: (ONDERDRUKT if k == kleinste else v) for k, v in verdeling.items()}


def onderdrukken(waarde, sleutel: str = ""):
    """The extern variant: every count of 1-4 becomes "<5" (zero and 5+ stay), recursively; non-counts are
    kept. A breakdown with exactly one hidden cell gets a second one (`_aanvullend_onderdrukken`)."""
    if sleutel in GEEN_TELLING:
        return waarde
    if isinstance(waarde, dict):
        return _aanvullend_onderdrukken({k: onderdrukken(v, k) for k, v in waarde.items()})
    if isinstance(waarde, list):
        return [onderdrukken(v, sleutel) for v in waarde]
    if isinstance(waarde, int) and not isinstance(waarde, bool) and 1 <= waarde <= 4:
        return ONDERDRUKT
    return waarde


def _bedrag(waarde) -> float | int | None:
    return getal(Decimal(waarde)) if waarde is not None else None


def _periode_dict(p: Verslagperiode) -> dict:
    return {"nummer": p.nummer, "van": p.van.isoformat(), "tot": p.tot.isoformat()}


def _plan_regels(perioden: list[Verslagperiode], huidig: Verslagperiode | None, c: dict, cum: dict) -> list[dict]:
    """Plan vs actual: plan of the period, actual in it, plan and actual cumulative, the difference."""
    tot_nu = [p for p in perioden if huidig is None or p.nummer <= huidig.nummer]

    def plan_som(veld):
        waarden = [getattr(p, veld) for p in tot_nu]
        if all(w is None for w in waarden):
            return None
        return _bedrag(sum((Decimal(w) for w in waarden if w is not None), Decimal(0)))

    def plan(veld):
        if huidig is None:
            return plan_som(veld)
        return _bedrag(getattr(huidig, veld))

    regels = [
        ("Deelnemers (ingestroomd)", "plan_deelnemers", c["ingestroomd"], cum["ingestroomd"]),
        ("Intakes", "plan_intakes", c["intakes_gehouden"], cum["intakes_gehouden"]),
        ("Trajectplannen opgesteld", "plan_trajectplannen", c["trajectplannen_opgesteld"], cum["trajectplannen_opgesteld"]),
        ("Uitstroom (uitgestapt)", "plan_uitstroom", c["uitgestapt"], cum["uitgestapt"]),
        ("Uitstroom naar betaald werk", "plan_betaald_werk", c["uitgestapt_per_resultaat"]["betaald_werk"],
         cum["uitgestapt_per_resultaat"]["betaald_werk"]),
    ]
    uit = []
    for label, veld, werkelijk, werkelijk_cum in regels:
        p, p_cum = plan(veld), plan_som(veld)
        uit.append({"label": label, "plan": p, "werkelijk": werkelijk, "plan_cumulatief": p_cum,
                    "werkelijk_cumulatief": werkelijk_cum,
                    "verschil": None if p is None else werkelijk - p})
    fte = _bedrag(huidig.werkelijk_fte) if huidig is not None else None
    p_fte = _bedrag(huidig.plan_fte) if huidig is not None else plan_som("plan_fte")
    uit.append({"label": "Fte begeleiding", "plan": p_fte, "werkelijk": fte, "plan_cumulatief": None,
                "werkelijk_cumulatief": None,
                "verschil": None if p_fte is None or fte is None else getal(Decimal(str(fte)) - Decimal(str(p_fte)))})
    return uit


def _financien(beschikking: Beschikking, perioden: list[Verslagperiode], huidig: Verslagperiode | None,
               actief: int, eind: bool) -> dict:
    begroot = dict(beschikking.begroting.values_list("post", "bedrag"))
    tot_nu = [p for p in perioden if huidig is None or p.nummer <= huidig.nummer]
    besteed: dict[str, Decimal] = {post: Decimal(0) for post in Begrotingspost.values}
    deze: dict[str, Decimal] = {post: Decimal(0) for post in Begrotingspost.values}
    for p in tot_nu:
        for b in p.bestedingen.all():
            besteed[b.post] += b.bedrag
            if huidig is not None and p.pk == huidig.pk:
                deze[b.post] += b.bedrag
    if huidig is None:
        deze = dict(besteed)
    posten = []
    for post, label in Begrotingspost.choices:
        b = begroot.get(post, Decimal(0))
        posten.append({"post": post, "label": label, "begroot": _bedrag(b), "periode": _bedrag(deze[post]),
                       "cumulatief": _bedrag(besteed[post]), "resterend": _bedrag(b - besteed[post])})
    totaal_periode = sum(deze.values(), Decimal(0))
    voorschotten = [{"datum": v.datum.isoformat(), "bedrag": _bedrag(v.bedrag)} for v in beschikking.voorschotten.all()]
    uit = {
        "posten": posten,
        "totaal_begroot": _bedrag(sum(begroot.values(), Decimal(0))),
        "totaal_periode": _bedrag(totaal_periode),
        "totaal_cumulatief": _bedrag(sum(besteed.values(), Decimal(0))),
        "cofinanciers": [{"naam": c.naam, "bijdrage": _bedrag(c.bijdrage)} for c in beschikking.cofinanciers.all()],
        "voorschotten": voorschotten,
        "voorschotten_totaal": _bedrag(sum((v.bedrag for v in beschikking.voorschotten.all()), Decimal(0))),
        "kosten_per_actieve_deelnemer": (
            getal(afronden(Fraction(totaal_periode) / actief, 0)) if actief and totaal_periode else None
        ),
    }
    if eind:
        uit["eindafrekening"] = {
            "toegekend": _bedrag(beschikking.bedrag),
            "besteed": uit["totaal_cumulatief"],
            "verschil": _bedrag(beschikking.bedrag - sum(besteed.values(), Decimal(0))),
            "accountantsverklaring_nodig": beschikking.accountantsverklaring_nodig,
            "grens": ACCOUNTANTSVERKLARING_VANAF,
        }
    return uit


# What the verslag shows cumulatively since the grant's start (the five questions and plan against actual).
CUMULATIEF_SLEUTELS = ("ingestroomd", "intakes_gehouden", "trajectplannen_opgesteld", "uitgestapt", "tussentijds_gestopt",
                       "uitgestapt_per_resultaat", "cumulatief")


def _cumulatief_sinds_start(programma, start: datetime.date, tot: datetime.date) -> dict:
    """Only the figures the verslag shows since the start, each by its own selector (not every figure twice)."""
    with een_doorgang():
        return {sleutel: getattr(figuren, sleutel)(programma, start, tot) for sleutel in CUMULATIEF_SLEUTELS}


def verslag_gegevens(verslag: Jaarverslag, *, vandaag: datetime.date | None = None) -> dict:
    """Everything the verslag shows, computed now (a concept) from the figures selectors and the beschikking."""
    beschikking = verslag.beschikking
    programma = beschikking.programma
    perioden = list(beschikking.perioden.prefetch_related("bestedingen").order_by("nummer"))
    huidig = verslag.periode
    van, tot = (huidig.van, huidig.tot) if huidig is not None else (beschikking.startdatum, beschikking.einddatum)
    with een_doorgang():  # the split by verwijzer reads the same pass over the trajecten as alle_cijfers
        c = alle_cijfers(programma, van, tot, jaar=van.year, zij_aan_zij=True)
        c["aanmeldingen_per_verwijzer"] = aanmeldingen_per_verwijzer(programma, van, tot)
    # Since the start = this period when the period starts with the grant (the first verslag): the same
    # selectors over the same days, so the figures already computed.
    if huidig is None:
        cum = c
    elif van == beschikking.startdatum:
        cum = {sleutel: c[sleutel] for sleutel in CUMULATIEF_SLEUTELS}
    else:
        cum = _cumulatief_sinds_start(programma, beschikking.startdatum, tot)
    vorige = next((p for p in perioden if huidig is not None and p.nummer == huidig.nummer - 1), None)
    plan_deelnemers = huidig.plan_deelnemers if huidig is not None else None
    if huidig is None:
        waarden = [p.plan_deelnemers for p in perioden if p.plan_deelnemers is not None]
        plan_deelnemers = sum(waarden) if waarden else None
    ccv = []
    for sleutel, label in CCV_VRAGEN:
        if sleutel == "verwacht_deelnemers":
            waarden = [p.plan_deelnemers for p in perioden if (huidig is None or p.nummer <= huidig.nummer)
                       and p.plan_deelnemers is not None]
            ccv.append({"sleutel": sleutel, "label": label, "periode": plan_deelnemers,
                        "cumulatief": sum(waarden) if waarden else None})
        elif sleutel == "in_traject_op_einddatum":
            ccv.append({"sleutel": sleutel, "label": label, "periode": c[sleutel], "cumulatief": c["cumulatief"]["lopend"]})
        else:
            ccv.append({"sleutel": sleutel, "label": label, "periode": c[sleutel], "cumulatief": cum["cumulatief"][sleutel]
                        if sleutel in cum["cumulatief"] else cum[sleutel]})
    return {
        "soort": verslag.soort,
        "versie": verslag.volgnummer,
        "programma": {
            "naam": programma.naam, "regeling": programma.get_regeling_display(),
            "organisaties": sorted(o.naam for o in programma.organisaties.all()),
            "gemeenten": sorted(g.naam for g in programma.gemeenten.all()),
            "centrumgemeente": programma.centrumgemeente.naam if programma.centrumgemeente_id else None,
        },
        "beschikking": {
            "financier": beschikking.financier, "nummer": beschikking.nummer,
            "startdatum": beschikking.startdatum.isoformat(), "einddatum": beschikking.einddatum.isoformat(),
            "bedrag": _bedrag(beschikking.bedrag), "penvoerder": beschikking.penvoerder.naam,
        },
        "periode": {"nummer": huidig.nummer if huidig else None, "van": van.isoformat(), "tot": tot.isoformat()},
        "vorige_periode": _periode_dict(vorige) if vorige else None,
        "ccv": ccv,
        "cijfers": c,
        "cumulatief_sinds_start": cum,
        "plan": _plan_regels(perioden, huidig, c, cum),
        "financien": _financien(beschikking, perioden, huidig, c["actief_in_periode"], huidig is None),
        "secties": {veld: getattr(verslag, veld) for veld in Jaarverslag.SECTIES},
        "opgesteld_op": (vandaag or datetime.date.today()).isoformat(),
    }


def verslag_voor_weergave(verslag: Jaarverslag) -> dict:
    """A definitief verslag shows what was frozen; a concept is computed now."""
    if verslag.is_definitief and verslag.cijfers:
        return verslag.cijfers
    return verslag_gegevens(verslag)


def verslagen_van(beschikking: Beschikking):
    return beschikking.verslagen.select_related("periode").order_by("periode__nummer", "soort", "-volgnummer")


def beschikkingen_van(programmas):
    return Beschikking.objects.filter(programma__in=programmas).select_related("programma", "penvoerder")


def _datum(tekst):
    return datetime.date.fromisoformat(tekst) if tekst else None


def verslag_context(gegevens: dict, *, extern: bool = False, status: str = "concept", sha256: str = "") -> dict:
    """The template context: the data object (suppressed in the extern variant) plus dates as dates."""
    data = dict(gegevens)
    if extern:
        for sleutel in ("ccv", "cijfers", "cumulatief_sinds_start", "plan"):
            data[sleutel] = onderdrukken(data[sleutel])
    from rapportage.verslag_inhoud import secties_voor

    return {
        "g": data, "extern": extern, "status": status, "sha256": sha256,
        "van": _datum(data["periode"]["van"]), "tot": _datum(data["periode"]["tot"]),
        "start": _datum(data["beschikking"]["startdatum"]), "eind": _datum(data["beschikking"]["einddatum"]),
        "opgesteld_op": _datum(data["opgesteld_op"]),
        "s": secties_voor(data),
    }


def verslag_pdf(gegevens: dict, *, extern: bool = False, status: str = "concept", sha256: str = "") -> tuple[str, bytes]:
    """(html, pdf) of the verslag; tagged (PDF/UA-1) so screen readers can read it."""
    from uitstap.pdf import render_pdf

    return render_pdf("rapportage/pdf/verslag.html", verslag_context(gegevens, extern=extern, status=status, sha256=sha256),
                      pdf_variant="pdf/ua-1")
