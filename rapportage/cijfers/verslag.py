"""The second set of figures for the verslag (DEFINITIONS.md): the table that adds up, splits and durations.

One function per JSON key: cumulatief, afgesloten_zonder_instroom, intakes_per_besluit, gestopt_per_fase,
doorlooptijden, per_woongemeente, per_organisatie, nacontrole_12m; and for the verslag's work per phase only
(not in `rups_verslag --format json`, which keeps the keys of DEFINITIONS.md): aanmeldingen_per_verwijzer.
"""


from django.db.models import Count, Value

from rapportage.cijfers.basis import DagenTussen, mediaan_van_telling, trajecten_van
from rapportage.cijfers.doorgang import VIJF, trajecten_doorgang
from rapportage.cijfers.uitstroom import cohort_12m_per_uitkomst
from trajecten.models import Uitstroom
from uitstap.codes import Fase, IntakeBesluit, NacontroleUitkomst, Verwijzer

BUITEN_REGIO = "buiten_regio"
ONBEKEND = "onbekend"


def cumulatief(programma, van, tot) -> dict:
    """Everyone who ingestroomd by the end of P, split by how they stand on that day: the sum always holds."""
    doorgang = trajecten_doorgang(programma, van, tot)
    rij = {"ingestroomd": doorgang.totaal("cumulatief_ingestroomd"), "uitgestapt": doorgang.totaal("cumulatief_uitgestapt"),
           "tussentijds_gestopt": doorgang.totaal("cumulatief_gestopt")}
    # Uitstroom is one per traject, so the remainder is exactly "no Uitstroom dated <= end of P".
    rij["lopend"] = rij["ingestroomd"] - rij["uitgestapt"] - rij["tussentijds_gestopt"]
    return rij


def aanmeldingen_per_verwijzer(programma, van, tot) -> dict:
    """`{verwijzer: n}` over the trajecten with aanmelddatum in P, by the traject's verwijzer (every code present):
    the `aanmeldingen` figure split by who referred."""
    return _codes(Verwijzer.values, trajecten_doorgang(programma, van, tot).per("verwijzer"))


def afgesloten_zonder_instroom(programma, van, tot) -> int:
    return trajecten_doorgang(programma, van, tot).totaal("afgesloten_zonder_instroom")


def intakes_per_besluit(programma, van, tot) -> dict:
    return _codes(IntakeBesluit.values, trajecten_doorgang(programma, van, tot).per("intake_besluit"))


def gestopt_per_fase(programma, van, tot) -> dict:
    """Stops in P by the traject's phase on the day of the Uitstroom (same-day transitions: the last recorded)."""
    return _codes(Fase.values, trajecten_doorgang(programma, van, tot).per("fase_bij_stoppen"))


def _codes(codes, telling) -> dict:
    return {code: telling[code] for code in codes}


def doorlooptijden(programma, van, tot) -> dict:
    """The three medians from one statement: per duration how many days how often (three GROUP BYs in a UNION ALL)."""
    trajecten = trajecten_van(programma)
    aanmelding = (
        trajecten.filter(instroom_op__gte=van, instroom_op__lte=tot)
        .annotate(duur=Value("aanmelding_tot_instroom"), dagen=DagenTussen("instroom_op", "aanmelddatum"))
    )
    plan = (
        trajecten.filter(eerste_ondertekening_op__gte=van, eerste_ondertekening_op__lte=tot, instroom_op__isnull=False)
        .annotate(duur=Value("instroom_tot_ondertekend_plan"), dagen=DagenTussen("eerste_ondertekening_op", "instroom_op"))
    )
    uitstroom = (
        Uitstroom.objects.filter(traject__deelnemer__programma=programma, datum__gte=van, datum__lte=tot,
                                 traject__instroom_op__isnull=False)
        .annotate(duur=Value("instroom_tot_uitstroom"), dagen=DagenTussen("datum", "traject__instroom_op"))
    )
    uit = {"aanmelding_tot_instroom": {}, "instroom_tot_ondertekend_plan": {}, "instroom_tot_uitstroom": {}}
    delen = [qs.values("duur", "dagen").annotate(n=Count("pk")).order_by() for qs in (aanmelding, plan, uitstroom)]
    for rij in delen[0].union(*delen[1:], all=True).order_by():
        uit[rij["duur"]][rij["dagen"]] = rij["n"]
    return {duur: mediaan_van_telling(telling) for duur, telling in uit.items()}


def _leeg() -> dict:
    return dict.fromkeys(VIJF, 0)


def per_woongemeente(programma, van, tot) -> dict:
    """Per gemeente of the programme (by name), plus buiten_regio and onbekend; by the participant's woongemeente now."""
    namen = list(programma.gemeenten.order_by("naam").values_list("naam", flat=True))
    uit = {naam: _leeg() for naam in namen}
    uit[BUITEN_REGIO] = _leeg()
    uit[ONBEKEND] = _leeg()
    doorgang = trajecten_doorgang(programma, van, tot)
    for k in VIJF:
        for naam, n in doorgang.per("gemeente", telling=k).items():
            uit[ONBEKEND if not naam else naam if naam in namen else BUITEN_REGIO][k] += n
    return uit


def per_organisatie(programma, van, tot) -> dict:
    """Per executing organisation of the programme (by name, every one present), by the traject's organisatie."""
    uit = {naam: _leeg() for naam in programma.organisaties.order_by("naam").values_list("naam", flat=True)}
    doorgang = trajecten_doorgang(programma, van, tot)
    for k in VIJF:
        for naam, n in doorgang.per("organisatie", telling=k).items():
            if naam in uit:
                uit[naam][k] += n
    return uit


def nacontrole_12m(programma, van, tot) -> dict:
    """The cohort of duurzaam_uitgestapt_12m plus terugval_binnen_12m, by relapse and by the latest 12-month check."""
    uit = {"bevestigd_uitgestapt": 0, "teruggevallen": 0, "onbekend": 0}
    for rij in cohort_12m_per_uitkomst(programma, van, tot):
        if rij["heeft_terugval"] or rij["laatste_uitkomst"] == NacontroleUitkomst.TERUGGEVALLEN:
            uit["teruggevallen"] += rij["n"]
        elif rij["laatste_uitkomst"] == NacontroleUitkomst.UITGESTAPT_GEBLEVEN:
            uit["bevestigd_uitgestapt"] += rij["n"]
        else:
            uit["onbekend"] += rij["n"]
    return uit
