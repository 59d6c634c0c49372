"""Every figure of DEFINITIONS.md on small hand-built cases; the expected numbers are worked out in the comments."""

import datetime
from decimal import Decimal

import pytest

from rapportage import cijfers as c
from rapportage.cijfers.basis import afronden
from tests.factories import KetenpartnerFactory, ProgrammaFactory
from tests.rapportage.helpers import TOT, VAN, d, deelnemer, traject
from trajecten.models import (
    Contactmoment,
    Doel,
    Intake,
    Meting,
    MetingScore,
    Terugval,
    Trajectplan,
    Uitstroom,
    Verwijzing,
)
from uitstap.codes import Leefgebied
from uitstap.models import ProgrammaJaar

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("waarde,decimalen,verwacht", [
    (Decimal("0.125"), 2, Decimal("0.13")),
    (Decimal("133.25"), 1, Decimal("133.3")),
    (Decimal("-0.125"), 2, Decimal("-0.13")),
    (Decimal("1707.5"), 0, Decimal("1708")),
    (Decimal("2.5"), 0, Decimal("3")),
    (Decimal("0.124999"), 2, Decimal("0.12")),
])
def test_rounding_is_half_away_from_zero(waarde, decimalen, verwacht):
    assert afronden(waarde, decimalen) == verwacht


@pytest.fixture
def instroom_geval(programma):
    """Participants A..J over 2024, see the expected values in test_instroom_figures."""
    p = programma
    ander = ProgrammaFactory(slug="ander")
    g = {}
    # A: never leaves contact.
    g["A"] = traject(deelnemer(p), "2024-03-01")
    # B: ingestroomd in 2023, back-step from uitvoering to orientatie in 2024.
    g["B"] = traject(deelnemer(p), "2023-11-01", ("orientatie", "2023-12-01"), ("uitvoering", "2024-02-01"),
                     ("orientatie", "2024-06-01"))
    # C: orientatie and uitvoering on the same day, uitvoering recorded last.
    g["C"] = traject(deelnemer(p, gender="vrouw", geboortejaar=2001, juridische_categorie="1", sector="raam",
                               herkomstland="NL", signalen_mensenhandel=True),
                     "2024-04-01", ("orientatie", "2024-05-01"), ("uitvoering", "2024-05-01"))
    # D: uitvoering then orientatie on the last day of P: orientatie (recorded last) wins.
    g["D"] = traject(deelnemer(p, gender="man", geboortejaar=2000, juridische_categorie="", sector="escort",
                               herkomstland="RO"),
                     "2024-02-01", ("uitvoering", "2024-12-31"), ("orientatie", "2024-12-31"))
    # E: re-entry after an earlier traject that had ingestroomd.
    e = deelnemer(p, gender="vrouw", geboortejaar=None, juridische_categorie="3", sector="onbekend", herkomstland="")
    g["E1"] = traject(e, "2022-01-10", ("orientatie", "2022-02-01"), eind="2022-12-01")
    g["E2"] = traject(e, "2024-01-15", ("orientatie", "2024-03-01"))
    # F: re-entry after a traject that was only ever in contact: enters for the first time.
    f = deelnemer(p, gender="onbekend", geboortejaar=1985, juridische_categorie="2", sector="raam", herkomstland="NG")
    g["F1"] = traject(f, "2023-01-05", eind="2023-06-01")
    g["F2"] = traject(f, "2024-07-01", ("orientatie", "2024-08-01"))
    # G: closed on the first day of P; H: closed on the day before P; I: closed on the last day of P.
    g["G"] = traject(deelnemer(p), "2023-05-01", ("orientatie", "2023-06-01"), eind="2024-01-01")
    g["H"] = traject(deelnemer(p), "2022-05-01", ("orientatie", "2022-06-01"), eind="2023-12-31")
    g["I"] = traject(deelnemer(p, gender="transgender", geboortejaar=1984, juridische_categorie="1", sector="online",
                               herkomstland="CH", signalen_mensenhandel=True),
                     "2024-01-02", ("orientatie", "2024-01-10"), eind="2024-12-31")
    # J: registered after P; K: another programme.
    g["J"] = traject(deelnemer(p), "2025-01-01", ("orientatie", "2025-01-02"))
    g["K"] = traject(deelnemer(ander), "2024-03-01", ("orientatie", "2024-03-02"))
    for t, datum in ((g["C"], "2024-05-01"), (g["E2"], "2024-03-01"), (g["I"], "2024-12-31"), (g["B"], "2023-12-01"),
                     (g["K"], "2024-03-02"), (g["J"], "2025-01-02")):
        Intake.objects.create(traject=t, datum=d(datum), besluit="toegelaten")
    return g


