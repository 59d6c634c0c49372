"""The coach's writes: each service validates dates and codes, writes atomically, and logs."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from trajecten import services
from trajecten.models import Contactmoment, FaseOvergang, Intake, Terugval, Traject, Uitstroom
from trajecten.services import fase_op
from uitstap.codes import ContactStatus, Fase, IntakeBesluit, UitstroomSoort
from uitstap.models import AuditEvent

D = datetime.date


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach, verwijzer="ggd")


def test_traject_start_begins_in_contact_and_logs(traject, coach):
    assert services.huidige_fase(traject) == Fase.CONTACT
    assert traject.fase_overgangen.get().datum == D(2025, 1, 10)
    event = AuditEvent.objects.filter(object_type="traject").latest("id")
    assert event.clientcode == traject.deelnemer.clientcode
    assert event.gebruiker == coach and event.grondslag == "eigen_caseload"


def test_second_traject_while_first_runs_is_refused(traject, coach):
    with pytest.raises(ValidationError, match="lopend traject"):
        services.traject_starten(deelnemer=traject.deelnemer, aanmelddatum=D(2025, 3, 1), door=coach)
    assert Traject.objects.count() == 1


def test_future_aanmelddatum_refused(deelnemer, coach):
    with pytest.raises(ValidationError):
        services.traject_starten(deelnemer=deelnemer, aanmelddatum=datetime.date.today() + datetime.timedelta(days=1), door=coach)
    assert not Traject.objects.exists()


def test_phase_before_aanmelddatum_is_refused_and_writes_nothing(traject, coach):
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as e:
        services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 1, 9), door=coach)
    assert "vóór de aanmelddatum" in str(e.value)
    assert traject.fase_overgangen.count() == 1
    assert AuditEvent.objects.count() == events


def test_phases_can_go_back_with_a_reason_and_history_is_kept(traject, coach):
    services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 2, 1), door=coach)
    services.fase_wijzigen(traject=traject, fase=Fase.UITVOERING, datum=D(2025, 3, 1), door=coach)
    with pytest.raises(ValidationError, match="reden"):
        services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 4, 1), door=coach)
    services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 4, 1), door=coach, reden="Eerst stabiliseren")
    assert services.huidige_fase(traject) == Fase.ORIENTATIE
    assert list(traject.fase_overgangen.values_list("fase", flat=True)) == ["contact", "orientatie", "uitvoering", "orientatie"]
    assert fase_op(traject, D(2025, 3, 15)) == Fase.UITVOERING


def test_same_day_transitions_the_one_recorded_last_wins(traject, coach):
    services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 2, 1), door=coach)
    services.fase_wijzigen(traject=traject, fase=Fase.UITVOERING, datum=D(2025, 2, 1), door=coach)
    assert fase_op(traject, D(2025, 2, 1)) == Fase.UITVOERING
    assert services.huidige_fase(traject) == Fase.UITVOERING


def test_phase_date_may_not_go_back_and_same_phase_refused(traject, coach):
    services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 2, 1), door=coach)
    with pytest.raises(ValidationError, match="laatste faseovergang"):
        services.fase_wijzigen(traject=traject, fase=Fase.UITVOERING, datum=D(2025, 1, 20), door=coach)
    with pytest.raises(ValidationError, match="al in de fase"):
        services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 2, 5), door=coach)


def test_intake_admits_and_moves_to_orientatie(traject, coach):
    services.intake_vastleggen(traject=traject, door=coach, data={
        "datum": D(2025, 1, 20), "hulpvraag": "Ander werk", "besluit": IntakeBesluit.TOEGELATEN,
    })
    assert Intake.objects.get(traject=traject).besluit == IntakeBesluit.TOEGELATEN
    assert services.huidige_fase(traject) == Fase.ORIENTATIE
    assert fase_op(traject, D(2025, 1, 20)) == Fase.ORIENTATIE


def test_intake_not_admitted_needs_reason(traject, coach):
    with pytest.raises(ValidationError, match="Licht toe"):
        services.intake_vastleggen(traject=traject, door=coach, data={"datum": D(2025, 1, 20), "besluit": IntakeBesluit.NIET_TOEGELATEN})
    assert not Intake.objects.exists()
    assert services.huidige_fase(traject) == Fase.CONTACT


def test_contact_held_needs_duration_planned_may_be_future(traject, coach):
    with pytest.raises(ValidationError, match="duur"):
        services.contactmoment_vastleggen(traject=traject, door=coach, data={
            "datum": D(2025, 1, 15), "soort": "gesprek", "status": ContactStatus.GEHOUDEN})
    morgen = datetime.date.today() + datetime.timedelta(days=1)
    gepland = services.contactmoment_vastleggen(traject=traject, door=coach, data={
        "datum": morgen, "soort": "gesprek", "status": ContactStatus.GEPLAND})
    with pytest.raises(ValidationError, match="toekomst"):
        services.contactmoment_wijzigen(contact=gepland, door=coach, data={"status": ContactStatus.GEHOUDEN, "duur_minuten": 30}, gelezen_versie=gepland.versie)
    assert Contactmoment.objects.get().status == ContactStatus.GEPLAND


def test_contact_with_unknown_leefgebied_refused(traject, coach):
    with pytest.raises(ValidationError, match="Onbekend leefgebied"):
        services.contactmoment_vastleggen(traject=traject, door=coach, data={
            "datum": D(2025, 1, 15), "status": ContactStatus.GEHOUDEN, "duur_minuten": 30, "leefgebieden": ["werk"]})


def _ingestroomd(traject, coach, datum=D(2025, 1, 20)):
    """An uitstroom needs an instroom: the traject left contact first."""
    services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=datum, door=coach)


def test_uitstroom_without_reason_refused_and_nothing_written(traject, coach):
    _ingestroomd(traject, coach)
    with pytest.raises(ValidationError, match="reden"):
        services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.GESTOPT, datum=D(2025, 5, 1), door=coach, gelezen_versie=traject.versie)
    with pytest.raises(ValidationError, match="uitgestroomd"):
        services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.UITGESTAPT, datum=D(2025, 5, 1), door=coach, gelezen_versie=traject.versie)
    with pytest.raises(ValidationError, match="branche"):
        services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.UITGESTAPT, datum=D(2025, 5, 1), door=coach,
                                   resultaat="opleiding", branche="zorg", gelezen_versie=traject.versie)
    traject.refresh_from_db()
    assert not Uitstroom.objects.exists() and traject.einddatum is None


def test_end_before_start_refused(traject, coach):
    _ingestroomd(traject, coach)
    with pytest.raises(ValidationError, match="vóór de aanmelddatum"):
        services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.GESTOPT, reden="motivatie", datum=D(2025, 1, 1), door=coach, gelezen_versie=traject.versie)
    assert not Uitstroom.objects.exists()


def test_exit_to_paid_work_goes_to_nazorg_then_closes(traject, coach):
    services.fase_wijzigen(traject=traject, fase=Fase.UITVOERING, datum=D(2025, 2, 1), door=coach)
    services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.UITGESTAPT, datum=D(2025, 6, 1), door=coach,
                               resultaat="betaald_werk", branche="zorg", afsluiten=False, gelezen_versie=traject.versie)
    traject.refresh_from_db()
    assert traject.einddatum is None and services.huidige_fase(traject) == Fase.NAZORG
    with pytest.raises(ValidationError, match="vóór de uitstroom"):
        services.traject_afsluiten(traject=traject, einddatum=D(2025, 5, 1), door=coach, gelezen_versie=traject.versie)
    services.traject_afsluiten(traject=traject, einddatum=D(2025, 9, 1), door=coach, gelezen_versie=traject.versie)
    traject.refresh_from_db()
    assert traject.einddatum == D(2025, 9, 1)
    with pytest.raises(ValidationError, match="afgesloten"):
        services.fase_wijzigen(traject=traject, fase=Fase.UITVOERING, datum=D(2025, 9, 2), door=coach)


def test_gestopt_closes_immediately(traject, coach):
    _ingestroomd(traject, coach)
    services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.GESTOPT, reden="contact_verloren", datum=D(2025, 3, 1), door=coach, gelezen_versie=traject.versie)
    traject.refresh_from_db()
    assert traject.einddatum == D(2025, 3, 1)


def test_closing_without_outcome_refused(traject, coach):
    _ingestroomd(traject, coach)
    with pytest.raises(ValidationError, match="uitstroom"):
        services.traject_afsluiten(traject=traject, einddatum=D(2025, 3, 1), door=coach, gelezen_versie=traject.versie)
    with pytest.raises(ValidationError, match="Leg eerst de uitstroom vast"):  # ingestroomd: no closure with a reason
        services.traject_afsluiten(traject=traject, einddatum=D(2025, 3, 1), door=coach, afsluitreden="geen_vervolg",
                                   gelezen_versie=traject.versie)
    traject.refresh_from_db()
    assert traject.einddatum is None


def test_contact_only_traject_closes_without_uitstroom_with_a_reason(traject, coach):
    with pytest.raises(ValidationError, match="contactfase"):
        services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.GESTOPT, reden="motivatie",
                                      datum=D(2025, 3, 1), door=coach, gelezen_versie=traject.versie)
    with pytest.raises(ValidationError, match="zonder instroom"):
        services.traject_afsluiten(traject=traject, einddatum=D(2025, 3, 1), door=coach, gelezen_versie=traject.versie)
    with pytest.raises(ValidationError, match="aanmelddatum"):
        services.traject_afsluiten(traject=traject, einddatum=D(2025, 1, 1), door=coach, afsluitreden="niet_bereikbaar",
                                   gelezen_versie=traject.versie)
    traject.refresh_from_db()
    assert traject.einddatum is None and not Uitstroom.objects.exists()
    services.traject_afsluiten(traject=traject, einddatum=D(2025, 3, 1), door=coach, afsluitreden="niet_bereikbaar",
                               gelezen_versie=traject.versie)
    traject.refresh_from_db()
    assert (traject.einddatum, traject.afsluitreden) == (D(2025, 3, 1), "niet_bereikbaar")
    assert not Uitstroom.objects.exists()
    assert AuditEvent.objects.filter(object_type="traject", actie="update").exists()


def test_relapse_only_after_exit(traject, coach):
    _ingestroomd(traject, coach)
    with pytest.raises(ValidationError, match="uitgestapt"):
        services.terugval_vastleggen(traject=traject, datum=D(2025, 7, 1), door=coach)
    services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.UITGESTAPT, datum=D(2025, 6, 1), door=coach, resultaat="opleiding", gelezen_versie=traject.versie)
    with pytest.raises(ValidationError, match="vóór de uitstroom"):
        services.terugval_vastleggen(traject=traject, datum=D(2025, 5, 1), door=coach)
    services.terugval_vastleggen(traject=traject, datum=D(2025, 8, 1), door=coach, toelichting="Geldnood")
    assert Terugval.objects.count() == 1


def test_re_entry_after_dropout(traject, coach):
    _ingestroomd(traject, coach)
    services.uitstroom_vastleggen(traject=traject, soort=UitstroomSoort.GESTOPT, reden="motivatie", datum=D(2025, 3, 1), door=coach, gelezen_versie=traject.versie)
    with pytest.raises(ValidationError, match="latere datum"):
        services.traject_starten(deelnemer=traject.deelnemer, aanmelddatum=D(2025, 2, 1), door=coach)
    tweede = services.traject_starten(deelnemer=traject.deelnemer, aanmelddatum=D(2025, 6, 1), door=coach)
    assert traject.deelnemer.trajecten.count() == 2
    assert services.huidige_fase(tweede) == Fase.CONTACT


def test_fase_overgang_rows_are_only_appended(traject, coach):
    services.fase_wijzigen(traject=traject, fase=Fase.ORIENTATIE, datum=D(2025, 2, 1), door=coach)
    eerste = list(FaseOvergang.objects.order_by("id").values_list("id", "fase", "datum"))
    services.fase_wijzigen(traject=traject, fase=Fase.UITVOERING, datum=D(2025, 3, 1), door=coach)
    assert list(FaseOvergang.objects.order_by("id").values_list("id", "fase", "datum"))[:2] == eerste
