"""The model pieces of the second figure set: a traject's organisatie, afsluitreden and Nacontrole records."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import DeelnemerFactory, GebruikerFactory, OrganisatieFactory, ProgrammaFactory
from trajecten import services
from trajecten.models import Nacontrole, Traject
from uitstap.codes import Rol

D = datetime.date
pytestmark = pytest.mark.django_db


def test_traject_start_takes_the_coachs_organisation_in_a_joint_programme():
    a, b = OrganisatieFactory(naam="Alpha"), OrganisatieFactory(naam="Beta")
    p = ProgrammaFactory(slug="samen", organisaties=[a, b])
    coach_b = GebruikerFactory(rol=Rol.TRAJECTBEGELEIDER, organisatie=b)
    t = services.traject_starten(deelnemer=DeelnemerFactory(programma=p), aanmelddatum=D(2025, 1, 10), door=coach_b)
    assert t.organisatie == b


def test_traject_start_falls_back_to_the_first_organisation():
    a, b = OrganisatieFactory(naam="Alpha"), OrganisatieFactory(naam="Beta")
    p = ProgrammaFactory(slug="samen", organisaties=[b, a])
    buiten = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=OrganisatieFactory(naam="Elders"))
    t = services.traject_starten(deelnemer=DeelnemerFactory(programma=p), aanmelddatum=D(2025, 1, 10), door=buiten)
    assert t.organisatie == a


def test_afsluitreden_needs_an_einddatum(programma):
    t = Traject.objects.create(deelnemer=DeelnemerFactory(programma=programma), aanmelddatum=D(2024, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Traject.objects.filter(pk=t.pk).update(afsluitreden="geen_vervolg")
    Traject.objects.filter(pk=t.pk).update(afsluitreden="geen_vervolg", einddatum=D(2024, 2, 1))
    assert Traject.objects.get(pk=t.pk).afsluitreden == "geen_vervolg"


def test_nacontrole_codes_are_constrained(programma):
    t = Traject.objects.create(deelnemer=DeelnemerFactory(programma=programma), aanmelddatum=D(2024, 1, 1))
    Nacontrole.objects.create(traject=t, datum=D(2025, 1, 1), termijn="12m", uitkomst="uitgestapt_gebleven")
    with pytest.raises(IntegrityError), transaction.atomic():
        Nacontrole.objects.create(traject=t, datum=D(2025, 1, 1), termijn="24m", uitkomst="onbekend")
    with pytest.raises(IntegrityError), transaction.atomic():
        Nacontrole.objects.create(traject=t, datum=D(2025, 1, 1), termijn="6m", uitkomst="misschien")
    assert Nacontrole.objects.count() == 1