def test_instroom_figures(programma, instroom_geval):
    p = programma
    # Registered in 2024: A, C, D, E2, F2, I.
    assert c.aanmeldingen(p, VAN, TOT) == 6
    # Intakes dated in 2024: C, E2, I (B's is in 2023, K is another programme, J's in 2025).
    assert c.intakes_gehouden(p, VAN, TOT) == 3
    # Instroomdatum in 2024: C (05-01), D (12-31), E2 (03-01), F2 (08-01), I (01-10); not A (contact only), B (2023).
    assert c.ingestroomd(p, VAN, TOT) == 5
    # Of those only E2: F1 was only ever in contact.
    assert c.herinstroom(p, VAN, TOT) == 1
    # Instroom <= 31-12 and (open or closed on/after 01-01): B, C, D, E2, F2, G, I; not E1, H (closed before), A, F1.
    assert c.actief_in_periode(p, VAN, TOT) == 7
    # Also open on 31-12: B, C, D, E2, F2 (G and I are closed, I exactly on 31-12).
    assert c.in_traject_op_einddatum(p, VAN, TOT) == 5
    # Open on 31-12: A contact; B orientatie (back-step); C uitvoering; D orientatie (recorded last); E2, F2 orientatie.
    assert c.per_fase_op_einddatum(p, VAN, TOT) == {"contact": 1, "orientatie": 4, "uitvoering": 1, "nazorg": 0}


def test_phase_on_an_earlier_day(programma, instroom_geval):
    # Open on 31-05: A contact; B uitvoering (its back-step comes on 01-06); C uitvoering (same-day pair on 01-05);
    # D contact (its transitions are on 31-12); E2 orientatie; I orientatie. F2 is not registered yet, G closed.
    mei = datetime.date(2024, 5, 31)
    assert c.per_fase_op_einddatum(programma, VAN, mei) == {"contact": 2, "orientatie": 2, "uitvoering": 2, "nazorg": 0}
    # On 30-04 C has no transition after its registration yet: contact.
    april = datetime.date(2024, 4, 30)
    assert c.per_fase_op_einddatum(programma, VAN, april) == {"contact": 3, "orientatie": 2, "uitvoering": 1, "nazorg": 0}


def test_doelgroep_instroom(programma, instroom_geval):
    # The five ingestroomd trajecten C, D, E2, F2, I (ages in the year of instroom: 23, 24, -, 39, 40).
    assert c.doelgroep_instroom(programma, VAN, TOT) == {
        "gender": {"vrouw": 2, "man": 1, "transgender": 1, "non_binair": 0, "onbekend": 1},
        "leeftijdsgroep": {"t/m 23": 1, "24-29": 1, "30-39": 1, "40+": 1, "onbekend": 1},
        "juridische_categorie": {"1": 2, "2": 1, "3": 1, "onbekend": 1},
        "sector": {"raam": 2, "club_prive": 0, "escort": 1, "thuis": 0, "straat": 0, "online": 1, "overig": 0,
                   "onbekend": 1},
        "herkomst": {"NL": 1, "EU": 2, "buiten_EU": 1, "onbekend": 1},
        "signalen_mensenhandel": {"ja": 2, "nee": 3},
    }


def _uit(t, datum, soort, **kw):
    return Uitstroom.objects.create(traject=t, datum=d(datum), soort=soort, **kw)


