"""The second set of figures (DEFINITIONS.md, "Figures for the verslag") on hand-built cases.

The expected numbers are worked out in the comments; P is 2024 unless said otherwise.
"""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapportage import cijfers as c
from tests.factories import GemeenteFactory, OrganisatieFactory, ProgrammaFactory
from tests.rapportage.helpers import TOT, VAN, d, deelnemer, traject
from trajecten.models import Intake, Nacontrole, Terugval, Trajectplan, Uitstroom

pytestmark = pytest.mark.django_db


def _uitgestapt(t, datum, resultaat="opleiding"):
    return Uitstroom.objects.create(traject=t, datum=d(datum), soort="uitgestapt", resultaat=resultaat)


def _gestopt(t, datum, reden="motivatie"):
    return Uitstroom.objects.create(traject=t, datum=d(datum), soort="gestopt", reden=reden)


@pytest.fixture
def geval(programma, organisatie):
    """A programme in Almere and Lelystad run by 'Stichting Test' and 'Tweede Organisatie' (and an idle third)."""
    p = programma
    almere = p.gemeenten.get()
    lelystad, zwolle, leeg = GemeenteFactory(naam="Lelystad"), GemeenteFactory(naam="Zwolle"), GemeenteFactory(naam="")
    p.gemeenten.add(lelystad)
    tweede = OrganisatieFactory(naam="Tweede Organisatie")
    p.organisaties.add(tweede, OrganisatieFactory(naam="Zonder Trajecten"))
    g = {}

    def nieuw(naam, woon, org, *args, **kwargs):
        t = traject(deelnemer(p, woongemeente=woon), *args, **kwargs)
        t.organisatie = org
        t.save()
        g[naam] = t
        return t

    # Contact only: A closed in P (afsluitreden), A2 closed the day before P, A3 still open.
    nieuw("A", almere, organisatie, "2024-03-01", eind="2024-04-01")
    g["A"].afsluitreden = "geen_vervolg"
    g["A"].save()
    nieuw("A2", almere, organisatie, "2023-05-01", eind="2023-12-31")
    nieuw("A3", zwolle, organisatie, "2024-08-01")
    # B: ingestroomd 2023, uitgestapt 2023 and still open in nazorg: counts under uitgestapt, never as lopend.
    nieuw("B", lelystad, organisatie, "2023-01-10", ("orientatie", "2023-02-01"), ("uitvoering", "2023-03-01"),
          ("nazorg", "2023-10-01"))
    _uitgestapt(g["B"], "2023-10-01")
    # C: 15 days to instroom, stops in orientatie.
    nieuw("C", almere, organisatie, "2024-01-05", ("orientatie", "2024-01-20"), eind="2024-06-01")
    _gestopt(g["C"], "2024-06-01")
    # D: 10 days to instroom, stops on the day it moved to uitvoering (the transition counts).
    nieuw("D", zwolle, tweede, "2024-02-01", ("orientatie", "2024-02-11"), ("uitvoering", "2024-05-01"),
          eind="2024-05-01")
    _gestopt(g["D"], "2024-05-01")
    # E: 30 days to instroom, running; woongemeente with an empty name is none.
    nieuw("E", leeg, organisatie, "2024-06-01", ("orientatie", "2024-07-01"))
    # F: registered in P, instroom after P.
    nieuw("F", almere, organisatie, "2024-11-01", ("orientatie", "2025-01-10"))
    # G: 31 days to instroom, exit after P: lopend at the end of P.
    nieuw("G", lelystad, tweede, "2024-03-01", ("orientatie", "2024-04-01"), eind="2025-02-01")
    _uitgestapt(g["G"], "2025-02-01")
    # H: ingestroomd 2022 and closed without an Uitstroom (old data): lopend, "whether or not closed".
    nieuw("H", None, organisatie, "2022-01-01", ("orientatie", "2022-02-01"), eind="2022-06-01")
    # I: uitgestapt in P after 428 days (2023-07-01 -> 2024-09-01).
    nieuw("I", lelystad, tweede, "2023-06-01", ("orientatie", "2023-07-01"), ("uitvoering", "2023-08-01"),
          eind="2024-09-01")
    _uitgestapt(g["I"], "2024-09-01", "betaald_werk")
    for naam, datum, besluit in (("C", "2024-01-20", "toegelaten"), ("D", "2024-02-11", "toegelaten"),
                                 ("E", "2024-07-01", "toegelaten"), ("A", "2024-03-15", "nog_niet"),
                                 ("A3", "2024-12-31", "niet_toegelaten"), ("B", "2023-02-01", "toegelaten"),
                                 ("F", "2025-01-01", "toegelaten")):
        Intake.objects.create(traject=g[naam], datum=d(datum), besluit=besluit)
    # Plans: C signed by both on 2024-02-01 (12 days after instroom), D signed before instroom (-6 days),
    # E signed by one party only, A3 signed in P but never ingestroomd (not counted).
    for naam, deelnemer_op, begeleider_op in (("C", "2024-01-30", "2024-02-01"), ("D", "2024-02-05", "2024-02-05"),
                                              ("E", "2024-07-10", None), ("A3", "2024-05-01", "2024-05-01")):
        Trajectplan.objects.create(
            traject=g[naam], volgnummer=1, opgesteld_op=d(deelnemer_op), ondertekend_deelnemer_op=d(deelnemer_op),
            ondertekend_begeleider_op=d(begeleider_op) if begeleider_op else None,
        )
    # Another programme is never counted.
    traject(deelnemer(ProgrammaFactory(slug="ander")), "2024-03-01", ("orientatie", "2024-03-02"), eind="2024-04-01")
    return g


