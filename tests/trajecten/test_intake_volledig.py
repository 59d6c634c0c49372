"""The intake in full: programme criteria (maintained by the coordinator), follow-up talks, AVG erasure of the answers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.avg import deelnemer_wissen
from tests.factories import DeelnemerFactory
from trajecten import services
from trajecten.models import Intake, IntakeCriterium, Intakegesprek
from uitstap.models import Toelatingscriterium
from uitstap.services import toelatingscriterium_aanmaken, toelatingscriterium_actief_wijzigen

D = datetime.date


@pytest.fixture
def criteria(programma, coordinator):
    maak = lambda **kw: toelatingscriterium_aanmaken(programma=programma, data=kw, door=coordinator)  # noqa: E731
    return {
        "wil": maak(soort="criterium", omschrijving="Wil uitstappen uit de prostitutie"),
        "verslaving": maak(soort="contra_indicatie", omschrijving="Actieve verslaving", neemt_zelf_actie=True),
        "psychiatrie": maak(soort="contra_indicatie", omschrijving="Ernstige psychiatrische problematiek"),
    }


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)


def _intake(traject, coach, criteria, antwoorden, **data):
    return services.intake_vastleggen(
        traject=traject, door=coach, criteria={criteria[k].pk: v for k, v in antwoorden.items()},
        data={"datum": D(2025, 1, 20), "besluit": "toegelaten", **data})


def test_coordinator_list_refuses_a_duplicate(programma, coordinator, criteria):
    with pytest.raises(ValidationError, match="al in de lijst"):
        toelatingscriterium_aanmaken(programma=programma, data={"soort": "criterium",
                                                                "omschrijving": "actieve verslaving"}, door=coordinator)


def test_answers_are_stored_and_a_contra_indication_the_participant_acts_on_needs_no_reason(traject, coach, criteria):
    intake = _intake(traject, coach, criteria, {"wil": True, "verslaving": True, "psychiatrie": False},
                     levensverhaal="Sinds 2015 in de branche.", vrijwillig_bevestigd=True, hoe_gehoord="lotgenoot")
    assert dict(intake.criteria.values_list("criterium__omschrijving", "voldaan")) == {
        "Wil uitstappen uit de prostitutie": True, "Actieve verslaving": True,
        "Ernstige psychiatrische problematiek": False}
    assert intake.vrijwillig_bevestigd and intake.hoe_gehoord == "lotgenoot"


def test_admitting_despite_a_contra_indication_or_unmet_criterion_needs_a_reason(traject, coach, criteria):
    with pytest.raises(ValidationError, match="ondanks: Ernstige psychiatrische problematiek"):
        _intake(traject, coach, criteria, {"psychiatrie": True})
    with pytest.raises(ValidationError, match="ondanks: Wil uitstappen"):
        _intake(traject, coach, criteria, {"wil": False})
    assert not Intake.objects.exists()
    _intake(traject, coach, criteria, {"psychiatrie": True}, besluit_reden="Behandeling loopt; GGZ betrokken.")
    assert IntakeCriterium.objects.get().voldaan is True


def test_a_criterion_of_another_programme_is_refused(traject, coach, criteria):
    from tests.factories import ProgrammaFactory

    ander = Toelatingscriterium.objects.create(programma=ProgrammaFactory(), soort="criterium", omschrijving="Elders")
    with pytest.raises(ValidationError, match="hoort niet bij het programma"):
        services.intake_vastleggen(traject=traject, door=coach, criteria={ander.pk: True},
                                   data={"datum": D(2025, 1, 20), "besluit": "toegelaten"})


def test_follow_up_talks_belong_to_the_intake(traject, coach, criteria):
    intake = _intake(traject, coach, criteria, {"wil": True})
    services.intakegesprek_vastleggen(intake=intake, datum=D(2025, 1, 27), notitie="Levensverhaal verder.", door=coach)
    services.intakegesprek_vastleggen(intake=intake, datum=D(2025, 2, 3), notitie="Wensen per leefgebied.", door=coach)
    assert list(intake.gesprekken.values_list("datum", flat=True)) == [D(2025, 1, 27), D(2025, 2, 3)]
    # What the timeline tab shows (selectors.intakegesprekken, SQL compiled once): this traject's talks only.
    from trajecten.selectors import intakegesprekken
    ander = services.traject_starten(deelnemer=DeelnemerFactory(programma=traject.deelnemer.programma,
                                                                begeleider=coach), aanmelddatum=D(2025, 1, 5), door=coach)
    assert [g.datum for g in intakegesprekken(traject)] == [D(2025, 1, 27), D(2025, 2, 3)]
    assert intakegesprekken(ander) == [] and intakegesprekken(None) == []
    with pytest.raises(ValidationError, match="vóór de intake"):
        services.intakegesprek_vastleggen(intake=intake, datum=D(2025, 1, 19), notitie="x", door=coach)
    # The figure intakes_gehouden still counts the intake date only.
    from rapportage.cijfers import intakes_gehouden
    assert intakes_gehouden(traject.deelnemer.programma, D(2025, 1, 1), D(2025, 12, 31)) == 1


def test_erasure_empties_criteria_answers_and_talks(traject, coach, criteria, coordinator):
    intake = _intake(traject, coach, criteria, {"wil": True, "verslaving": True}, levensverhaal="Verhaal")
    services.intakegesprek_vastleggen(intake=intake, datum=D(2025, 1, 27), notitie="Gesprek", door=coach)
    deelnemer_wissen(deelnemer=traject.deelnemer, door=coordinator, wettelijke_grond="art17_1a")
    assert set(IntakeCriterium.objects.values_list("voldaan", flat=True)) == {None}
    intake.refresh_from_db()
    assert intake.levensverhaal == "" and Intakegesprek.objects.get().notitie == "[gewist]"


def test_intake_form_shows_the_programme_list_instead_of_the_four_questions(login, traject, coach, criteria, coordinator):
    toelatingscriterium_actief_wijzigen(criterium=criteria["psychiatrie"], actief=False, door=coordinator)
    client = login(coach)
    html = client.get(reverse("trajecten:intake", args=[traject.pk])).content.decode()
    assert "Contra-indicatie: Actieve verslaving" in html and "De deelnemer neemt hier zelf actie op." in html
    assert "Ernstige psychiatrische problematiek" not in html  # switched off
    assert "spreekt_nederlands_of_engels" not in html
    r = client.post(reverse("trajecten:intake", args=[traject.pk]), {
        "datum": "2025-01-20", "besluit": "toegelaten", f"criterium_{criteria['wil'].pk}": "ja",
        f"criterium_{criteria['verslaving'].pk}": "nee", "vrijwillig_bevestigd": "on"})
    assert r.status_code == 302
    assert dict(IntakeCriterium.objects.values_list("criterium_id", "voldaan")) == {
        criteria["wil"].pk: True, criteria["verslaving"].pk: False}


def test_coordinator_screen_adds_and_switches_off(login, programma, coordinator, coach):
    client = login(coordinator)
    url = reverse("programma_criteria", args=[programma.slug])
    r = client.post(url, {"soort": "contra_indicatie", "omschrijving": "Geen rechtmatig verblijf", "volgorde": 1})
    assert r.status_code == 302
    c = Toelatingscriterium.objects.get()
    client.post(reverse("criterium_actief", args=[programma.slug, c.pk]))
    c.refresh_from_db()
    assert not c.actief
    assert login(coach).get(url).status_code == 403
