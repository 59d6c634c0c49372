"""Fixtures for security tests: a second programme run by another organisation, with its own people."""

import pytest

from tests.factories import DeelnemerFactory, GebruikerFactory, OrganisatieFactory, ProgrammaFactory
from uitstap.codes import Rol


@pytest.fixture
def andere_organisatie(db):
    return OrganisatieFactory(naam="Stichting Elders")


@pytest.fixture
def ander_programma(andere_organisatie, gemeente):
    p = ProgrammaFactory(naam="Uitstapprogramma Elders", slug="elders", code="ELD", organisaties=[andere_organisatie])
    p.gemeenten.add(gemeente)
    return p


@pytest.fixture
def coach_elders(andere_organisatie):
    return GebruikerFactory(username="coach_elders", rol=Rol.TRAJECTBEGELEIDER, organisatie=andere_organisatie)


@pytest.fixture
def coordinator_elders(andere_organisatie):
    return GebruikerFactory(username="coord_elders", rol=Rol.COORDINATOR, organisatie=andere_organisatie)


@pytest.fixture
def deelnemer_elders(ander_programma, coach_elders):
    return DeelnemerFactory(programma=ander_programma, clientcode="ELD-2026-0001", begeleider=coach_elders)