def test_cumulatief_adds_up_and_counts_nazorg_once(programma, geval):
    # Ingestroomd by 31-12-2024: B, C, D, E, G, H, I. Uitgestapt by then: B, I; gestopt: C, D; lopend: E, G, H.
    assert c.cumulatief(programma, VAN, TOT) == {"ingestroomd": 7, "uitgestapt": 2, "tussentijds_gestopt": 2, "lopend": 3}
    # At the end of 2023: B, H, I ingestroomd; B uitgestapt; H and I lopend (I exits in 2024).
    assert c.cumulatief(programma, d("2023-01-01"), d("2023-12-31")) == {
        "ingestroomd": 3, "uitgestapt": 1, "tussentijds_gestopt": 0, "lopend": 2,
    }
    # In 2025 G exits and F enters (F stays lopend).
    assert c.cumulatief(programma, d("2025-01-01"), d("2025-12-31")) == {
        "ingestroomd": 8, "uitgestapt": 3, "tussentijds_gestopt": 2, "lopend": 3,
    }


def test_afgesloten_zonder_instroom(programma, geval):
    # A (closed 01-04-2024, never left contact); not A2 (closed the day before P), not A3 (open), not C (ingestroomd).
    assert c.afgesloten_zonder_instroom(programma, VAN, TOT) == 1
    assert c.afgesloten_zonder_instroom(programma, d("2023-12-31"), d("2023-12-31")) == 1


def test_intakes_per_besluit(programma, geval):
    # C, D, E toegelaten; A nog_niet; A3 niet_toegelaten on the last day of P; B (2023) and F (2025) outside P.
    assert c.intakes_per_besluit(programma, VAN, TOT) == {"toegelaten": 3, "nog_niet": 1, "niet_toegelaten": 1}


def test_gestopt_per_fase(programma, geval):
    # C stops in orientatie; D stops on the day of its move to uitvoering: uitvoering.
    assert c.gestopt_per_fase(programma, VAN, TOT) == {"contact": 0, "orientatie": 1, "uitvoering": 1, "nazorg": 0}


def test_doorlooptijden(programma, geval):
    assert c.doorlooptijden(programma, VAN, TOT) == {
        # C 15, D 10, E 30, G 31 days: median (15 + 30) / 2 = 22.5, not rounded.
        "aanmelding_tot_instroom": 22.5,
        # C 12 days, D -6 days (signed before instroom): median 3; E half-signed and A3 without instroom are out.
        "instroom_tot_ondertekend_plan": 3,
        # C 133 (20-01 -> 01-06), D 80 (11-02 -> 01-05), I 428 (01-07-2023 -> 01-09-2024): median 133.
        "instroom_tot_uitstroom": 133,
    }
    # 2023: B's instroom after 22 days, I's after 30 (median 26); B's exit 242 days after instroom.
    assert c.doorlooptijden(programma, d("2023-01-01"), d("2023-12-31")) == {
        "aanmelding_tot_instroom": 26, "instroom_tot_ondertekend_plan": None, "instroom_tot_uitstroom": 242,
    }


