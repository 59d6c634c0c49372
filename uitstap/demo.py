"""Demo data for the core: organisations, gemeenten, the Flevoland programme, users, a basic sociale kaart."""

import datetime
import random

from uitstap.codes import KetenpartnerSoort, Regeling, Rol
from uitstap.models import Gebruiker, Gemeente, Ketenpartner, Organisatie, Programma, ProgrammaJaar

DEMO_GEMEENTEN = [
    ("Almere", "0034"), ("Lelystad", "0995"), ("Dronten", "0303"), ("Zeewolde", "0050"),
    ("Noordoostpolder", "0171"), ("Urk", "0184"),
]
ORGANISATIES = ["Stichting De Overstap", "Kompas Zorg Flevoland"]


# The password printed by `make demo` and in the README: whoever read it can log in as every demo user.
GEPUBLICEERD_WACHTWOORD = "uitstap-demo-2026"


def demo_wachtwoord() -> str:
    import os

    return os.environ.get("DEMO_WACHTWOORD") or GEPUBLICEERD_WACHTWOORD


def seed_kern(rng: random.Random, vandaag: datetime.date) -> dict:
    gemeenten = {}
    for naam, cbs in DEMO_GEMEENTEN:
        gemeenten[naam], _ = Gemeente.objects.get_or_create(naam=naam, defaults={"cbs_code": cbs})
    orgs = [Organisatie.objects.get_or_create(naam=n)[0] for n in ORGANISATIES]
    programma = Programma.objects.create(
        naam="Uitstapprogramma Flevoland", slug="flevoland", code="FLV", regeling=Regeling.DUUP,
        startdatum=datetime.date(vandaag.year - 3, 1, 1),
        # Two organisations, one programme: a recorded joint-controller arrangement lets both coordinators see all.
        gezamenlijke_verwerking=True, gezamenlijke_verwerking_sinds=datetime.date(vandaag.year - 3, 1, 1),
    )
    programma.organisaties.set(orgs)
    programma.gemeenten.set(gemeenten.values())
    programma.centrumgemeente = gemeenten["Almere"]
    programma.save(update_fields=["centrumgemeente"])
    for jaar, verwacht, intakes, begroting, uitgaven in [
        (vandaag.year - 2, 25, 35, 180000, 176400),
        (vandaag.year - 1, 30, 40, 195000, 198250),
        (vandaag.year, 32, 40, 205000, 171300),
    ]:
        ProgrammaJaar.objects.create(programma=programma, jaar=jaar, verwacht_deelnemers=verwacht,
                                     intakes_begroot=intakes, begroting=begroting, uitgaven=uitgaven)
    wachtwoord = demo_wachtwoord()
    gebruikers = {}
    for username, first, last, rol, org, gemeente in [
        ("coordinator", "Sanne", "de Vries", Rol.COORDINATOR, orgs[0], None),
        ("begeleider1", "Fatima", "El Amrani", Rol.TRAJECTBEGELEIDER, orgs[0], None),
        ("begeleider2", "Joyce", "Bakker", Rol.TRAJECTBEGELEIDER, orgs[0], None),
        ("begeleider3", "Marieke", "Visser", Rol.TRAJECTBEGELEIDER, orgs[1], None),
        ("klantmanager", "Ronald", "Jansen", Rol.KLANTMANAGER, None, gemeenten["Almere"]),
        ("beheerder", "Kees", "Mulder", Rol.BEHEERDER, orgs[0], None),
    ]:
        user = Gebruiker(username=username, first_name=first, last_name=last, rol=rol, organisatie=org,
                         gemeente=gemeente, email=f"{username}@example.org")
        user.set_password(wachtwoord)
        user.save()
        gebruikers[username] = user
    kaart = {}
    for naam, soort, gemeente in [
        ("GGD Flevoland", KetenpartnerSoort.GGD, None),
        ("Politie eenheid Midden-Nederland, team Almere", KetenpartnerSoort.POLITIE, "Almere"),
        ("Maatschappelijk Werk Flevoland", KetenpartnerSoort.MAATSCHAPPELIJK_WERK, None),
        ("Sociaal Domein Almere", KetenpartnerSoort.UITKERINGSINSTANTIE, "Almere"),
        ("Werkplein Lelystad", KetenpartnerSoort.UITKERINGSINSTANTIE, "Lelystad"),
        ("Schuldhulp Flevoland", KetenpartnerSoort.SCHULDHULPVERLENING, None),
        ("Woonstichting Polderhuis", KetenpartnerSoort.HUISVESTING, "Lelystad"),
        ("Opvang De Dijk", KetenpartnerSoort.HUISVESTING, "Almere"),
        ("Verslavingszorg Noord-Flevo", KetenpartnerSoort.VERSLAVINGSZORG, None),
        ("GGZ Polderland", KetenpartnerSoort.GGZ, None),
        ("Werkstart Flevoland", KetenpartnerSoort.WERK_REINTEGRATIE, None),
        ("Taalhuis Almere", KetenpartnerSoort.ONDERWIJS_TAAL, "Almere"),
        ("Zorgcoördinatie Mensenhandel Flevoland", KetenpartnerSoort.ZORGCOORDINATIE_MENSENHANDEL, None),
        ("Juridisch Loket Flevoland", KetenpartnerSoort.JURIDISCH, None),
    ]:
        partner = Ketenpartner.objects.create(programma=programma, naam=naam, soort=soort)
        partner.gemeenten.set([gemeenten[gemeente]] if gemeente else gemeenten.values())
        kaart[naam] = partner
    return {"programma": programma, "gemeenten": gemeenten, "gebruikers": gebruikers, "kaart": kaart,
            "organisaties": orgs}
