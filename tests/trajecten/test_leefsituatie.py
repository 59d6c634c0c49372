"""Leefsituatie (dated situations, only what changed), the nazorg regime's checks and their caseload signals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from trajecten import selectors, services
from trajecten.models import Leefsituatie, Nacontrole
from uitstap.codes import Fase, IntakeBesluit, UitstroomSoort
from uitstap.models import AuditEvent

D = datetime.date


def _versie(traject):
    return type(traject).objects.get(pk=traject.pk).versie


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)


def _uitgestapt(traject, coach, datum=D(2025, 6, 1)):
    intake = traject.aanmelddatum + datetime.timedelta(days=10)
    services.intake_vastleggen(traject=traject, data={"datum": intake, "besluit": IntakeBesluit.TOEGELATEN}, door=coach)
    return services.uitstroom_vastleggen(traject=traject, gelezen_versie=_versie(traject), soort=UitstroomSoort.UITGESTAPT, datum=datum,
                                         resultaat="betaald_werk", door=coach, afsluiten=False)


def test_change_writes_only_what_changed_and_logs(traject, coach):
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 1, 20), door=coach, data={
        "inkomstenbron": "sekswerk", "woonsituatie": "in_het_circuit", "schulden": "problematisch",
        "sekswerk_status": "actief", "kvk_ingeschreven": True})
    rij = services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 3, 1), door=coach, data={
        "inkomstenbron": "bijstand", "woonsituatie": "in_het_circuit", "schulden": "problematisch",
        "sekswerk_status": "afgebouwd", "kvk_ingeschreven": True})
    rij.refresh_from_db()
    assert (rij.inkomstenbron, rij.woonsituatie, rij.schulden, rij.sekswerk_status, rij.kvk_ingeschreven) == (
        "bijstand", "", "", "afgebouwd", None)
    assert Leefsituatie.objects.count() == 2
    assert AuditEvent.objects.filter(object_type="leefsituatie").count() == 2
    assert selectors.situatie_op(traject.deelnemer_id) == {
        "inkomstenbron": "bijstand", "kvk_ingeschreven": True, "woonsituatie": "in_het_circuit",
        "schulden": "problematisch", "sekswerk_status": "afgebouwd"}
    assert selectors.situatie_op(traject.deelnemer_id, D(2025, 2, 28))["inkomstenbron"] == "sekswerk"


def test_nothing_changed_is_refused(traject, coach):
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 1, 20), door=coach, data={"woonsituatie": "opvang"})
    with pytest.raises(ValidationError, match="niets gewijzigd"):
        services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 2, 1), door=coach,
                                         data={"woonsituatie": "opvang", "schulden": ""})
    assert Leefsituatie.objects.count() == 1


@pytest.mark.parametrize("datum, melding", [
    (D(2025, 1, 9), "vóór de aanmelddatum"),
    (datetime.date.today() + datetime.timedelta(days=1), "toekomst"),
])
def test_dates_not_before_aanmelding_nor_in_future(traject, coach, datum, melding):
    with pytest.raises(ValidationError, match=melding):
        services.leefsituatie_vastleggen(traject=traject, datum=datum, door=coach, data={"schulden": "geen"})
    assert not Leefsituatie.objects.exists()


def test_same_day_rows_the_last_recorded_wins(traject, coach):
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 2, 1), door=coach, data={"schulden": "problematisch"})
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 2, 1), door=coach, data={"schulden": "in_schuldhulp"})
    assert selectors.situatie_op(traject.deelnemer_id, D(2025, 2, 1))["schulden"] == "in_schuldhulp"


def test_terugval_during_traject_is_sekswerk_hervat(traject, coach):
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 1, 20), door=coach, data={"sekswerk_status": "gestopt"})
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 4, 2), door=coach, data={"sekswerk_status": "hervat"})
    assert selectors.situatie_op(traject.deelnemer_id)["sekswerk_status"] == "hervat"
    assert not traject.terugvallen.exists()  # the figure `terugval` keeps its definition: after an exit


def test_instroom_en_nu_and_timeline(traject, coach):
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 1, 15), door=coach,
                                     data={"woonsituatie": "in_het_circuit", "inkomstenbron": "sekswerk"})
    services.intake_vastleggen(traject=traject, data={"datum": D(2025, 1, 20), "besluit": IntakeBesluit.TOEGELATEN},
                               door=coach)  # instroom on 20-01-2025
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 5, 1), door=coach, data={"woonsituatie": "eigen_huur"})
    regels = {r.veld: (r.instroom, r.nu) for r in selectors.instroom_en_nu(traject)}
    assert regels["woonsituatie"] == ("In het circuit (werkplek)", "Eigen huurwoning")
    assert regels["inkomstenbron"] == ("Sekswerk", "Sekswerk")
    assert regels["schulden"] == ("—", "—")
    tijdlijn = selectors.leefsituatie_tijdlijn(traject.deelnemer_id)
    assert [t.rij.datum for t in tijdlijn] == [D(2025, 5, 1), D(2025, 1, 15)]
    assert tijdlijn[0].wijzigingen == [("woonsituatie", "Eigen huurwoning")]


# --- nacontrole ---------------------------------------------------------------------------------


def test_nacontrole_only_after_an_exit(traject, coach):
    with pytest.raises(ValidationError, match="alleen na een uitstroom"):
        services.nacontrole_vastleggen(traject=traject, datum=D(2025, 6, 1), termijn="6m", uitkomst="onbekend", door=coach)
    _uitgestapt(traject, coach)
    with pytest.raises(ValidationError, match="vóór de uitstroom"):
        services.nacontrole_vastleggen(traject=traject, datum=D(2025, 5, 31), termijn="6m", uitkomst="onbekend", door=coach)
    with pytest.raises(ValidationError, match="toekomst"):
        services.nacontrole_vastleggen(traject=traject, datum=datetime.date.today() + datetime.timedelta(days=1),
                                       termijn="6m", uitkomst="onbekend", door=coach)
    n = services.nacontrole_vastleggen(traject=traject, datum=D(2025, 12, 1), termijn="6m", uitkomst="onbekend",
                                       notitie="Niet bereikt", door=coach)
    assert Nacontrole.objects.get() == n and n.uitkomst == "onbekend"
    assert AuditEvent.objects.filter(object_type="nacontrole").count() == 1


def test_gestopt_traject_gets_no_nacontrole(traject, coach):
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=traject.aanmelddatum, door=coach)
    services.uitstroom_vastleggen(traject=traject, gelezen_versie=_versie(traject), soort=UitstroomSoort.GESTOPT, datum=D(2025, 3, 1), reden="motivatie",
                                  door=coach)
    with pytest.raises(ValidationError):
        services.nacontrole_vastleggen(traject=traject, datum=D(2025, 9, 1), termijn="6m", uitkomst="onbekend", door=coach)


def test_regime_plans_checks_at_6_and_12_months(traject, coach, programma):
    _uitgestapt(traject, coach, D(2025, 8, 31))
    gepland = selectors.geplande_nacontroles(traject)
    assert [(g.termijn, g.datum, g.gedaan) for g in gepland] == [("6m", D(2026, 2, 28), None), ("12m", D(2026, 8, 31), None)]
    programma.nacontrole_6m = False
    programma.save()
    traject.deelnemer.refresh_from_db()
    assert [g.termijn for g in selectors.geplande_nacontroles(traject)] == ["12m"]


def _stand(coach, vandaag):
    return {d.pk: selectors.signalen_voor(d, vandaag) for d in selectors.caseload(coach, vandaag=vandaag)}


def test_caseload_signals_follow_the_regime(traject, coach, programma):
    _uitgestapt(traject, coach, D(2025, 6, 1))
    pk = traject.deelnemer_id
    # 14 days before the 6-month mark (01-12-2025) the check shows, linked to the form with its termijn.
    teksten = [s.tekst for s in _stand(coach, D(2025, 11, 17))[pk]]
    assert "Nacontrole 6 maanden gepland (01-12-2025)" in teksten
    assert not any("6 maanden" in t for t in [s.tekst for s in _stand(coach, D(2025, 11, 15))[pk]])
    signaal = [s for s in _stand(coach, D(2025, 11, 17))[pk] if "Nacontrole" in s.tekst][0]
    assert signaal.url == f"/trajecten/{traject.pk}/nacontrole/?termijn=6m"
    services.nacontrole_vastleggen(traject=traject, datum=D(2025, 12, 1), termijn="6m", uitkomst="uitgestapt_gebleven",
                                   door=coach)
    assert not any("Nacontrole" in s.tekst for s in _stand(coach, D(2025, 12, 2))[pk])
    # Nazorg lasts 12 months by default: from 01-06-2026 the coach is asked to close.
    assert not any("sluit het traject af" in s.tekst for s in _stand(coach, D(2026, 5, 31))[pk])
    assert any("sluit het traject af" in s.tekst for s in _stand(coach, D(2026, 6, 1))[pk])
    programma.nazorg_duur_maanden = 6
    programma.save()
    assert any("sluit het traject af" in s.tekst for s in _stand(coach, D(2025, 12, 1))[pk])


def test_nazorg_contact_frequency_comes_from_the_programme(traject, coach, programma):
    _uitgestapt(traject, coach, D(2025, 6, 1))
    assert services.huidige_fase(traject) == Fase.NAZORG
    pk = traject.deelnemer_id
    # No held contact: the reference is the aanmelddatum 10-01-2025; on 2025-06-02 that is 143 days.
    programma.nazorg_contact_dagen = 200
    programma.save()
    assert "Nazorgcontact nodig" not in [s.tekst for s in _stand(coach, D(2025, 6, 2))[pk]]
    programma.nazorg_contact_dagen = 143
    programma.save()
    assert "Nazorgcontact nodig" not in [s.tekst for s in _stand(coach, D(2025, 6, 2))[pk]]
    programma.nazorg_contact_dagen = 142
    programma.save()
    assert "Nazorgcontact nodig" in [s.tekst for s in _stand(coach, D(2025, 6, 2))[pk]]


def test_plus_maanden_clamps_to_month_end():
    assert selectors.plus_maanden(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert selectors.plus_maanden(D(2024, 8, 31), 6) == D(2025, 2, 28)
    assert selectors.plus_maanden(D(2025, 11, 15), 12) == D(2026, 11, 15)


def test_two_checks_on_one_day_the_last_recorded_counts_and_unreachable_is_onbekend(coach, programma):
    from rapportage.cijfers import nacontrole_12m
    from tests.factories import DeelnemerFactory

    traject = services.traject_starten(deelnemer=DeelnemerFactory(programma=programma, begeleider=coach),
                                       aanmelddatum=D(2024, 1, 5), door=coach)
    _uitgestapt(traject, coach, D(2024, 3, 1))
    services.nacontrole_vastleggen(traject=traject, datum=D(2025, 3, 3), termijn="12m", uitkomst="onbekend",
                                   notitie="Niet bereikt", door=coach)
    services.nacontrole_vastleggen(traject=traject, datum=D(2025, 3, 3), termijn="12m", uitkomst="uitgestapt_gebleven",
                                   notitie="Later die dag teruggebeld", door=coach)
    gepland = {g.termijn: g for g in selectors.geplande_nacontroles(traject)}
    assert gepland["12m"].gedaan.uitkomst == "uitgestapt_gebleven"
    # A second participant who could not be reached at all: onbekend, never assumed fine.
    ander = services.traject_starten(deelnemer=DeelnemerFactory(programma=programma, begeleider=coach),
                                     aanmelddatum=D(2024, 1, 5), door=coach)
    _uitgestapt(ander, coach, D(2024, 3, 1))
    services.nacontrole_vastleggen(traject=ander, datum=D(2025, 3, 3), termijn="12m", uitkomst="onbekend", door=coach)
    # Cohort: exits of 01-03-2024 (+365 = 01-03-2025 in 2025).
    assert nacontrole_12m(programma, D(2025, 1, 1), D(2025, 12, 31)) == {
        "bevestigd_uitgestapt": 1, "teruggevallen": 0, "onbekend": 1}