def test_per_woongemeente(programma, geval):
    assert c.per_woongemeente(programma, VAN, TOT) == {
        # A, C, F registered; C ingestroomd and gestopt.
        "Almere": {"aanmeldingen": 3, "ingestroomd": 1, "uitgestapt": 0, "tussentijds_gestopt": 1,
                   "in_traject_op_einddatum": 0},
        # G registered and ingestroomd; I uitgestapt; B (nazorg) and G open on 31-12.
        "Lelystad": {"aanmeldingen": 1, "ingestroomd": 1, "uitgestapt": 1, "tussentijds_gestopt": 0,
                     "in_traject_op_einddatum": 2},
        # Zwolle is not a gemeente of the programme: D and A3.
        "buiten_regio": {"aanmeldingen": 2, "ingestroomd": 1, "uitgestapt": 0, "tussentijds_gestopt": 1,
                         "in_traject_op_einddatum": 0},
        # E (empty name) and H (none).
        "onbekend": {"aanmeldingen": 1, "ingestroomd": 1, "uitgestapt": 0, "tussentijds_gestopt": 0,
                     "in_traject_op_einddatum": 1},
    }


def test_per_organisatie(programma, geval):
    assert c.per_organisatie(programma, VAN, TOT) == {
        # A, A3, C, E, F registered; C, E ingestroomd; C gestopt; B and E open on 31-12.
        "Stichting Test": {"aanmeldingen": 5, "ingestroomd": 2, "uitgestapt": 0, "tussentijds_gestopt": 1,
                           "in_traject_op_einddatum": 2},
        # D, G registered and ingestroomd; I uitgestapt; D gestopt; G open on 31-12.
        "Tweede Organisatie": {"aanmeldingen": 2, "ingestroomd": 2, "uitgestapt": 1, "tussentijds_gestopt": 1,
                               "in_traject_op_einddatum": 1},
        "Zonder Trajecten": {"aanmeldingen": 0, "ingestroomd": 0, "uitgestapt": 0, "tussentijds_gestopt": 0,
                             "in_traject_op_einddatum": 0},
    }


def test_the_splits_add_up_to_the_top_level_figures(programma, geval):
    alles = c.alle_cijfers(programma, VAN, TOT)
    for split in ("per_woongemeente", "per_organisatie"):
        for sleutel in ("aanmeldingen", "ingestroomd", "uitgestapt", "tussentijds_gestopt", "in_traject_op_einddatum"):
            assert sum(v[sleutel] for v in alles[split].values()) == alles[sleutel], (split, sleutel)


def _check(t, datum, uitkomst, termijn="12m"):
    return Nacontrole.objects.create(traject=t, datum=d(datum), termijn=termijn, uitkomst=uitkomst)


def test_nacontrole_12m(programma):
    p = programma

    def exit_(datum):
        t = traject(deelnemer(p), "2022-06-01", ("orientatie", "2022-07-01"))
        _uitgestapt(t, datum)
        return t

    # The cohort: exits dated 01-01-2023 .. 01-01-2024 (date + 365 days in 2024).
    n1 = exit_("2023-03-01")
    _check(n1, "2024-03-01", "uitgestapt_gebleven")  # bevestigd
    n2 = exit_("2023-04-01")
    _check(n2, "2024-04-01", "uitgestapt_gebleven")
    Terugval.objects.create(traject=n2, datum=d("2024-03-31"))  # relapse in the window wins: teruggevallen
    n3 = exit_("2023-05-01")
    _check(n3, "2024-05-01", "uitgestapt_gebleven")
    _check(n3, "2024-05-01", "teruggevallen")  # same date, recorded last: teruggevallen
    n4 = exit_("2023-06-01")
    _check(n4, "2024-06-01", "teruggevallen")
    _check(n4, "2024-06-01", "uitgestapt_gebleven")  # same date, recorded last: bevestigd
    n5 = exit_("2023-07-01")
    _check(n5, "2024-01-01", "uitgestapt_gebleven", termijn="6m")  # only a 6-month check: onbekend
    n6 = exit_("2023-08-01")
    _check(n6, "2024-08-01", "uitgestapt_gebleven")
    _check(n6, "2025-02-01", "teruggevallen")  # after the end of P: the 2024 check counts, bevestigd
    Terugval.objects.create(traject=n6, datum=d("2024-08-02"))  # day 367: outside the window
    n7 = exit_("2022-12-31")  # date + 365 = 31-12-2023: not in the cohort of 2024
    _check(n7, "2024-01-05", "uitgestapt_gebleven")
    n8 = exit_("2023-09-01")
    Terugval.objects.create(traject=n8, datum=d("2023-09-01"))  # on the day of exit: teruggevallen
    exit_("2023-10-01")  # no check at all: onbekend
    gestopt = traject(deelnemer(p), "2022-06-01", ("orientatie", "2022-07-01"))
    _gestopt(gestopt, "2023-05-01")
    _check(gestopt, "2024-05-01", "uitgestapt_gebleven")
    uitkomst = c.nacontrole_12m(p, VAN, TOT)
    assert uitkomst == {"bevestigd_uitgestapt": 3, "teruggevallen": 3, "onbekend": 2}
    assert sum(uitkomst.values()) == c.duurzaam_uitgestapt_12m(p, VAN, TOT) + c.terugval_binnen_12m(p, VAN, TOT) == 8


