"""Shared fixtures: a programme run by one organisation, its coaches, coordinator and participants."""

import datetime

import pytest

from tests.factories import (
    WACHTWOORD,
    DeelnemerFactory,
    GebruikerFactory,
    GemeenteFactory,
    OrganisatieFactory,
    ProgrammaFactory,
)
from uitstap.codes import Rol


@pytest.fixture(autouse=True, scope="session")
def _flush_mag_het_auditlog_legen():
    """After a transactional test pytest-django empties every table with TRUNCATE; on PostgreSQL the audit
    log's trigger refuses that, as it must in production. The tests lift that one trigger for the flush."""
    from django.core.management.commands import flush
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    from tests.pgtriggers import triggers_genegeerd

    origineel = flush.Command.handle

    def handle(self, *args, **kwargs):
        with triggers_genegeerd("uitstap.AuditEvent:auditevent_geen_truncate"):
            return origineel(self, *args, **kwargs)

    flush.Command.handle = handle
    yield
    flush.Command.handle = origineel


@pytest.fixture
def organisatie(db):
    return OrganisatieFactory(naam="Stichting Test")


@pytest.fixture
def gemeente(db):
    return GemeenteFactory(naam="Almere")


@pytest.fixture
def programma(organisatie, gemeente):
    p = ProgrammaFactory(naam="Uitstapprogramma Test", slug="test", code="TST", organisaties=[organisatie])
    p.gemeenten.add(gemeente)
    return p


@pytest.fixture
def coach(organisatie):
    return GebruikerFactory(username="coach1", rol=Rol.TRAJECTBEGELEIDER, organisatie=organisatie)


@pytest.fixture
def coach2(organisatie):
    return GebruikerFactory(username="coach2", rol=Rol.TRAJECTBEGELEIDER, organisatie=organisatie)


@pytest.fixture
def coach3(organisatie):
    return GebruikerFactory(username="coach3", rol=Rol.TRAJECTBEGELEIDER, organisatie=organisatie)


@pytest.fixture
def coordinator(organisatie):
    return GebruikerFactory(username="coord", rol=Rol.COORDINATOR, organisatie=organisatie)


@pytest.fixture
def klantmanager(gemeente):
    return GebruikerFactory(username="km", rol=Rol.KLANTMANAGER, organisatie=None, gemeente=gemeente)


@pytest.fixture
def beheerder(organisatie):
    return GebruikerFactory(username="beheer", rol=Rol.BEHEERDER, organisatie=organisatie)


@pytest.fixture
def deelnemer(programma, coach, coach2):
    """A participant of coach, with coach2 as achtervang."""
    return DeelnemerFactory(programma=programma, begeleider=coach, achtervang=coach2)


@pytest.fixture
def ander_deelnemer(programma, coach3):
    """A participant of another coach (coach3), no link to coach or coach2."""
    return DeelnemerFactory(programma=programma, begeleider=coach3)


@pytest.fixture
def vandaag():
    return datetime.date.today()


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def wachtwoord():
    return WACHTWOORD


@pytest.fixture(autouse=True)
def _vandaag_per_test(request):
    """A module that names today VANDAAG gets it fresh for every test, never at import time: a run may
    cross midnight, and time-machine tests move the clock."""
    module = getattr(request, "module", None)
    if getattr(module, "VANDAAG_PER_TEST", False):
        module.VANDAAG = datetime.date.today()
