"""A slow, literal Python reading of DEFINITIONS.md, used only to cross-check the database figures."""

import datetime
import statistics
from fractions import Fraction

from rapportage.cijfers.basis import afronden, getal
from trajecten.models import Traject
from uitstap.codes import (
    Branche,
    Fase,
    Gender,
    IntakeBesluit,
    Herkomst,
    KetenpartnerSoort,
    Leefgebied,
    Sector,
    Stopreden,
    UitstroomResultaat,
    herkomst_van,
    leeftijdsgroep_van,
)
from uitstap.models import ProgrammaJaar


def _in(d, van, tot):
    return d is not None and van <= d <= tot


def referentie_cijfers(programma, van, tot) -> dict:
    trajecten = list(
        Traject.objects.filter(deelnemer__programma=programma).select_related("deelnemer")
        .prefetch_related("fase_overgangen", "plannen__doelen", "metingen__scores", "verwijzingen__ketenpartner",
                          "contactmomenten", "terugvallen", "deelnemer__trajecten__terugvallen", "nacontroles")
        .select_related("organisatie", "deelnemer__woongemeente")
    )
    uitstroom = {t.pk: getattr(t, "uitstroom", None) for t in trajecten}
    intake = {t.pk: getattr(t, "intake", None) for t in trajecten}

    def fasen(t):
        return sorted(t.fase_overgangen.all(), key=lambda f: (f.datum, f.pk))

    def instroom(t):
        return min((f.datum for f in fasen(t) if f.fase != Fase.CONTACT), default=None)

    def fase_op(t, d):
        eerder = [f for f in fasen(t) if f.datum <= d]
        return eerder[-1].fase if eerder else Fase.CONTACT

    def open_op(t, d):
        return t.aanmelddatum <= d and (t.einddatum is None or t.einddatum > d)

    ingestroomd = [t for t in trajecten if _in(instroom(t), van, tot)]
    actief = [t for t in trajecten if instroom(t) and instroom(t) <= tot and (t.einddatum is None or t.einddatum >= van)]
    uit = {}
    pj = ProgrammaJaar.objects.filter(programma=programma, jaar=van.year).first()
    for k in ("verwacht_deelnemers", "intakes_begroot", "begroting", "uitgaven"):
        uit[k] = getal(getattr(pj, k)) if pj else None
    uit["aanmeldingen"] = sum(_in(t.aanmelddatum, van, tot) for t in trajecten)
    uit["intakes_gehouden"] = sum(1 for t in trajecten if intake[t.pk] and _in(intake[t.pk].datum, van, tot))
    uit["ingestroomd"] = len(ingestroomd)
    uit["herinstroom"] = sum(
        1 for t in ingestroomd
        if any(o.aanmelddatum < t.aanmelddatum and instroom(o) for o in trajecten if o.deelnemer_id == t.deelnemer_id)
    )
    uit["actief_in_periode"] = len(actief)
    uit["in_traject_op_einddatum"] = sum(1 for t in trajecten if instroom(t) and instroom(t) <= tot and open_op(t, tot))
    per_fase = dict.fromkeys(Fase.values, 0)
    for t in trajecten:
        if open_op(t, tot):
            per_fase[fase_op(t, tot)] += 1
    uit["per_fase_op_einddatum"] = per_fase
    uitgestapt = [u for u in uitstroom.values() if u and u.soort == "uitgestapt" and _in(u.datum, van, tot)]
    gestopt = [u for u in uitstroom.values() if u and u.soort == "gestopt" and _in(u.datum, van, tot)]
    uit["uitgestapt"] = len(uitgestapt)
    uit["uitgestapt_per_resultaat"] = {r: sum(u.resultaat == r for u in uitgestapt) for r in UitstroomResultaat.values}
    uit["uitgestapt_per_branche"] = {
        b: sum(u.resultaat == "betaald_werk" and u.branche == b for u in uitgestapt) for b in Branche.values
    }
    uit["tussentijds_gestopt"] = len(gestopt)
    uit["gestopt_per_reden"] = {r: sum(u.reden == r for u in gestopt) for r in Stopreden.values}
    uit["terugval"] = sum(_in(tv.datum, van, tot) for t in trajecten for tv in t.terugvallen.all())
    jaar = datetime.timedelta(days=365)
    cohort = [(t, u) for t in trajecten if (u := uitstroom[t.pk]) and u.soort == "uitgestapt" and _in(u.datum + jaar, van, tot)]

    def teruggevallen(t, u):
        return any(u.datum <= tv.datum <= u.datum + jaar
                   for o in t.deelnemer.trajecten.all() for tv in o.terugvallen.all())

    uit["duurzaam_uitgestapt_12m"] = sum(not teruggevallen(t, u) for t, u in cohort)
    uit["terugval_binnen_12m"] = sum(teruggevallen(t, u) for t, u in cohort)

    def plannen(t):
        return sorted(t.plannen.all(), key=lambda p: p.volgnummer)

    uit["trajectplannen_opgesteld"] = sum(1 for t in trajecten if plannen(t) and _in(plannen(t)[0].opgesteld_op, van, tot))
    uit["trajectplannen_ondertekend"] = sum(
        1 for t in trajecten if _in(min((p.ondertekend_op for p in plannen(t) if p.ondertekend_op), default=None), van, tot)
    )
    doelen = {lg: {"gesteld": 0, "behaald": 0} for lg in Leefgebied.values}
    for t in trajecten:
        if not plannen(t):
            continue
        alle = [g for p in plannen(t) for g in p.doelen.all() if g.ouder_id is None]
        gekopieerd = {g.oorsprong_id for g in alle if g.oorsprong_id}
        for g in alle:
            if g.oorsprong_id is None:  # the start of a chain of copies: set once
                doelen[g.leefgebied]["gesteld"] += _in(g.gesteld_op or plannen(t)[0].opgesteld_op, van, tot)
            if g.pk not in gekopieerd:  # the end of the chain: achieved once
                doelen[g.leefgebied]["behaald"] += _in(g.behaald_op, van, tot)
    uit["doelen_per_leefgebied"] = doelen
    voortgang = {}
    for lg in Leefgebied.values:
        verschillen = []
        for t in actief:
            scores = [(m.datum, m.pk, s.score) for m in t.metingen.all() if m.datum <= tot
                      for s in m.scores.all() if s.leefgebied == lg]
            if len(scores) >= 2:
                scores.sort()
                verschillen.append(scores[-1][2] - scores[0][2])
        voortgang[lg] = {
            "trajecten": len(verschillen),
            "gemiddelde_verandering": getal(afronden(Fraction(sum(verschillen), len(verschillen)), 2)) if verschillen else None,
        }
    uit["leefgebied_voortgang"] = voortgang
    verwijzingen = [v for t in trajecten for v in t.verwijzingen.all()]
    per_soort = {}
    for soort in KetenpartnerSoort.values:
        eigen = [v for v in verwijzingen if v.ketenpartner.soort == soort]
        wachten = [(v.gestart - v.verwezen).days for v in eigen if _in(v.gestart, van, tot)]
        per_soort[soort] = {
            "verwezen": sum(_in(v.verwezen, van, tot) for v in eigen),
            "gestart": len(wachten),
            "mediane_wachttijd_dagen": getal(Fraction(statistics.median(wachten)).limit_denominator(2)) if wachten else None,
        }
    uit["verwijzingen_per_soort"] = per_soort
    groepen = {
        "gender": dict.fromkeys(Gender.values, 0), "leeftijdsgroep": {}, "juridische_categorie": {},
        "sector": dict.fromkeys(Sector.values, 0), "herkomst": dict.fromkeys(Herkomst.values, 0),
        "signalen_mensenhandel": {"ja": 0, "nee": 0},
    }
    groepen["leeftijdsgroep"] = {k: 0 for k in ("t/m 23", "24-29", "30-39", "40+", "onbekend")}
    groepen["juridische_categorie"] = {k: 0 for k in ("1", "2", "3", "onbekend")}
    for t in ingestroomd:
        d = t.deelnemer
        groepen["gender"][d.gender if d.gender in Gender.values else "onbekend"] += 1
        groepen["leeftijdsgroep"][leeftijdsgroep_van(instroom(t).year, d.geboortejaar)] += 1
        groepen["juridische_categorie"][d.juridische_categorie or "onbekend"] += 1
        groepen["sector"][d.sector if d.sector in Sector.values else "onbekend"] += 1
        groepen["herkomst"][herkomst_van(d.herkomstland)] += 1
        groepen["signalen_mensenhandel"]["ja" if d.signalen_mensenhandel else "nee"] += 1
    uit["doelgroep_instroom"] = groepen
    contacten = [c for t in trajecten for c in t.contactmomenten.all() if _in(c.datum, van, tot)]
    gehouden = [c for c in contacten if c.status == "gehouden"]
    uit["contactmomenten_gehouden"] = len(gehouden)
    uit["contacturen"] = getal(afronden(Fraction(sum(c.duur_minuten or 0 for c in gehouden), 60), 1))
    uit["niet_verschenen"] = sum(c.status == "niet_verschenen" for c in contacten)
    uitgaven = pj.uitgaven if pj else None
    uit["kosten_per_actieve_deelnemer"] = (
        getal(afronden(Fraction(uitgaven) / len(actief), 0)) if uitgaven and actief else None
    )

    # Figures for the verslag (second set).
    tot_p = [t for t in trajecten if instroom(t) and instroom(t) <= tot]

    def uit_tot(t, soort):
        u = uitstroom[t.pk]
        return u is not None and u.soort == soort and u.datum <= tot

    uit["cumulatief"] = {
        "ingestroomd": len(tot_p),
        "uitgestapt": sum(uit_tot(t, "uitgestapt") for t in tot_p),
        "tussentijds_gestopt": sum(uit_tot(t, "gestopt") for t in tot_p),
        "lopend": sum(1 for t in tot_p if not (uitstroom[t.pk] and uitstroom[t.pk].datum <= tot)),
    }
    uit["afgesloten_zonder_instroom"] = sum(1 for t in trajecten if _in(t.einddatum, van, tot) and instroom(t) is None)
    uit["intakes_per_besluit"] = {
        b: sum(1 for t in trajecten if intake[t.pk] and intake[t.pk].besluit == b and _in(intake[t.pk].datum, van, tot))
        for b in IntakeBesluit.values
    }
    uit["gestopt_per_fase"] = {f: 0 for f in Fase.values}
    for t in trajecten:
        u = uitstroom[t.pk]
        if u and u.soort == "gestopt" and _in(u.datum, van, tot):
            uit["gestopt_per_fase"][fase_op(t, u.datum)] += 1

    def mediaan(waarden):
        return getal(Fraction(statistics.median(waarden)).limit_denominator(2)) if waarden else None

    def ondertekend(t):
        return min((p.ondertekend_op for p in plannen(t) if p.ondertekend_op), default=None)

    uit["doorlooptijden"] = {
        "aanmelding_tot_instroom": mediaan([(instroom(t) - t.aanmelddatum).days for t in ingestroomd]),
        "instroom_tot_ondertekend_plan": mediaan(
            [(ondertekend(t) - instroom(t)).days for t in trajecten if _in(ondertekend(t), van, tot) and instroom(t)]
        ),
        "instroom_tot_uitstroom": mediaan(
            [(u.datum - instroom(t)).days for t in trajecten if (u := uitstroom[t.pk]) and _in(u.datum, van, tot)
             and instroom(t)]
        ),
    }

    def vijf(groep):
        return {
            "aanmeldingen": sum(_in(t.aanmelddatum, van, tot) for t in groep),
            "ingestroomd": sum(_in(instroom(t), van, tot) for t in groep),
            "uitgestapt": sum(1 for t in groep if (u := uitstroom[t.pk]) and u.soort == "uitgestapt" and _in(u.datum, van, tot)),
            "tussentijds_gestopt": sum(1 for t in groep if (u := uitstroom[t.pk]) and u.soort == "gestopt" and _in(u.datum, van, tot)),
            "in_traject_op_einddatum": sum(1 for t in groep if instroom(t) and instroom(t) <= tot and open_op(t, tot)),
        }

    namen = [g.naam for g in programma.gemeenten.all()]

    def woon(t):
        g = t.deelnemer.woongemeente
        if g is None or not g.naam:
            return "onbekend"
        return g.naam if g.naam in namen else "buiten_regio"

    uit["per_woongemeente"] = {
        naam: vijf([t for t in trajecten if woon(t) == naam]) for naam in sorted(namen) + ["buiten_regio", "onbekend"]
    }
    uit["per_organisatie"] = {
        o.naam: vijf([t for t in trajecten if t.organisatie_id == o.pk]) for o in programma.organisaties.order_by("naam")
    }
    nacontrole = {"bevestigd_uitgestapt": 0, "teruggevallen": 0, "onbekend": 0}
    for t, u in cohort:
        checks = sorted((n for n in t.nacontroles.all() if n.termijn == "12m" and n.datum <= tot),
                        key=lambda n: (n.datum, n.aangemaakt_op, n.pk))
        laatste = checks[-1].uitkomst if checks else None
        if teruggevallen(t, u) or laatste == "teruggevallen":
            nacontrole["teruggevallen"] += 1
        elif laatste == "uitgestapt_gebleven":
            nacontrole["bevestigd_uitgestapt"] += 1
        else:
            nacontrole["onbekend"] += 1
    uit["nacontrole_12m"] = nacontrole
    return uit
