"""Demo data of issue 19: a likely duplicate, safe-contact arrangements, a bedenktijd that ends next week,
a month of outreach and an English convenant. Fictional people only; everything through the services."""

import datetime
import random

from faker import Faker

from clients.models import Toegestaan
from clients.selectors import mogelijke_duplicaten
from clients.services import contactafspraak_vastleggen, deelnemer_wijzigen, juridische_route_vastleggen
from trajecten.models import LocatieSoort, Trajectplan
from trajecten.services import aanmelding_vastleggen, outreach_actie_vastleggen, outreach_locatie_aanmaken
from uitstap.codes import Gender, Sector, Verblijfsstatus, Verwijzer

JA, NEE = Toegestaan.JA, Toegestaan.NEE

AFSPRAKEN = [
    {"bellen": NEE, "sms": JA, "voicemail": NEE, "huisbezoek": NEE, "post": NEE, "email": JA,
     "vermijden": "na 18.00 uur en in het weekend", "codewoorden": "‘Is tante Rosa er ook?’ betekent: ik kan nu niet praten"},
    {"bellen": JA, "sms": JA, "voicemail": NEE, "huisbezoek": NEE, "post": NEE,
     "toelichting": "Haar partner leest de post; alleen bellen op haar eigen nummer."},
    {"bellen": NEE, "sms": NEE, "email": NEE, "huisbezoek": NEE, "post": NEE,
     "alleen_via_toelichting": "de zorgcoördinator mensenhandel"},
    {"bellen": JA, "sms": JA, "voicemail": JA, "huisbezoek": JA, "post": JA, "email": JA},
]


def _outreach(*, rng, vandaag, programma, coordinator, begeleiders) -> list:
    locaties = [
        outreach_locatie_aanmaken(programma=programma, naam=naam, soort=soort, door=coordinator)
        for naam, soort in (("Raamgebied Havenkwartier", LocatieSoort.RAAM), ("Club De Lantaarn", LocatieSoort.CLUB_PRIVE))
    ]
    acties = []
    for dag in range(30, 0, -3):
        datum = vandaag - datetime.timedelta(days=dag)
        soort = rng.choice([LocatieSoort.RAAM, LocatieSoort.RAAM, LocatieSoort.CLUB_PRIVE, LocatieSoort.ONLINE,
                            LocatieSoort.ESCORT, LocatieSoort.STRAAT])
        locatie = next((loc for loc in locaties if loc.soort == soort), None)
        bereikt = rng.randint(3, 25)
        acties.append(outreach_actie_vastleggen(programma=programma, door=rng.choice(begeleiders), data={
            "datum": datum, "locatiesoort": soort, "locatie": locatie, "medewerkers": rng.choice([1, 2]),
            "voorlichters": rng.choice([0, 1, 1]), "tolken": rng.choice([0, 0, 1]), "bereikt": bereikt,
            "gesprekken": rng.randint(0, bereikt), "materialen": rng.randint(0, 40),
            "talen": rng.choice(["Nederlands", "Roemeens, Engels", "Spaans", "Bulgaars, Engels", "Engels"]),
        }))
    return acties


def seed_veilig_registreren(*, rng: random.Random, fake: Faker, vandaag: datetime.date, kern: dict,
                            deelnemers: list) -> None:
    programma = kern["programma"]
    g = kern["gebruikers"]
    begeleiders = [g["begeleider1"], g["begeleider2"], g["begeleider3"]]
    open_ = [d for d in deelnemers if d.trajecten.filter(einddatum__isnull=True).exists() and d.begeleider]

    # Safe-contact arrangements of several kinds.
    for d, afspraak in zip(open_[:len(AFSPRAKEN)], AFSPRAKEN):
        contactafspraak_vastleggen(deelnemer=d, door=d.begeleider, gelezen_versie=0, data=afspraak)

    # One participant in the bedenktijd that ends next week (B8): the caseload signals it (a small demo may
    # have too few open trajecten for every situation; then the ones that fit).
    d = open_[len(AFSPRAKEN)] if len(open_) > len(AFSPRAKEN) else None
    if d is not None:
        juridische_route_vastleggen(deelnemer=d, door=d.begeleider, gelezen_versie=0, data={
            "juridische_categorie": "3", "bedenktijd_start": vandaag - datetime.timedelta(days=84),
            "bedenktijd_eind": vandaag + datetime.timedelta(days=6), "melding_op": vandaag - datetime.timedelta(days=83),
            "beslissing_uiterlijk": vandaag + datetime.timedelta(days=40)})

    # A month of outreach, and an aanmelding that came from it.
    acties = _outreach(rng=rng, vandaag=vandaag, programma=programma, coordinator=g["coordinator"],
                       begeleiders=begeleiders)
    bron = acties[-2]
    aanmelding_vastleggen(programma=programma, door=g["begeleider1"], data={
        "roepnaam": "Mirela", "geboortejaar": 1998, "herkomstland": "RO", "gender": Gender.VROUW,
        "sector": Sector.RAAM,
        "verblijfsstatus": Verblijfsstatus.EU_BURGER, "aanmelddatum": vandaag, "verwijzer": Verwijzer.EIGEN_OUTREACH,
        "outreach_actie": bron})

    # A likely duplicate: "Mirella", same birth year, registered by another coach who said "een ander persoon".
    velden = {"roepnaam": "Mirella", "geboortejaar": 1998, "herkomstland": "RO", "gender": Gender.VROUW,
              "verblijfsstatus": Verblijfsstatus.EU_BURGER}
    duplicaten = mogelijke_duplicaten(g["begeleider2"], programma=programma, **{
        k: velden[k] for k in ("roepnaam", "geboortejaar", "herkomstland")})
    aanmelding_vastleggen(programma=programma, door=g["begeleider2"], duplicaten=duplicaten,
                          data=velden | {"aanmelddatum": vandaag, "verwijzer": Verwijzer.ZELFMELDER})

    # An English convenant: a participant with a plan whose document language is English.
    plan = (Trajectplan.objects.filter(traject__deelnemer__in=open_[len(AFSPRAKEN) + 1:], traject__einddatum__isnull=True)
            .select_related("traject__deelnemer").order_by("traject__deelnemer__clientcode").first())
    if plan is not None:
        engels = plan.traject.deelnemer  # loaded with the plan (select_related)
        deelnemer_wijzigen(deelnemer=engels, data={"documenttaal": "en", "taal": "Engels"},
                           gelezen_versie=engels.versie, door=g["coordinator"])
