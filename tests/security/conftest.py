"""Fixtures for security tests: a second programme run by another organisation, with its own people."""

import datetime

import pytest

from clients.models import Signaal
from tests.factories import (
    DeelnemerFactory,
    GebruikerFactory,
    GemeenteFactory,
    OrganisatieFactory,
    ProgrammaFactory,
    ToestemmingFactory,
)
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


def _klantmanager(naam):
    return GebruikerFactory(username=f"km_{naam.lower()}", rol=Rol.KLANTMANAGER, organisatie=None,
                            gemeente=GemeenteFactory(naam=naam))


@pytest.fixture
def km_geldig(db):
    return _klantmanager("Zeewolde")


@pytest.fixture
def km_verlopen(db):
    return _klantmanager("Dronten")


@pytest.fixture
def km_ingetrokken(db):
    return _klantmanager("Lelystad")


@pytest.fixture
def km_toestemmingen(deelnemer, coach, km_geldig, km_verlopen, km_ingetrokken):
    """Participant A shares everything with Zeewolde (valid, with a signal), Dronten (expired), Lelystad (withdrawn)."""
    alles = ["basis", "werk_inkomen", "trajectplan", "gevoelig"]
    vandaag = datetime.date.today()
    geldig = ToestemmingFactory(deelnemer=deelnemer, gemeente=km_geldig.gemeente, scopes=alles)
    ToestemmingFactory(deelnemer=deelnemer, gemeente=km_verlopen.gemeente, scopes=alles,
                       gegeven_op=vandaag - datetime.timedelta(days=400), geldig_tot=vandaag - datetime.timedelta(days=1))
    ToestemmingFactory(deelnemer=deelnemer, gemeente=km_ingetrokken.gemeente, scopes=alles,
                       ingetrokken_op=datetime.datetime.now(datetime.UTC), ingetrokken_door=coach)
    Signaal.objects.create(deelnemer=deelnemer, gemeente=km_geldig.gemeente, toestemming=geldig, datum=vandaag,
                           tekst="Plek vrij", door=km_geldig)