@pytest.fixture
def uitstroom_geval(programma):
    p = programma
    g = {}

    def afgesloten(aanmeld, datum, soort, **kw):
        t = traject(deelnemer(p), aanmeld, ("orientatie", aanmeld), eind=datum)
        _uit(t, datum, soort, **kw)
        return t

    g["U1"] = afgesloten("2023-06-01", "2024-03-01", "uitgestapt", resultaat="betaald_werk", branche="schoonmaak")
    g["U2"] = afgesloten("2023-06-01", "2024-06-01", "uitgestapt", resultaat="betaald_werk", branche="horeca")
    g["U3"] = afgesloten("2023-06-01", "2024-12-31", "uitgestapt", resultaat="opleiding")
    g["U4"] = afgesloten("2023-01-01", "2023-12-31", "uitgestapt", resultaat="uitkering")
    g["X7"] = afgesloten("2023-06-01", "2024-01-01", "uitgestapt", resultaat="opleiding")
    g["S1"] = afgesloten("2023-06-01", "2024-02-02", "gestopt", reden="motivatie")
    g["S2"] = afgesloten("2023-06-01", "2024-10-10", "gestopt", reden="verhuisd")
    g["S3"] = afgesloten("2024-06-01", "2025-01-01", "gestopt", reden="motivatie")
    # The 12-month cohort of 2024: exits dated 2023-01-01 .. 2024-01-01 (2024 is a leap year).
    g["X1"] = afgesloten("2022-06-01", "2023-03-01", "uitgestapt", resultaat="uitkering")
    Terugval.objects.create(traject=g["X1"], datum=d("2024-02-29"))  # day 365 after exit: inside
    g["X2"] = afgesloten("2022-06-01", "2023-03-02", "uitgestapt", resultaat="uitkering")
    Terugval.objects.create(traject=g["X2"], datum=d("2024-03-02"))  # day 366 after exit: outside
    g["X3"] = afgesloten("2022-06-01", "2023-05-01", "uitgestapt", resultaat="stage")
    g["X4"] = afgesloten("2022-06-01", "2023-06-01", "uitgestapt", resultaat="stage")
    later = traject(g["X4"].deelnemer, "2023-07-01", ("orientatie", "2023-07-02"))
    Terugval.objects.create(traject=later, datum=d("2023-09-01"))  # on another traject of the same participant
    g["X5"] = afgesloten("2022-01-01", "2022-12-31", "uitgestapt", resultaat="stage")  # + 365 = 2023-12-31
    g["X6"] = afgesloten("2022-06-01", "2023-04-01", "gestopt", reden="overig")
    return g


def test_uitstroom_figures(programma, uitstroom_geval):
    p = programma
    # Uitgestapt in 2024: U1, U2, U3, X7.
    assert c.uitgestapt(p, VAN, TOT) == 4
    assert c.uitgestapt_per_resultaat(p, VAN, TOT) == {
        "betaald_werk": 2, "opleiding": 2, "stage": 0, "dagbesteding": 0, "vrijwilligerswerk": 0, "uitkering": 0,
        "terugkeer_herkomstland": 0, "zorg_behandeling": 0, "zelfstandig_buiten_branche": 0,  # added by issue 18
    }
    assert c.uitgestapt_per_branche(p, VAN, TOT) == {
        "schoonmaak": 1, "zorg": 0, "detailhandel": 0, "horeca": 1, "administratie": 0, "vervoer": 0, "overig": 0,
    }
    # Gestopt in 2024: S1, S2 (S3 is 2025, X6 is 2023).
    assert c.tussentijds_gestopt(p, VAN, TOT) == 2
    assert c.gestopt_per_reden(p, VAN, TOT) == {
        "motivatie": 1, "terug_in_prostitutie": 0, "contact_verloren": 0, "verhuisd": 1, "doorverwezen": 0,
        "afspraken_niet_nagekomen": 0, "overig": 0, "financiering_beeindigd": 0, "contra_indicatie": 0,  # issue 18
    }
    # Relapses dated in 2024: X1's (02-29) and X2's (03-02).
    assert c.terugval(p, VAN, TOT) == 2