DAG = datetime.date(2020, 1, 1)


@st.composite
def _trajecten(draw):
    """Trajecten as day offsets from 01-01-2020: (aanmeld, instroom after days or None, exit after days, soort, closed)."""
    return draw(st.lists(st.tuples(
        st.integers(0, 1500), st.one_of(st.none(), st.integers(0, 200)), st.one_of(st.none(), st.integers(0, 700)),
        st.sampled_from(["uitgestapt", "gestopt"]), st.booleans(),
    ), max_size=12))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rijen=_trajecten(), begin=st.integers(0, 1800), lengte=st.integers(0, 400))
def test_cumulatief_reconciles_on_generated_data(db, rijen, begin, lengte):
    """ingestroomd = uitgestapt + tussentijds_gestopt + lopend on any data and any period, and equals the literal reading."""
    from tests.rapportage.referentie import referentie_cijfers

    p = ProgrammaFactory()
    for aanmeld, instroom, uit, soort, dicht in rijen:
        a = DAG + datetime.timedelta(days=aanmeld)
        fasen = []
        eind = None
        if instroom is not None:
            i = a + datetime.timedelta(days=instroom)
            fasen.append(("orientatie", i.isoformat()))
        t = traject(deelnemer(p), a.isoformat(), *fasen)
        if instroom is not None and uit is not None:
            u = i + datetime.timedelta(days=uit)
            if soort == "uitgestapt":
                _uitgestapt(t, u.isoformat())
            else:
                _gestopt(t, u.isoformat())
            eind = u if dicht or soort == "gestopt" else None
        elif dicht:
            eind = a + datetime.timedelta(days=30)
        if eind:
            t.einddatum = eind
            t.save()
    van = DAG + datetime.timedelta(days=begin)
    tot = van + datetime.timedelta(days=lengte)
    cum = c.cumulatief(p, van, tot)
    assert cum["ingestroomd"] == cum["uitgestapt"] + cum["tussentijds_gestopt"] + cum["lopend"]
    assert all(n >= 0 for n in cum.values())
    assert cum == referentie_cijfers(p, van, tot)["cumulatief"]


def test_aanmeldingen_per_verwijzer(programma):
    from rapportage.cijfers.verslag import aanmeldingen_per_verwijzer

    for aanmeld, verwijzer in [("2024-01-01", "ggd"), ("2024-06-30", "ggd"), ("2024-12-31", "zelfmelder"),
                               ("2023-12-31", "politie"), ("2025-01-01", "ggd")]:
        t = traject(deelnemer(programma), aanmeld)
        t.verwijzer = verwijzer
        t.save(update_fields=["verwijzer"])
    uit = aanmeldingen_per_verwijzer(programma, VAN, TOT)
    # the first and the last day of P count; 2023 and 2025 do not; every code is a key
    from uitstap.codes import Verwijzer

    assert uit == {**dict.fromkeys(Verwijzer.values, 0), "ggd": 2, "zelfmelder": 1}
    assert sum(uit.values()) == c.aanmeldingen(programma, VAN, TOT)
