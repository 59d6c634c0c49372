"""Toestemming: the klantmanager sees exactly the participants with a valid consent for her gemeente."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from clients import services
from clients.models import Scope, Toestemming
from clients.selectors import (
    deelnemers_visible_to,
    geldige_toestemming,
    grondslag,
    scopes_voor,
    toestemmingen_actueel,
    toestemmingen_verlopen_binnenkort,
)
from tests.factories import DeelnemerFactory, GebruikerFactory, GemeenteFactory, ToestemmingFactory
from uitstap.audit import Actie
from uitstap.codes import Rol
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db


def _vastleggen(deelnemer, gemeente, door, scopes=("basis",), **kw):
    velden = dict(tekstversie="2026-1", gegeven_op=datetime.date.today(), wijze=Toestemming.Wijze.MONDELING,
                  verklaring="Mondeling, in het gesprek.")
    velden |= kw
    return services.toestemming_vastleggen(deelnemer=deelnemer, gemeente=gemeente, scopes=list(scopes), door=door,
                                           **velden)


def test_klantmanager_sees_exactly_the_valid_consents(deelnemer, ander_deelnemer, klantmanager, gemeente, coach,
                                                        coach3, programma):
    assert not deelnemers_visible_to(klantmanager).exists()  # nothing is shared by default
    _vastleggen(deelnemer, gemeente, coach)
    verlopen = DeelnemerFactory(programma=programma, begeleider=coach)
    ToestemmingFactory(deelnemer=verlopen, gemeente=gemeente, gegeven_op=datetime.date.today() - datetime.timedelta(days=400),
                       geldig_tot=datetime.date.today() - datetime.timedelta(days=1))
    ingetrokken = DeelnemerFactory(programma=programma, begeleider=coach)
    t = ToestemmingFactory(deelnemer=ingetrokken, gemeente=gemeente)
    services.toestemming_intrekken(toestemming=t, reden="wil het niet meer", gelezen_versie=t.versie, door=coach)
    elders = DeelnemerFactory(programma=programma, begeleider=coach3)
    ToestemmingFactory(deelnemer=elders, gemeente=GemeenteFactory(naam="Lelystad"))
    toekomst = DeelnemerFactory(programma=programma, begeleider=coach)
    ToestemmingFactory(deelnemer=toekomst, gemeente=gemeente, gegeven_op=datetime.date.today() + datetime.timedelta(days=3))
    assert list(deelnemers_visible_to(klantmanager)) == [deelnemer]


def test_other_gemeente_sees_nothing(deelnemer, gemeente, coach):
    _vastleggen(deelnemer, gemeente, coach, scopes=("basis", "werk_inkomen", "trajectplan", "gevoelig"))
    lelystad = GebruikerFactory(rol=Rol.KLANTMANAGER, organisatie=None, gemeente=GemeenteFactory(naam="Lelystad"))
    assert not deelnemers_visible_to(lelystad).exists()
    assert scopes_voor(lelystad, deelnemer) == frozenset()


def test_expiry_by_time_machine(deelnemer, gemeente, coach, klantmanager):
    t = _vastleggen(deelnemer, gemeente, coach)
    assert t.geldig_tot == services.toestemming_standaard_einde(datetime.date.today())  # one year by default
    with time_machine.travel(t.geldig_tot, tick=False):
        assert list(deelnemers_visible_to(klantmanager)) == [deelnemer]
    with time_machine.travel(t.geldig_tot + datetime.timedelta(days=1), tick=False):
        assert not deelnemers_visible_to(klantmanager).exists()


def test_scopes_voor(deelnemer, gemeente, coach, coach3, coordinator, klantmanager, beheerder):
    _vastleggen(deelnemer, gemeente, coach, scopes=("werk_inkomen", "basis"))
    assert scopes_voor(klantmanager, deelnemer) == {"basis", "werk_inkomen"}
    assert scopes_voor(coach, deelnemer) == set(Scope.values)
    assert scopes_voor(coordinator, deelnemer) == set(Scope.values)
    assert scopes_voor(coach3, deelnemer) == frozenset()
    assert scopes_voor(beheerder, deelnemer) == frozenset()


def test_a_change_is_a_new_row_and_the_newest_counts(deelnemer, gemeente, coach, klantmanager):
    eerste = _vastleggen(deelnemer, gemeente, coach, scopes=("basis", "trajectplan"))
    tweede = _vastleggen(deelnemer, gemeente, coach, scopes=("basis",))
    assert tweede.vorige == eerste
    assert Toestemming.objects.filter(deelnemer=deelnemer).count() == 2
    assert scopes_voor(klantmanager, deelnemer) == {"basis"}  # the older, wider row no longer counts
    assert toestemmingen_actueel(deelnemer) == [tweede]


def test_extend_makes_a_new_row_with_the_same_scopes(deelnemer, gemeente, coach, klantmanager):
    t = _vastleggen(deelnemer, gemeente, coach, scopes=("basis", "werk_inkomen"))
    nieuw_einde = datetime.date.today() + datetime.timedelta(days=700)
    verlengd = services.toestemming_verlengen(
        toestemming=t, geldig_tot=nieuw_einde, gegeven_op=datetime.date.today(), wijze=Toestemming.Wijze.MONDELING,
        verklaring="Opnieuw gevraagd", gelezen_versie=t.versie, door=coach)
    assert verlengd.vorige_id == t.pk and verlengd.scopes == ["basis", "werk_inkomen"]
    assert geldige_toestemming(klantmanager, deelnemer) == verlengd
    with pytest.raises(ValidationError):  # the old row cannot be extended twice
        services.toestemming_verlengen(
            toestemming=Toestemming.objects.get(pk=t.pk), geldig_tot=nieuw_einde, gegeven_op=datetime.date.today(),
            wijze=Toestemming.Wijze.MONDELING, verklaring="x", gelezen_versie=t.versie + 1, door=coach)


def test_rules_of_a_consent(deelnemer, gemeente, coach, klantmanager):
    vandaag = datetime.date.today()
    with pytest.raises(ValidationError) as e:
        _vastleggen(deelnemer, gemeente, coach, geldig_tot=vandaag + datetime.timedelta(days=800))
    assert "geldig_tot" in e.value.error_dict
    with pytest.raises(ValidationError) as e:
        _vastleggen(deelnemer, gemeente, coach, scopes=("gevoelig",))
    assert "scopes" in e.value.error_dict
    with pytest.raises(ValidationError) as e:
        _vastleggen(deelnemer, gemeente, coach, wijze=Toestemming.Wijze.FORMULIER)
    assert "document" in e.value.error_dict
    with pytest.raises(ValidationError) as e:
        _vastleggen(deelnemer, gemeente, coach, verklaring="  ")
    assert "verklaring" in e.value.error_dict
    with pytest.raises(ValidationError):
        _vastleggen(deelnemer, gemeente, klantmanager)
    assert not Toestemming.objects.exists()


def test_withdraw_once_and_audited(deelnemer, gemeente, coach, klantmanager):
    t = _vastleggen(deelnemer, gemeente, coach)
    services.toestemming_intrekken(toestemming=t, reden="verhuisd", gelezen_versie=t.versie, door=coach)
    assert not deelnemers_visible_to(klantmanager).exists()
    with pytest.raises(ValidationError):
        services.toestemming_intrekken(toestemming=t, reden="", gelezen_versie=t.versie, door=coach)
    acties = list(AuditEvent.objects.filter(clientcode=deelnemer.clientcode).values_list("actie", "object_type"))
    assert (Actie.CREATE, "toestemming") in acties and (Actie.UPDATE, "toestemming_intrekking") in acties


def test_grondslag_of_a_klantmanager_is_the_consent(deelnemer, gemeente, coach, klantmanager):
    t = _vastleggen(deelnemer, gemeente, coach)
    assert grondslag(klantmanager, deelnemer) == f"toestemming:{t.pk}"


def test_expiring_soon(deelnemer, ander_deelnemer, gemeente, coach):
    vandaag = datetime.date.today()
    bijna = ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, gegeven_op=vandaag - datetime.timedelta(days=340),
                               geldig_tot=vandaag + datetime.timedelta(days=20))
    ToestemmingFactory(deelnemer=ander_deelnemer, gemeente=gemeente)
    assert list(toestemmingen_verlopen_binnenkort(deelnemers_visible_to(coach))) == [bijna]


def test_signaal_needs_a_valid_consent_and_the_coach_closes_it(deelnemer, gemeente, coach, klantmanager):
    with pytest.raises(ValidationError):
        services.signaal_aanmaken(deelnemer=deelnemer, tekst="Plek vrij", door=klantmanager)
    t = _vastleggen(deelnemer, gemeente, coach)
    s = services.signaal_aanmaken(deelnemer=deelnemer, tekst="Plek bij werkfit-traject vrij", door=klantmanager)
    assert s.toestemming == t and s.datum == datetime.date.today()
    with pytest.raises(ValidationError):
        services.signaal_afsluiten(signaal=s, gelezen_versie=s.versie, door=klantmanager)
    services.signaal_afsluiten(signaal=s, gelezen_versie=s.versie, door=coach)
    assert s.afgesloten_door == coach