def test_twelve_month_cohort(programma, uitstroom_geval):
    p = programma
    # Cohort (exit + 365 in 2024): X1, X2, X3, X4, U4, X7; not X5 (+365 = 2023-12-31), U1 (+365 in 2025), X6 (gestopt).
    # Relapse within 365 days: X1 (day 365), X4 (on a later traject). X2's relapse is on day 366.
    assert c.terugval_binnen_12m(p, VAN, TOT) == 2
    assert c.duurzaam_uitgestapt_12m(p, VAN, TOT) == 4


def _plan(t, versie, opgesteld, deelnemer_op=None, begeleider_op=None):
    return Trajectplan.objects.create(
        traject=t, volgnummer=versie, opgesteld_op=d(opgesteld),
        ondertekend_deelnemer_op=d(deelnemer_op) if deelnemer_op else None,
        ondertekend_begeleider_op=d(begeleider_op) if begeleider_op else None,
    )


def _doel(plan, leefgebied, gesteld=None, behaald=None, ouder=None, oorsprong=None):
    return Doel.objects.create(
        plan=plan, leefgebied=leefgebied, omschrijving="Doel", gesteld_op=d(gesteld) if gesteld else None,
        behaald_op=d(behaald) if behaald else None, status="behaald" if behaald else "open", ouder=ouder,
        oorsprong=oorsprong,
    )


def test_trajectplan_and_goal_figures(programma):
    p = programma
    t1 = traject(deelnemer(p), "2023-11-01", ("orientatie", "2023-11-15"))
    t2 = traject(deelnemer(p), "2024-01-05", ("orientatie", "2024-01-20"))
    t3 = traject(deelnemer(p), "2024-06-01", ("orientatie", "2024-06-02"))
    # T1: first drawn up 2023-12-15, first signed by both 2024-01-05 (the later of the two signatures).
    v1 = _plan(t1, 1, "2023-12-15", "2023-12-20", "2024-01-05")
    v2 = _plan(t1, 2, "2024-03-01", "2024-03-02", "2024-03-02")
    oud = _doel(v1, "financien")  # set 2023-12-15 (first plan, no own date): not in 2024; copied into v2
    _doel(v2, "financien", behaald="2024-05-01", oorsprong=oud)  # the copy: achieved 2024, not set again
    # Finished before v2 and therefore not copied: lives on in v1 and still counts as achieved in 2024.
    _doel(v1, "zingeving", gesteld="2023-12-15", behaald="2024-02-01")
    hoofd = _doel(v2, "huisvesting", gesteld="2024-03-01")
    _doel(v2, "huisvesting", gesteld="2024-03-01", behaald="2024-04-01", ouder=hoofd)  # a sub-goal: not counted
    # T2: first drawn up 2024-02-01, signed only by the participant; v2 signed by both in 2025.
    _plan(t2, 1, "2024-02-01", "2024-02-03")
    w2 = _plan(t2, 2, "2025-01-10", "2025-01-11", "2025-01-11")
    _doel(w2, "financien")  # no own date: set on 2024-02-01, the day the first plan was drawn up
    # T3: drawn up and signed on the last day of P; a goal set in 2023 and achieved on 2024-12-31.
    u1 = _plan(t3, 1, "2024-12-31", "2024-12-31", "2024-12-31")
    _doel(u1, "werk_dagbesteding", gesteld="2023-06-01", behaald="2024-12-31")

    assert c.trajectplannen_opgesteld(p, VAN, TOT) == 2  # T2, T3
    assert c.trajectplannen_ondertekend(p, VAN, TOT) == 2  # T1 (2024-01-05), T3
    verwacht = {lg: {"gesteld": 0, "behaald": 0} for lg in Leefgebied.values}
    verwacht["financien"] = {"gesteld": 1, "behaald": 1}
    verwacht["huisvesting"] = {"gesteld": 1, "behaald": 0}
    verwacht["werk_dagbesteding"] = {"gesteld": 0, "behaald": 1}
    verwacht["zingeving"] = {"gesteld": 0, "behaald": 1}
    assert c.doelen_per_leefgebied(p, VAN, TOT) == verwacht


