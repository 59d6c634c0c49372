"""Demo referrals and the sociale kaart's contact persons (fictional organisations and people, Faker nl_NL).

Everything goes through the services, so the demo obeys the same date and status rules as the screens.
Registered as a seed_demo step at import.
"""

import datetime
import random
import unicodedata

from faker import Faker

from trajecten.models import Doel
from trajecten.services import huidige_fase
from trajecten.services import terugkoppeling_aanmaken, verwijzing_aanmaken
from uitstap.codes import Fase, KetenpartnerSoort, Leefgebied, VerwijzingStatus
from uitstap.services import (
    contactpersoon_aanmaken,
    ketenpartner_wijzigen,
    ketenpartner_aanmaken,
    ketenpartner_voorstellen,
)

K = KetenpartnerSoort
S = VerwijzingStatus

FUNCTIES = {
    K.UITKERINGSINSTANTIE: ["Klantmanager Werk en Inkomen", "Consulent Participatiewet"],
    K.SCHULDHULPVERLENING: ["Schuldhulpverlener", "Budgetcoach"],
    K.HUISVESTING: ["Woonconsulent", "Medewerker urgentiecommissie"],
    K.VERSLAVINGSZORG: ["Behandelaar", "Casemanager"],
    K.GGZ: ["Sociaal psychiatrisch verpleegkundige", "Intaker"],
    K.WERK_REINTEGRATIE: ["Jobcoach", "Re-integratieadviseur"],
    K.ONDERWIJS_TAAL: ["Taalcoach", "Coördinator vrijwilligers"],
    K.GGD: ["Sociaal verpleegkundige seksuele gezondheid"],
    K.POLITIE: ["Wijkagent", "Specialist mensenhandel"],
    K.MAATSCHAPPELIJK_WERK: ["Maatschappelijk werker"],
    K.JURIDISCH: ["Juridisch adviseur"],
    K.ZORGCOORDINATIE_MENSENHANDEL: ["Zorgcoördinator"],
    K.OVERIG: ["Contactpersoon"],
}

# Fictional extra partners: (naam, soort, gemeente or None for the whole region).
EXTRA_PARTNERS = [
    ("Schuldenwijzer Almere", K.SCHULDHULPVERLENING, "Almere"),
    ("Woonkans Flevoland", K.HUISVESTING, None),
    ("Leerhuis De Polder", K.ONDERWIJS_TAAL, "Lelystad"),
]
VOORSTEL = ("Kledingbank De Schakel", K.OVERIG, "Lelystad")

# What a coach refers for, per soort, and the usual waiting time (days) before help starts.
HULPVRAAG = {
    K.UITKERINGSINSTANTIE: ["Aanvraag bijstandsuitkering", "Overbruggingsuitkering tijdens het uitstappen"],
    K.SCHULDHULPVERLENING: ["Schuldenoverzicht en schuldregeling", "Budgetbeheer", "Stabilisatie: beslagen stoppen"],
    K.HUISVESTING: ["Urgentieaanvraag woning", "Tijdelijke opvangplek", "Woning buiten de wijk van het werk"],
    K.VERSLAVINGSZORG: ["Ambulante behandeling alcoholgebruik", "Behandeling cocaïnegebruik"],
    K.GGZ: ["Traumabehandeling", "Diagnostiek en behandeling angstklachten"],
    K.WERK_REINTEGRATIE: ["Werkervaringsplek", "Begeleiding naar betaald werk", "Sollicitatietraining"],
    K.ONDERWIJS_TAAL: ["Taalles Nederlands (A2)", "Inburgeringstraject", "Opleiding mbo-niveau 2"],
}
WACHTTIJD = {
    K.UITKERINGSINSTANTIE: (3, 21),
    K.SCHULDHULPVERLENING: (14, 95),
    K.HUISVESTING: (30, 180),
    K.VERSLAVINGSZORG: (10, 60),
    K.GGZ: (35, 120),
    K.WERK_REINTEGRATIE: (7, 35),
    K.ONDERWIJS_TAAL: (10, 45),
}
LEEFGEBIED = {
    K.UITKERINGSINSTANTIE: Leefgebied.FINANCIEN,
    K.SCHULDHULPVERLENING: Leefgebied.FINANCIEN,
    K.HUISVESTING: Leefgebied.HUISVESTING,
    K.VERSLAVINGSZORG: Leefgebied.MIDDELENGEBRUIK,
    K.GGZ: Leefgebied.PSYCHISCH_FUNCTIONEREN,
    K.WERK_REINTEGRATIE: Leefgebied.WERK_DAGBESTEDING,
    K.ONDERWIJS_TAAL: Leefgebied.WERK_DAGBESTEDING,
}
AFGEWEZEN = [
    "Valt buiten de doelgroep: eerst inschrijving in de gemeente nodig.",
    "Geen urgentie toegekend; andere woonroute besproken.",
    "Verwezen naar een andere aanbieder in de regio.",
]
AFGEBROKEN = [
    "Deelnemer is niet meer op afspraken verschenen.",
    "Deelnemer wilde eerst de schulden regelen; later opnieuw aanmelden.",
    "Verhuisd naar een andere gemeente.",
]
# In the order they usually come in.
TERUGKOPPELING = [
    "Aanmelding ontvangen, de partner neemt contact op.",
    "Ontbrekende stukken (loonstroken, bankafschriften) nog nodig.",
    "Eerste gesprek goed verlopen, afspraken gemaakt.",
    "Partner meldt dat het traject goed loopt.",
]


