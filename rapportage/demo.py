"""The rapportage step of seed_demo: a beschikking, two reporting periods with plan figures and spend,
a definitief verslag for the first period and a concept for the second.

Same signature as the steps in trajecten/demo (`fn(rng=, fake=, vandaag=, kern=, deelnemers=)`), but
trajecten may not import rapportage: it is called from the seed_demo command, which lives in rapportage.
"""

import datetime
from decimal import Decimal

from rapportage import services
from rapportage.services.beschikking import maanden_later

TEKSTEN = {
    "toelichting_plan": (
        "De instroom bleef iets achter bij het plan doordat het inloophuis in Lelystad drie maanden dicht was. "
        "Het aantal trajectplannen lag wel op koers; de uitstroom naar betaald werk liep via de re-integratiepartner."
    ),
    "knelpunten": (
        "De wachttijd bij schuldhulpverlening liep op tot boven de dertig dagen. Met de gemeente is een snelle route "
        "voor deelnemers met acute schulden afgesproken; het effect is in de tweede periode te zien."
    ),
    "continuiteit": (
        "De gemeenten van de regio hebben hun bijdrage voor de komende twee jaar toegezegd. Het programma blijft na "
        "afloop van de subsidie bestaan binnen de reguliere maatschappelijke opvang."
    ),
    "evaluatie": (
        "Elk kwartaal bespreken de coördinatoren van beide organisaties de cijfers; na afloop volgt een externe "
        "evaluatie met dezelfde vijf vragen als de evaluatie van de RUPS-regeling."
    ),
}


def seed_verslag(*, rng, fake, vandaag: datetime.date, kern: dict, deelnemers=None) -> dict:
    programma = kern["programma"]
    coordinator = kern["gebruikers"]["coordinator"]
    start = maanden_later(datetime.date(vandaag.year, vandaag.month, 1), -18)
    eind = maanden_later(start, 24) - datetime.timedelta(days=1)
    beschikking = services.beschikking_aanmaken(
        programma=programma, financier="Ministerie van Justitie en Veiligheid", nummer=f"DUUP-{start.year}-0417",
        startdatum=start, einddatum=eind, bedrag=Decimal("390000"), penvoerder=kern["organisaties"][0], door=coordinator,
    )
    services.begroting_wijzigen(
        beschikking=beschikking, gelezen_versie=beschikking.versie, door=coordinator,
        bedragen={"begeleiding": Decimal("290000"), "activiteiten": Decimal("45000"), "ketenkosten": Decimal("30000"),
                  "onderzoek": Decimal("15000"), "overig": Decimal("10000")},
    )
    services.cofinancier_toevoegen(beschikking=beschikking, naam="Gemeente Almere", bijdrage=Decimal("40000"),
                                   door=coordinator)
    services.cofinancier_toevoegen(beschikking=beschikking, naam="Gemeente Lelystad", bijdrage=Decimal("25000"),
                                   door=coordinator)
    services.voorschot_toevoegen(beschikking=beschikking, datum=start + datetime.timedelta(days=14),
                                 bedrag=Decimal("156000"), door=coordinator)
    services.voorschot_toevoegen(beschikking=beschikking, datum=maanden_later(start, 12) + datetime.timedelta(days=10),
                                 bedrag=Decimal("156000"), door=coordinator)
    perioden = list(beschikking.perioden.order_by("nummer"))
    for periode, plan, besteed in zip(perioden, [
        {"plan_deelnemers": 20, "plan_intakes": 28, "plan_trajectplannen": 18, "plan_uitstroom": 6,
         "plan_betaald_werk": 3, "plan_fte": Decimal("3.2"), "werkelijk_fte": Decimal("3.0")},
        {"plan_deelnemers": 24, "plan_intakes": 30, "plan_trajectplannen": 20, "plan_uitstroom": 8,
         "plan_betaald_werk": 4, "plan_fte": Decimal("3.4"), "werkelijk_fte": Decimal("3.4")},
    ], [
        {"begeleiding": Decimal("141250.50"), "activiteiten": Decimal("19800"), "ketenkosten": Decimal("13400"),
         "onderzoek": Decimal("2500"), "overig": Decimal("4120")},
        {"begeleiding": Decimal("72400"), "activiteiten": Decimal("9100"), "ketenkosten": Decimal("6800"),
         "onderzoek": Decimal("0"), "overig": Decimal("1900")},
    ]):
        services.verslagperiode_wijzigen(periode=periode, data=plan, gelezen_versie=periode.versie, door=coordinator)
        periode.refresh_from_db()
        services.besteding_wijzigen(periode=periode, bedragen=besteed, gelezen_versie=periode.versie, door=coordinator)
    eerste = services.verslag_aanmaken(beschikking=beschikking, periode=perioden[0], door=coordinator)
    eerste = services.verslag_wijzigen(verslag=eerste, data=TEKSTEN, gelezen_versie=eerste.versie, door=coordinator)
    services.verslag_vaststellen(verslag=eerste, gelezen_versie=eerste.versie, door=coordinator)
    tweede = services.verslag_aanmaken(beschikking=beschikking, periode=perioden[1], door=coordinator)
    services.verslag_wijzigen(verslag=tweede, data={"toelichting_plan": "Concept: de periode loopt nog."},
                              gelezen_versie=tweede.versie, door=coordinator)
    return {"beschikking": beschikking, "verslagen": [eerste, tweede]}