def _meting(t, datum, **scores):
    m = Meting.objects.create(traject=t, datum=d(datum))
    for lg, score in scores.items():
        MetingScore.objects.create(meting=m, leefgebied=lg, score=score)
    return m


def test_leefgebied_voortgang(programma):
    p = programma
    m1 = traject(deelnemer(p), "2024-01-10", ("orientatie", "2024-01-20"))
    _meting(m1, "2024-02-01", financien=3, huisvesting=5, veiligheid=4)
    _meting(m1, "2024-06-01", financien=6)
    _meting(m1, "2024-06-01", financien=5, veiligheid=5)  # same day, recorded later: the latest
    _meting(m1, "2025-01-05", financien=10, huisvesting=9)  # after P: ignored
    m2 = traject(deelnemer(p), "2024-02-10", ("orientatie", "2024-02-20"))
    _meting(m2, "2024-03-01", financien=7, huisvesting=4, veiligheid=4)
    _meting(m2, "2024-09-01", financien=6, huisvesting=8, veiligheid=6)
    m3 = traject(deelnemer(p), "2023-04-01", ("orientatie", "2023-04-10"))
    _meting(m3, "2023-05-01", financien=2, zingeving=1)
    _meting(m3, "2024-01-01", financien=2, zingeving=4)
    m4 = traject(deelnemer(p), "2023-01-01", ("orientatie", "2023-01-10"), eind="2023-12-31")  # not active
    _meting(m4, "2023-02-01", financien=1)
    _meting(m4, "2023-12-01", financien=10)
    m5 = traject(deelnemer(p), "2024-01-01")  # never ingestroomd: not active
    _meting(m5, "2024-02-01", financien=1)
    _meting(m5, "2024-12-01", financien=10)

    uit = c.leefgebied_voortgang(p, VAN, TOT)
    # financien: M1 3 -> 5 (+2), M2 7 -> 6 (-1), M3 2 -> 2 (0): 1/3 = 0.33.
    assert uit["financien"] == {"trajecten": 3, "gemiddelde_verandering": 0.33}
    # huisvesting: M1 has one score by 31-12; M2 4 -> 8.
    assert uit["huisvesting"] == {"trajecten": 1, "gemiddelde_verandering": 4}
    # veiligheid: M1 4 -> 5, M2 4 -> 6: 1.5.
    assert uit["veiligheid"] == {"trajecten": 2, "gemiddelde_verandering": 1.5}
    assert uit["zingeving"] == {"trajecten": 1, "gemiddelde_verandering": 3}
    assert uit["juridisch"] == {"trajecten": 0, "gemiddelde_verandering": None}
    assert list(uit) == Leefgebied.values


def test_verwijzingen_per_soort(programma):
    p = programma
    t = traject(deelnemer(p), "2023-11-01", ("orientatie", "2023-11-02"))
    schuld = KetenpartnerFactory(programma=p, soort="schuldhulpverlening")
    ggz = KetenpartnerFactory(programma=p, soort="ggz")
    huis = KetenpartnerFactory(programma=p, soort="huisvesting")

    def vw(partner, verwezen, gestart=None):
        Verwijzing.objects.create(traject=t, ketenpartner=partner, verwezen=d(verwezen),
                                  gestart=d(gestart) if gestart else None, status="gestart" if gestart else "aangevraagd")

    vw(schuld, "2024-01-10", "2024-01-20")  # 10 days
    vw(schuld, "2023-12-01", "2024-01-01")  # 31 days, referred before P
    vw(schuld, "2024-02-01", "2024-02-05")  # 4
    vw(schuld, "2024-02-26", "2024-03-04")  # 7 (over the leap day)
    vw(schuld, "2024-11-01")
    vw(schuld, "2024-12-01", "2025-01-05")  # started after P
    vw(ggz, "2024-05-01", "2024-05-13")  # 12
    vw(ggz, "2024-05-02", "2024-05-05")  # 3
    vw(ggz, "2024-06-01", "2024-06-21")  # 20
    vw(huis, "2024-04-01")

    uit = c.verwijzingen_per_soort(p, VAN, TOT)
    # schuldhulp: referred in P 5; started in P 4 with waits 4, 7, 10, 31: median (7 + 10) / 2 = 8.5.
    assert uit["schuldhulpverlening"] == {"verwezen": 5, "gestart": 4, "mediane_wachttijd_dagen": 8.5}
    assert uit["ggz"] == {"verwezen": 3, "gestart": 3, "mediane_wachttijd_dagen": 12}
    assert uit["huisvesting"] == {"verwezen": 1, "gestart": 0, "mediane_wachttijd_dagen": None}
    assert uit["politie"] == {"verwezen": 0, "gestart": 0, "mediane_wachttijd_dagen": None}
    assert len(uit) == 18  # 13 of DEFINITIONS.md + 5 added by issue 18


