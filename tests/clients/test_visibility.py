"""deelnemers_visible_to: the one rule for who sees whom."""

import datetime

import pytest

from clients.selectors import deelnemers_visible_to
from tests.factories import DeelnemerFactory, GebruikerFactory, OrganisatieFactory, ProgrammaFactory
from uitstap.codes import Rol


def test_coach_sees_own_and_backup_only(deelnemer, ander_deelnemer, coach, coach2, coach3):
    assert list(deelnemers_visible_to(coach)) == [deelnemer]
    assert list(deelnemers_visible_to(coach2)) == [deelnemer]  # achtervang
    assert list(deelnemers_visible_to(coach3)) == [ander_deelnemer]


def test_coordinator_sees_own_organisations_programmes(deelnemer, ander_deelnemer, coordinator):
    ander_org = OrganisatieFactory(naam="Andere organisatie")
    vreemd = DeelnemerFactory(programma=ProgrammaFactory(organisaties=[ander_org]))
    zichtbaar = set(deelnemers_visible_to(coordinator))
    assert zichtbaar == {deelnemer, ander_deelnemer}
    assert vreemd not in zichtbaar
    andere_coord = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=ander_org)
    assert list(deelnemers_visible_to(andere_coord)) == [vreemd]


def test_joint_programme_with_arrangement_visible_to_both_organisations(organisatie):
    tweede = OrganisatieFactory(naam="Tweede uitvoerder")
    programma = ProgrammaFactory(organisaties=[organisatie, tweede], gezamenlijke_verwerking=True,
                                 gezamenlijke_verwerking_sinds=datetime.date(2024, 1, 1))
    van_a = DeelnemerFactory(programma=programma, begeleider=GebruikerFactory(organisatie=organisatie))
    van_b = DeelnemerFactory(programma=programma, begeleider=GebruikerFactory(organisatie=tweede))
    for org in (organisatie, tweede):
        coord = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=org)
        assert set(deelnemers_visible_to(coord)) == {van_a, van_b}


def test_joint_programme_without_arrangement_each_coordinator_sees_own_organisation(organisatie):
    tweede = OrganisatieFactory(naam="Tweede uitvoerder")
    programma = ProgrammaFactory(organisaties=[organisatie, tweede])
    van_a = DeelnemerFactory(programma=programma, begeleider=GebruikerFactory(organisatie=organisatie))
    van_b = DeelnemerFactory(programma=programma, begeleider=GebruikerFactory(organisatie=tweede))
    DeelnemerFactory(programma=programma)  # no coach yet: no organisation's participant
    coord_a = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=organisatie)
    coord_b = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=tweede)
    assert list(deelnemers_visible_to(coord_a)) == [van_a]
    assert list(deelnemers_visible_to(coord_b)) == [van_b]


@pytest.mark.django_db
def test_klantmanager_without_consent_and_beheerder_see_nobody(deelnemer, klantmanager, beheerder):
    assert not deelnemers_visible_to(klantmanager).exists()
    assert not deelnemers_visible_to(beheerder).exists()


def test_deactivated_user_sees_nobody(deelnemer, coach):
    coach.is_active = False
    coach.save()
    assert not deelnemers_visible_to(coach).exists()


def test_building_the_visible_queryset_runs_no_query_and_joins_no_table(coach, coordinator, klantmanager,
                                                                       django_assert_num_queries):
    """Lists count and cut pages on this queryset alone (issue 21): the coach's organisation is a subquery, not a
    join, and nothing is looked up while it is built."""
    for user in (coach, coordinator, klantmanager):
        with django_assert_num_queries(0):
            qs = deelnemers_visible_to(user)
            sql = str(qs.query)
        assert [alias for alias, n in qs.query.alias_refcount.items() if n] == ["clients_deelnemer"], (user.rol, sql)
