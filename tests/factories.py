"""Factories for tests: synthetic data only (Faker nl_NL)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from clients.models import Deelnemer
from uitstap.codes import KetenpartnerSoort, Regeling, Rol
from uitstap.models import Gebruiker, Gemeente, Ketenpartner, Organisatie, Programma

factory.Faker._DEFAULT_LOCALE = "nl_NL"

WACHTWOORD = "test-wachtwoord-2026"


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Organisatie {n}")


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("naam",)

    naam = factory.Sequence(lambda n: f"Gemeente {n}")


class GebruikerFactory(DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    rol = Rol.TRAJECTBEGELEIDER
    organisatie = factory.SubFactory(OrganisatieFactory)
    password = factory.PostGenerationMethodCall("set_password", WACHTWOORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ProgrammaFactory(DjangoModelFactory):
    class Meta:
        model = Programma
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Uitstapprogramma {n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")
    code = "TST"
    regeling = Regeling.DUUP
    startdatum = datetime.date(2020, 1, 1)

    @factory.post_generation
    def organisaties(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.organisaties.set(extracted)


class KetenpartnerFactory(DjangoModelFactory):
    class Meta:
        model = Ketenpartner

    programma = factory.SubFactory(ProgrammaFactory)
    naam = factory.Sequence(lambda n: f"Partner {n}")
    soort = KetenpartnerSoort.SCHULDHULPVERLENING


class DeelnemerFactory(DjangoModelFactory):
    class Meta:
        model = Deelnemer

    programma = factory.SubFactory(ProgrammaFactory)
    clientcode = factory.Sequence(lambda n: f"TST-2026-{n + 1:04d}")
    roepnaam = factory.Faker("first_name_female")
    geboortejaar = 1990


class ToestemmingFactory(DjangoModelFactory):
    """A verbal consent given today for one year (scopes: basis unless given)."""

    class Meta:
        model = "clients.Toestemming"

    deelnemer = factory.SubFactory(DeelnemerFactory)
    gemeente = factory.SubFactory(GemeenteFactory, naam="Almere")
    scopes = factory.LazyFunction(lambda: ["basis"])
    tekstversie = "2026-1"
    gegeven_op = factory.LazyFunction(datetime.date.today)
    geldig_tot = factory.LazyAttribute(lambda o: o.gegeven_op + datetime.timedelta(days=365))
    wijze = "mondeling"
    verklaring = "Mondeling gegeven in het gesprek van vandaag."
    vastgelegd_door = factory.LazyAttribute(lambda o: o.deelnemer.begeleider)