def test_contact_figures(programma):
    t = traject(deelnemer(programma), "2023-11-01")

    def cm(datum, status, duur=None):
        Contactmoment.objects.create(traject=t, datum=d(datum), status=status, duur_minuten=duur)

    cm("2024-01-01", "gehouden", 30)
    cm("2024-12-31", "gehouden", 45)
    cm("2024-06-01", "gehouden")  # counted, no duration
    cm("2023-12-31", "gehouden", 60)
    cm("2024-03-01", "niet_verschenen")
    cm("2024-04-01", "niet_verschenen")
    cm("2024-05-01", "gepland")
    cm("2024-05-02", "afgezegd")
    assert c.contactmomenten_gehouden(programma, VAN, TOT) == 3
    assert c.contacturen(programma, VAN, TOT) == 1.3  # 75 minutes = 1.25 h, half away from zero
    assert c.niet_verschenen(programma, VAN, TOT) == 2


def test_programme_figures_and_cost_per_active_participant(programma):
    p = programma
    traject(deelnemer(p), "2024-01-10", ("orientatie", "2024-01-20"))
    traject(deelnemer(p), "2024-02-10", ("orientatie", "2024-02-20"))
    assert c.kosten_per_actieve_deelnemer(p, VAN, TOT) is None  # no ProgrammaJaar
    ProgrammaJaar.objects.create(programma=p, jaar=2024, verwacht_deelnemers=30, intakes_begroot=40,
                                 begroting=Decimal("150000.00"), uitgaven=Decimal("3415.00"))
    alles = c.alle_cijfers(p, VAN, TOT)
    assert (alles["verwacht_deelnemers"], alles["intakes_begroot"], alles["begroting"], alles["uitgaven"]) == (
        30, 40, 150000, 3415)
    assert isinstance(alles["begroting"], int)
    # 3415 / 2 active = 1707.5 -> 1708.
    assert alles["kosten_per_actieve_deelnemer"] == 1708
    ProgrammaJaar.objects.filter(programma=p).update(uitgaven=Decimal("141250.50"))
    assert c.uitgaven(p, VAN, TOT) == 141250.5
    ProgrammaJaar.objects.filter(programma=p).update(uitgaven=Decimal("0"))
    assert c.kosten_per_actieve_deelnemer(p, VAN, TOT) is None
    # Another year without figures: null, and no active participants in 2019 either.
    assert c.alle_cijfers(p, datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))["begroting"] is None


