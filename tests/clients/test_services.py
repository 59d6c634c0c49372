"""Registering participants: clientcodes, the team check, personal data with a version check."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from clients.models import Deelnemer
from clients.services import begeleiding_toewijzen, deelnemer_wijzigen, deelnemer_aanmaken
from tests.factories import GebruikerFactory, OrganisatieFactory
from uitstap.codes import Rol
from uitstap.locking import Conflict


def test_clientcode_generated_per_programme_and_year(programma, coach):
    a = deelnemer_aanmaken(programma=programma, door=coach, roepnaam="Mira")
    b = deelnemer_aanmaken(programma=programma, door=coach, roepnaam="Lena")
    jaar = datetime.date.today().year
    assert a.clientcode == f"TST-{jaar}-0001"
    assert b.clientcode == f"TST-{jaar}-0002"
    assert a.begeleider == coach


def test_coach_of_another_organisation_refused(programma, coach):
    vreemde = GebruikerFactory(rol=Rol.TRAJECTBEGELEIDER, organisatie=OrganisatieFactory(naam="Elders"))
    with pytest.raises(ValidationError, match="niet voor dit programma"):
        deelnemer_aanmaken(programma=programma, door=coach, begeleider=vreemde)
    assert not Deelnemer.objects.exists()


def test_backup_must_differ_from_coach(programma, coach):
    with pytest.raises(ValidationError, match="iemand anders"):
        deelnemer_aanmaken(programma=programma, door=coach, achtervang=coach)


def test_bad_country_code_refused(programma, coach):
    with pytest.raises(ValidationError, match="landcode"):
        deelnemer_aanmaken(programma=programma, door=coach, herkomstland="Roemenie")


def test_second_save_with_old_version_conflicts_and_first_stays(deelnemer, coach, coach2):
    versie = deelnemer.versie
    deelnemer_wijzigen(deelnemer=Deelnemer.objects.get(pk=deelnemer.pk), data={"roepnaam": "Eerste"},
                        gelezen_versie=versie, door=coach)
    with pytest.raises(Conflict) as c:
        deelnemer_wijzigen(deelnemer=Deelnemer.objects.get(pk=deelnemer.pk), data={"roepnaam": "Tweede"},
                            gelezen_versie=versie, door=coach2)
    assert c.value.actueel.roepnaam == "Eerste"
    assert Deelnemer.objects.get(pk=deelnemer.pk).roepnaam == "Eerste"


def test_only_personal_fields_change(deelnemer, coach, coach3):
    deelnemer_wijzigen(deelnemer=deelnemer, data={"roepnaam": "X", "begeleider": coach3, "programma": None},
                        gelezen_versie=deelnemer.versie, door=coach)
    deelnemer.refresh_from_db()
    assert deelnemer.begeleider == coach and deelnemer.programma_id is not None


def test_only_coordinator_assigns(deelnemer, coach, coach3, coordinator):
    with pytest.raises(ValidationError):
        begeleiding_toewijzen(deelnemer=deelnemer, begeleider=coach3, achtervang=None, gelezen_versie=None, door=coach)
    begeleiding_toewijzen(deelnemer=deelnemer, begeleider=coach3, achtervang=coach, gelezen_versie=deelnemer.versie, door=coordinator)
    deelnemer.refresh_from_db()
    assert deelnemer.begeleider == coach3 and deelnemer.achtervang == coach


def test_personal_data_post_without_read_version_is_refused(login, deelnemer, coach):
    from django.urls import reverse

    response = login(coach).post(reverse("trajecten:persoonsgegevens", args=[deelnemer.pk]), {
        "roepnaam": "Zonder versie", "gender": "vrouw", "verblijfsstatus": "onbekend", "sector": "onbekend",
        "heeft_kinderen": "unknown"})
    assert response.status_code == 200 and "verouderd" in response.text
    deelnemer.refresh_from_db()
    assert deelnemer.roepnaam != "Zonder versie"
