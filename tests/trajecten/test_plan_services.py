"""Trajectplan writes: metingen 1-10, SMART goals, sub-goals, versioning (signing freezes, n+1 copies goals), progress."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from trajecten import services
from trajecten.models import Doel, DoelVoortgang, Meting, MetingScore, Trajectplan
from trajecten.selectors import caseload
from trajecten.selectors import meting_tabel, voortgang_van
from uitstap.codes import DoelStatus
from uitstap.models import AuditEvent

D = datetime.date
VANDAAG_PER_TEST = True  # tests/conftest.py sets VANDAAG to today before every test (never at import time)
VANDAAG = None


def dagen(n):
    return VANDAAG - datetime.timedelta(days=n)


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen(200), door=coach)


@pytest.fixture
def plan(traject, coach):
    return services.trajectplan_opstellen(traject=traject, opgesteld_op=dagen(150), door=coach,
                                               afspraken="Eens per twee weken een gesprek.")


def smart(**over):
    data = {
        "leefgebied": "financien", "omschrijving": "Betalingsregeling met de belastingdienst",
        "indicator": "Getekende regeling ligt er", "acceptabel": True, "realistisch": "Schuldhulp helpt",
        "streefdatum": dagen(-60), "startscore": 3, "doelscore": 7,
    }
    data.update(over)
    return data


# --- metingen ---------------------------------------------------------------------------------


def test_meting_stores_only_filled_scores_and_logs(traject, coach):
    meting = services.meting_vastleggen(traject=traject, datum=dagen(100), door=coach,
                                             scores={"huisvesting": 4, "financien": "6", "zingeving": None})
    assert dict(meting.scores.values_list("leefgebied", "score")) == {"huisvesting": 4, "financien": 6}
    assert AuditEvent.objects.filter(object_type="meting", object_id=str(meting.pk), actie="create").exists()


@pytest.mark.parametrize("score", [0, 11, -3, 5.5, "tien", True])
def test_scores_outside_1_to_10_are_refused(traject, coach, score):
    with pytest.raises(ValidationError) as exc:
        services.meting_vastleggen(traject=traject, datum=dagen(100), door=coach,
                                        scores={"huisvesting": 5, "financien": score})
    assert "Financiën" in str(exc.value)
    assert not Meting.objects.exists() and not MetingScore.objects.exists()


def test_meting_needs_a_score_a_known_leefgebied_and_a_sensible_date(traject, coach):
    with pytest.raises(ValidationError, match="minstens één"):
        services.meting_vastleggen(traject=traject, datum=dagen(10), door=coach, scores={"huisvesting": None})
    with pytest.raises(ValidationError, match="Onbekend leefgebied"):
        services.meting_vastleggen(traject=traject, datum=dagen(10), door=coach, scores={"geluk": 5})
    with pytest.raises(ValidationError, match="toekomst"):
        services.meting_vastleggen(traject=traject, datum=dagen(-1), door=coach, scores={"huisvesting": 5})
    with pytest.raises(ValidationError, match="aanmelddatum"):
        services.meting_vastleggen(traject=traject, datum=dagen(300), door=coach, scores={"huisvesting": 5})
    assert not Meting.objects.exists()


def test_meting_tabel_takes_earliest_and_latest_score_per_leefgebied(traject, coach):
    services.meting_vastleggen(traject=traject, datum=dagen(100), door=coach, scores={"huisvesting": 3, "financien": 2})
    services.meting_vastleggen(traject=traject, datum=dagen(50), door=coach, scores={"huisvesting": 6})
    services.meting_vastleggen(traject=traject, datum=dagen(50), door=coach, scores={"huisvesting": 7})
    rijen = {r.leefgebied: r for r in meting_tabel(traject)}
    assert (rijen["huisvesting"].eerste, rijen["huisvesting"].laatste, rijen["huisvesting"].verschil) == (3, 7, 4)
    assert rijen["financien"].verschil is None  # only one score
    assert set(rijen) == {"huisvesting", "financien"}


# --- SMART validation -------------------------------------------------------------------------


def test_goal_without_indicator_or_target_date_is_refused_in_plain_dutch(plan, coach):
    with pytest.raises(ValidationError) as exc:
        services.doel_aanmaken(plan=plan, door=coach, data=smart(indicator="  ", streefdatum=None))
    fouten = exc.value.message_dict
    assert "meetbaar" in fouten["indicator"][0].lower()
    assert "streefdatum" in fouten["streefdatum"][0]
    assert not Doel.objects.exists()


def test_smart_rules_on_dates_scores_and_agreement(plan, coach):
    with pytest.raises(ValidationError, match="na de datum"):
        services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(160)))
    with pytest.raises(ValidationError, match="lager dan de startscore"):
        services.doel_aanmaken(plan=plan, door=coach, data=smart(startscore=8, doelscore=5))
    with pytest.raises(ValidationError, match="eigen woorden|haar woorden"):
        services.doel_aanmaken(plan=plan, door=coach, data=smart(acceptabel=False))
    with pytest.raises(ValidationError):
        services.doel_aanmaken(plan=plan, door=coach, data=smart(leefgebied="geluk"))
    assert not Doel.objects.exists()


def test_goal_without_own_date_is_set_on_the_plan_date(plan, coach):
    doel = services.doel_aanmaken(plan=plan, door=coach, data=smart())
    assert doel.gesteld_op == plan.opgesteld_op
    assert doel.status == DoelStatus.OPEN
    assert AuditEvent.objects.filter(object_type="doel", object_id=str(doel.pk)).exists()


def test_subgoal_one_level_same_leefgebied_not_after_parent(plan, coach):
    hoofd = services.doel_aanmaken(plan=plan, door=coach, data=smart())
    sub = services.subdoel_aanmaken(ouder=hoofd, door=coach, data={
        "omschrijving": "Aanvraag schuldhulp indienen", "indicator": "Aanvraag verstuurd", "streefdatum": dagen(-10)})
    assert sub.ouder == hoofd and sub.leefgebied == "financien"
    with pytest.raises(ValidationError, match="geen subdoelen"):
        services.subdoel_aanmaken(ouder=sub, door=coach, data={
            "omschrijving": "x", "indicator": "y", "streefdatum": dagen(-5)})
    with pytest.raises(ValidationError, match="vóór"):
        services.subdoel_aanmaken(ouder=hoofd, door=coach, data={
            "omschrijving": "Later", "indicator": "y", "streefdatum": dagen(-90)})
    with pytest.raises(ValidationError, match="meetbaar"):
        services.subdoel_aanmaken(ouder=hoofd, door=coach, data={
            "omschrijving": "Zonder indicator", "indicator": "", "streefdatum": dagen(-5)})


# --- versioning -------------------------------------------------------------------------------


def _sign(plan, coach, dag=None):
    dag = dag or dagen(140)
    return services.trajectplan_ondertekenen(plan=plan, ondertekend_deelnemer_op=dag,
                                                  ondertekend_begeleider_op=dag, door=coach, gelezen_versie=plan.versie)


def test_only_one_first_plan_per_traject(plan, traject, coach):
    with pytest.raises(ValidationError, match="al een trajectplan"):
        services.trajectplan_opstellen(traject=traject, opgesteld_op=dagen(10), door=coach)


def test_signing_needs_goals_agreement_and_valid_dates(plan, coach):
    with pytest.raises(ValidationError, match="minstens één doel"):
        _sign(plan, coach)
    services.doel_aanmaken(plan=plan, door=coach, data=smart(acceptabel=None))
    with pytest.raises(ValidationError, match="ingestemd"):
        _sign(plan, coach)
    with pytest.raises(ValidationError) as exc:
        services.trajectplan_ondertekenen(plan=plan, ondertekend_deelnemer_op=dagen(160),
                                               ondertekend_begeleider_op=dagen(-1), door=coach, gelezen_versie=plan.versie)
    assert set(exc.value.message_dict) == {"ondertekend_deelnemer_op", "ondertekend_begeleider_op"}
    plan.refresh_from_db()
    assert plan.status == Trajectplan.Status.CONCEPT


def test_signing_freezes_the_version(plan, coach):
    doel = services.doel_aanmaken(plan=plan, door=coach, data=smart())
    _sign(plan, coach)
    plan.refresh_from_db()
    assert plan.status == Trajectplan.Status.ACTIEF and plan.is_bevroren
    assert plan.ondertekend_op == dagen(140)
    doel.refresh_from_db()
    for poging in (
        lambda: services.doel_aanmaken(plan=plan, door=coach, data=smart(leefgebied="huisvesting")),
        lambda: services.doel_wijzigen(doel=doel, door=coach, data={"omschrijving": "Anders"}, gelezen_versie=doel.versie),
        lambda: services.subdoel_aanmaken(ouder=doel, door=coach, data={
            "omschrijving": "x", "indicator": "y", "streefdatum": dagen(-5)}),
        lambda: services.trajectplan_wijzigen(plan=plan, opgesteld_op=plan.opgesteld_op, afspraken="Nieuw", door=coach, gelezen_versie=plan.versie),
        lambda: _sign(plan, coach),
    ):
        with pytest.raises(ValidationError, match="ondertekend"):
            poging()
    doel.refresh_from_db()
    assert doel.omschrijving == "Betalingsregeling met de belastingdienst"
    assert Doel.objects.count() == 1


def test_follow_up_on_a_signed_plan_is_allowed(plan, coach):
    doel = services.doel_aanmaken(plan=plan, door=coach, data=smart())
    _sign(plan, coach)
    services.voortgang_vastleggen(doel=doel, datum=dagen(100), score=5, notitie="Aanvraag loopt", door=coach)
    doel.refresh_from_db()
    assert doel.status == DoelStatus.BEZIG  # progress on an open goal means work has started
    services.doel_status_wijzigen(doel=doel, status=DoelStatus.BEHAALD, behaald_op=dagen(20), door=coach, gelezen_versie=doel.versie)
    doel.refresh_from_db()
    assert (doel.status, doel.behaald_op) == (DoelStatus.BEHAALD, dagen(20))
    with pytest.raises(ValidationError, match="behaald"):
        services.doel_status_wijzigen(doel=doel, status=DoelStatus.BEHAALD, behaald_op=None, door=coach, gelezen_versie=doel.versie)
    services.doel_status_wijzigen(doel=doel, status=DoelStatus.BEZIG, door=coach, gelezen_versie=doel.versie)
    doel.refresh_from_db()
    assert doel.behaald_op is None


def test_change_makes_version_n_plus_1_with_copied_goals(plan, traject, coach):
    hoofd = services.doel_aanmaken(plan=plan, door=coach, data=smart(gesteld_op=dagen(155)))
    sub = services.subdoel_aanmaken(ouder=hoofd, door=coach, data={
        "omschrijving": "Aanvraag schuldhulp", "indicator": "Verstuurd", "streefdatum": dagen(-10)})
    klaar = services.doel_aanmaken(plan=plan, door=coach, data=smart(leefgebied="huisvesting", omschrijving="Inschrijven woningnet"))
    _sign(plan, coach)
    services.doel_status_wijzigen(doel=klaar, status=DoelStatus.BEHAALD, behaald_op=dagen(90), door=coach, gelezen_versie=klaar.versie)
    services.voortgang_vastleggen(doel=hoofd, datum=dagen(80), score=5, door=coach)

    nieuw = services.trajectplan_nieuwe_versie(plan=plan, opgesteld_op=dagen(60), door=coach)
    assert (nieuw.volgnummer, nieuw.status, nieuw.afspraken) == (2, Trajectplan.Status.CONCEPT, plan.afspraken)
    kopie = nieuw.doelen.get(ouder__isnull=True)
    assert kopie.oorsprong == hoofd and kopie.gesteld_op == dagen(155)
    assert (kopie.omschrijving, kopie.indicator, kopie.streefdatum, kopie.status) == (
        hoofd.omschrijving, hoofd.indicator, hoofd.streefdatum, DoelStatus.BEZIG)
    sub_kopie = kopie.subdoelen.get()
    assert sub_kopie.oorsprong == sub and sub_kopie.plan == nieuw
    assert not nieuw.doelen.filter(omschrijving="Inschrijven woningnet").exists()  # finished: stays in v1
    assert [v.score for v in voortgang_van(kopie)] == [5]  # progress history follows the copy

    # The old version is untouched and stays in force until the new one is signed.
    plan.refresh_from_db()
    assert plan.status == Trajectplan.Status.ACTIEF and plan.doelen.count() == 3
    with pytest.raises(ValidationError, match="vervangen door versie 2"):
        services.voortgang_vastleggen(doel=hoofd, datum=dagen(5), score=6, door=coach)

    services.doel_wijzigen(doel=kopie, door=coach, data={"indicator": "Regeling getekend en eerste termijn betaald"}, gelezen_versie=kopie.versie)
    services.trajectplan_ondertekenen(plan=nieuw, ondertekend_deelnemer_op=dagen(55), ondertekend_begeleider_op=dagen(54), door=coach, gelezen_versie=nieuw.versie)
    plan.refresh_from_db()
    nieuw.refresh_from_db()
    assert (plan.status, nieuw.status) == (Trajectplan.Status.VERVANGEN, Trajectplan.Status.ACTIEF)
    hoofd.refresh_from_db()
    assert hoofd.indicator == "Getekende regeling ligt er"
    assert AuditEvent.objects.filter(object_type="trajectplan", object_id=str(plan.pk), actie="update").count() == 2


def test_new_version_only_from_the_latest_signed_version(plan, coach):
    with pytest.raises(ValidationError, match="concept"):
        services.trajectplan_nieuwe_versie(plan=plan, opgesteld_op=dagen(10), door=coach)
    services.doel_aanmaken(plan=plan, door=coach, data=smart())
    _sign(plan, coach)
    with pytest.raises(ValidationError, match="opgesteld op"):
        services.trajectplan_nieuwe_versie(plan=plan, opgesteld_op=dagen(170), door=coach)
    services.trajectplan_nieuwe_versie(plan=plan, opgesteld_op=dagen(10), door=coach)
    with pytest.raises(ValidationError, match="vervangen door versie 2"):
        services.trajectplan_nieuwe_versie(plan=plan, opgesteld_op=dagen(5), door=coach)
    assert Trajectplan.objects.count() == 2


def test_progress_needs_score_or_note_and_a_date_after_the_goal(plan, coach):
    doel = services.doel_aanmaken(plan=plan, door=coach, data=smart())
    with pytest.raises(ValidationError, match="score of een notitie"):
        services.voortgang_vastleggen(doel=doel, datum=dagen(10), door=coach)
    with pytest.raises(ValidationError, match="tussen 1 en 10"):
        services.voortgang_vastleggen(doel=doel, datum=dagen(10), score=12, door=coach)
    with pytest.raises(ValidationError, match="gesteld op"):
        services.voortgang_vastleggen(doel=doel, datum=dagen(170), score=4, door=coach)
    assert not DoelVoortgang.objects.exists()


def test_closed_traject_is_read_only(plan, traject, coach):
    doel = services.doel_aanmaken(plan=plan, door=coach, data=smart())
    if not traject.heeft_instroom:
        services.fase_wijzigen(traject=traject, fase="orientatie", datum=dagen(5), door=coach)
    services.uitstroom_vastleggen(traject=traject, soort="gestopt", reden="verhuisd", datum=dagen(5), door=coach,
                                  gelezen_versie=traject.versie)
    traject.refresh_from_db()
    doel.plan.traject.refresh_from_db()
    with pytest.raises(ValidationError, match="afgesloten"):
        services.voortgang_vastleggen(doel=doel, datum=dagen(1), score=4, door=coach)


# --- caseload signal --------------------------------------------------------------------------


def test_caseload_counts_open_main_goals_of_current_plan_past_target_date(plan, coach, deelnemer):
    verlopen = services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(10)))
    services.subdoel_aanmaken(ouder=verlopen, door=coach, data={
        "omschrijving": "stap", "indicator": "gedaan", "streefdatum": dagen(20)})
    services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(-10), leefgebied="huisvesting"))
    behaald = services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(30), leefgebied="zingeving"))
    services.doel_status_wijzigen(doel=behaald, status=DoelStatus.BEHAALD, behaald_op=dagen(40), door=coach, gelezen_versie=behaald.versie)
    services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(5), leefgebied="veiligheid"))
    rij = caseload(coach).get(pk=deelnemer.pk)
    assert rij.doelen_verlopen == 2
    # A new version whose copies got a later target date: only the current version counts.
    services.trajectplan_ondertekenen(plan=plan, ondertekend_deelnemer_op=dagen(140),
                                           ondertekend_begeleider_op=dagen(140), door=coach, gelezen_versie=plan.versie)
    nieuw = services.trajectplan_nieuwe_versie(plan=plan, opgesteld_op=dagen(3), door=coach)
    kopie = nieuw.doelen.get(leefgebied="veiligheid")
    services.doel_wijzigen(doel=kopie, door=coach, data={"streefdatum": dagen(-30)}, gelezen_versie=kopie.versie)
    rij = caseload(coach).get(pk=deelnemer.pk)
    assert rij.doelen_verlopen == 1
    from trajecten.selectors import signalen_voor
    assert any("streefdatum" in s.tekst for s in signalen_voor(rij))


def test_changing_the_plan_date_moves_goals_that_took_that_date(plan, coach):
    eigen = services.doel_aanmaken(plan=plan, door=coach, data=smart(gesteld_op=dagen(170), leefgebied="zingeving"))
    mee = services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(100)))
    services.trajectplan_wijzigen(plan=plan, opgesteld_op=dagen(120), afspraken="Nieuw", door=coach, gelezen_versie=plan.versie)
    mee.refresh_from_db()
    eigen.refresh_from_db()
    assert (mee.gesteld_op, eigen.gesteld_op) == (dagen(120), dagen(170))
    with pytest.raises(ValidationError, match="eerder zijn opgesteld"):
        services.trajectplan_wijzigen(plan=plan, opgesteld_op=dagen(90), afspraken="Nieuw", door=coach, gelezen_versie=plan.versie)
    plan.refresh_from_db()
    assert plan.opgesteld_op == dagen(120) and plan.afspraken == "Nieuw"


def test_caseload_signal_counts_only_the_goals_of_the_current_traject(plan, traject, coach, deelnemer):
    """An earlier traject's overdue goals are history: after a new registration only the new plan counts."""
    services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(60)))
    services.doel_aanmaken(plan=plan, door=coach, data=smart(streefdatum=dagen(50), leefgebied="huisvesting"))
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=dagen(40), door=coach)
    traject.refresh_from_db()
    services.uitstroom_vastleggen(traject=traject, soort="gestopt", reden="verhuisd", datum=dagen(30), door=coach,
                                  gelezen_versie=traject.versie)
    nieuw = services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen(20), door=coach)
    nieuw_plan = services.trajectplan_opstellen(traject=nieuw, opgesteld_op=dagen(15), door=coach, afspraken="Opnieuw.")
    services.doel_aanmaken(plan=nieuw_plan, door=coach, data=smart(gesteld_op=dagen(15), streefdatum=dagen(2)))
    services.doel_aanmaken(plan=nieuw_plan, door=coach, data=smart(gesteld_op=dagen(15), streefdatum=dagen(-20),
                                                                   leefgebied="zingeving"))
    assert caseload(coach).get(pk=deelnemer.pk).doelen_verlopen == 1