def test_empty_year_has_every_key_with_zeroes(programma, instroom_geval):
    alles = c.alle_cijfers(programma, datetime.date(2010, 1, 1), datetime.date(2010, 12, 31))
    assert list(alles) == c.SLEUTELS
    assert len(c.SLEUTELS) == 40
    for sleutel in ("verwacht_deelnemers", "intakes_begroot", "begroting", "uitgaven", "kosten_per_actieve_deelnemer"):
        assert alles[sleutel] is None
    for sleutel in ("aanmeldingen", "intakes_gehouden", "ingestroomd", "herinstroom", "actief_in_periode",
                    "in_traject_op_einddatum", "uitgestapt", "tussentijds_gestopt", "terugval",
                    "duurzaam_uitgestapt_12m", "terugval_binnen_12m", "trajectplannen_opgesteld",
                    "trajectplannen_ondertekend", "contactmomenten_gehouden", "contacturen", "niet_verschenen"):
        assert alles[sleutel] == 0, sleutel
    assert alles["per_fase_op_einddatum"] == {"contact": 0, "orientatie": 0, "uitvoering": 0, "nazorg": 0}
    assert set(alles["uitgestapt_per_resultaat"].values()) == {0} and len(alles["uitgestapt_per_resultaat"]) == 9  # + 2 of issue 18
    assert set(alles["uitgestapt_per_branche"].values()) == {0} and len(alles["uitgestapt_per_branche"]) == 7
    assert set(alles["gestopt_per_reden"].values()) == {0} and len(alles["gestopt_per_reden"]) == 9  # + 2 of issue 18
    assert all(v == {"gesteld": 0, "behaald": 0} for v in alles["doelen_per_leefgebied"].values())
    assert len(alles["doelen_per_leefgebied"]) == 11
    assert all(v == {"trajecten": 0, "gemiddelde_verandering": None} for v in alles["leefgebied_voortgang"].values())
    assert all(v == {"verwezen": 0, "gestart": 0, "mediane_wachttijd_dagen": None}
               for v in alles["verwijzingen_per_soort"].values())
    groepen = alles["doelgroep_instroom"]
    assert {k: len(v) for k, v in groepen.items()} == {
        "gender": 5, "leeftijdsgroep": 5, "juridische_categorie": 4, "sector": 8, "herkomst": 4,
        "signalen_mensenhandel": 2,
    }
    assert all(n == 0 for v in groepen.values() for n in v.values())
    assert alles["cumulatief"] == {"ingestroomd": 0, "uitgestapt": 0, "tussentijds_gestopt": 0, "lopend": 0}
    assert alles["afgesloten_zonder_instroom"] == 0
    assert alles["intakes_per_besluit"] == {"toegelaten": 0, "nog_niet": 0, "niet_toegelaten": 0}
    assert alles["gestopt_per_fase"] == {"contact": 0, "orientatie": 0, "uitvoering": 0, "nazorg": 0}
    assert alles["doorlooptijden"] == {
        "aanmelding_tot_instroom": None, "instroom_tot_ondertekend_plan": None, "instroom_tot_uitstroom": None,
    }
    leeg = {"aanmeldingen": 0, "ingestroomd": 0, "uitgestapt": 0, "tussentijds_gestopt": 0, "in_traject_op_einddatum": 0}
    assert alles["per_woongemeente"] == {"Almere": leeg, "buiten_regio": leeg, "onbekend": leeg}
    assert alles["per_organisatie"] == {"Stichting Test": leeg}
    assert alles["nacontrole_12m"] == {"bevestigd_uitgestapt": 0, "teruggevallen": 0, "onbekend": 0}


def test_alle_cijfers_uses_a_fixed_number_of_queries(programma, instroom_geval, django_assert_max_num_queries):
    # 15 figure queries (one pass over the trajecten for 21 figures); on PostgreSQL two more set and restore
    # the planner settings around the pass (basis.VOOR_DE_DOORGANG).
    with django_assert_max_num_queries(17):
        c.alle_cijfers(programma, VAN, TOT)


@pytest.mark.parametrize("van,tot", [
    (VAN, TOT),
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)),
    (datetime.date(2025, 3, 1), datetime.date(2025, 8, 31)),
])
def test_database_figures_match_a_literal_reading_on_generated_data(van, tot):
    """200 generated participants (scripts.bench) against tests/rapportage/referentie.py."""
    from rapportage.uitwisseling.importeren import historie_importeren
    from scripts.bench import maak_bestand
    from tests.rapportage.referentie import referentie_cijfers
    from uitstap.models import Programma

    historie_importeren(data=maak_bestand(200, seed=7), vandaag=datetime.date(2026, 1, 1))
    p = Programma.objects.get(slug="bench")
    assert c.alle_cijfers(p, van, tot) == referentie_cijfers(p, van, tot)