def _ascii(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return "".join(c for c in tekst.lower() if c.isalnum())


def _dag(vandaag: datetime.date, dagen_geleden: int) -> datetime.date:
    return vandaag - datetime.timedelta(days=dagen_geleden)


def _kaart_aanvullen(*, rng, fake, kern) -> dict:
    """Contact persons and contact details for every partner, a few extra partners, one open proposal."""
    programma = kern["programma"]
    coordinator = kern["gebruikers"]["coordinator"]
    gemeenten = kern["gemeenten"]
    kaart = dict(kern["kaart"])
    for naam, soort, gemeente in EXTRA_PARTNERS:
        kaart[naam] = ketenpartner_aanmaken(programma=programma, door=coordinator, data={
            "naam": naam, "soort": soort,
            "gemeenten": [gemeenten[gemeente]] if gemeente else list(gemeenten.values()),
        })
    for naam in sorted(kaart):
        partner = kaart[naam]
        domein = _ascii(naam)[:24] + ".example.org"
        ketenpartner_wijzigen(ketenpartner=partner, door=coordinator, data={
            "adres": fake.street_address() + ", " + rng.choice([g.naam for g in partner.gemeenten.all()] or ["Almere"]),
            "telefoon": fake.phone_number(),
            "email": f"info@{domein}",
        }, gelezen_versie=partner.versie)
        for i in range(rng.choice([1, 1, 2])):
            voornaam, achternaam = fake.first_name(), fake.last_name()
            contactpersoon_aanmaken(ketenpartner=partner, door=coordinator, data={
                "naam": f"{voornaam} {achternaam}",
                "functie": FUNCTIES[partner.soort][i % len(FUNCTIES[partner.soort])],
                "telefoon": fake.phone_number(),
                "email": f"{_ascii(voornaam)}.{_ascii(achternaam)}@{domein}",
            })
    naam, soort, gemeente = VOORSTEL
    ketenpartner_voorstellen(programma=programma, door=kern["gebruikers"]["begeleider2"], data={
        "naam": naam, "soort": soort, "gemeenten": [gemeenten[gemeente]],
        "notities": "Gratis kleding voor mensen met een laag inkomen; aanmelden via een hulpverlener.",
    })
    return kaart


def _een_verwijzing(*, rng, vandaag, traject, partner, door, scenario: str):
    """One referral with a believable history for `scenario`; returns None when it does not fit in time."""
    ruimte = (vandaag - traject.aanmelddatum).days
    if ruimte < 2:
        return None
    laag, hoog = WACHTTIJD[partner.soort]
    wacht = rng.randint(laag, hoog)
    if scenario == "lang_wachtend":
        verwezen_geleden = min(ruimte, rng.randint(35, 120))
    elif scenario == "wachtend":
        verwezen_geleden = min(ruimte, rng.randint(2, 25))
    else:
        verwezen_geleden = min(ruimte, rng.randint(wacht + 5, wacht + 300)) if ruimte > wacht + 5 else ruimte
    verwezen = _dag(vandaag, verwezen_geleden)
    velden = {"status": S.AANGEVRAAGD}
    if scenario in ("lang_wachtend", "wachtend"):
        velden["status"] = S.WACHTLIJST if rng.random() < 0.7 else S.AANGEVRAAGD
        if rng.random() < 0.5 and verwezen_geleden > 10:
            velden["intake_partner"] = verwezen + datetime.timedelta(days=rng.randint(3, 10))
    elif scenario == "afgewezen":
        velden.update(status=S.AFGEWEZEN, reden=rng.choice(AFGEWEZEN),
                      beeindigd=min(vandaag, verwezen + datetime.timedelta(days=rng.randint(5, 30))))
    else:
        gestart = verwezen + datetime.timedelta(days=min(wacht, verwezen_geleden))
        if gestart > vandaag:
            gestart = vandaag
        intake = verwezen + datetime.timedelta(days=rng.randint(0, (gestart - verwezen).days))
        velden.update(status=S.GESTART, gestart=gestart, intake_partner=intake)
        resterend = (vandaag - gestart).days
        if scenario == "afgerond" and resterend > 14:
            velden.update(status=S.AFGEROND, beeindigd=gestart + datetime.timedelta(days=rng.randint(14, resterend)))
        elif scenario == "afgebroken" and resterend > 3:
            velden.update(status=S.AFGEBROKEN, reden=rng.choice(AFGEBROKEN),
                          beeindigd=gestart + datetime.timedelta(days=rng.randint(3, resterend)))
    contact = partner.contactpersonen.filter(actief=True).order_by("pk").first()
    leefgebied = LEEFGEBIED.get(partner.soort)
    doel = Doel.objects.filter(plan__traject=traject, leefgebied=leefgebied, ouder__isnull=True).order_by("pk").first()
    v = verwijzing_aanmaken(
        traject=traject, ketenpartner=partner, verwezen=verwezen, door=door, contactpersoon=contact,
        hulpvraag=rng.choice(HULPVRAAG[partner.soort]), doel=doel, **velden,
    )
    aantal = rng.choice([0, 1, 1, 2])
    notities = sorted(rng.sample(range(len(TERUGKOPPELING) if v.gestart else 2), aantal))
    datums = sorted(verwezen + datetime.timedelta(days=rng.randint(0, (vandaag - verwezen).days)) for _ in notities)
    for i, datum in zip(notities, datums):
        terugkoppeling_aanmaken(verwijzing=v, datum=datum, notitie=TERUGKOPPELING[i], door=door)
    return v


def seed_verwijzingen(*, rng: random.Random, fake: Faker, vandaag: datetime.date, kern: dict, deelnemers: list) -> None:
    kaart = _kaart_aanvullen(rng=rng, fake=fake, kern=kern)
    per_soort: dict[str, list] = {}
    for partner in kaart.values():
        if partner.soort in HULPVRAAG:
            per_soort.setdefault(partner.soort, []).append(partner)
    soorten = sorted(per_soort)
    gewichten = {K.SCHULDHULPVERLENING: 4, K.HUISVESTING: 3, K.UITKERINGSINSTANTIE: 3, K.WERK_REINTEGRATIE: 2,
                 K.GGZ: 2, K.VERSLAVINGSZORG: 1, K.ONDERWIJS_TAAL: 2}
    scenarios = ["lang_wachtend", "wachtend", "gestart", "gestart", "afgerond", "afgerond", "afgewezen", "afgebroken"]
    for d in deelnemers:
        traject = d.trajecten.order_by("-aanmelddatum", "-id").first()
        if traject is None or traject.einddatum is not None:
            continue
        fase = huidige_fase(traject)
        aantal = rng.choice([0, 1]) if fase == Fase.CONTACT else rng.choice([0, 1, 1, 2, 2, 3])
        gekozen = set()
        for _ in range(aantal):
            soort = rng.choices(soorten, weights=[gewichten[s] for s in soorten])[0]
            partner = rng.choice(sorted(per_soort[soort], key=lambda p: p.naam))
            if partner.pk in gekozen:
                continue
            gekozen.add(partner.pk)
            _een_verwijzing(rng=rng, vandaag=vandaag, traject=traject, partner=partner, door=d.begeleider,
                            scenario=rng.choice(scenarios))
