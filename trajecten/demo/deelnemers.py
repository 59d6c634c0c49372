"""Demo participants and trajecten: every phase, back-steps, re-entries, dropouts, exits with nazorg, relapses.

Everything is written through the services, so the demo obeys the same rules as the screens.
"""

import datetime
import random

from faker import Faker

from clients.services import deelnemer_aanmaken
from trajecten import services
from uitstap.codes import (
    Afsluitreden,
    Branche,
    ContactSoort,
    ContactStatus,
    Fase,
    Gender,
    IntakeBesluit,
    JuridischeCategorie,
    Leefgebied,
    Sector,
    Stopreden,
    UitstroomResultaat,
    UitstroomSoort,
    Verblijfsstatus,
    Verwijzer,
)

LANDEN = ["NL"] * 10 + ["RO"] * 5 + ["BG"] * 3 + ["HU"] * 2 + ["PL", "NG", "CO", "DO", "TH", "BR", "UA"]

# (scenario, how many) — together about sixty participants.
SCENARIO_AANTALLEN = [
    ("contact", 7), ("orientatie", 9), ("uitvoering", 16), ("terugstap", 3), ("nazorg", 7),
    ("uitgestapt", 8), ("gestopt", 6), ("herinstroom", 4),
]

NOTITIES = {
    ContactSoort.GESPREK: [
        "Gesprek over de stappen van deze week; afspraken doorgenomen.",
        "Samen post doorgenomen en een brief van de belastingdienst beantwoord.",
        "Ze voelt zich onrustig; veiligheid besproken, er is een plan voor als het misgaat.",
        "Sollicitatiebrief samen geschreven.",
        "Voortgang trajectplan besproken; ze is trots op wat gelukt is.",
    ],
    ContactSoort.TELEFONISCH: ["Kort telefonisch contact, afspraak verzet naar volgende week.",
                               "Gebeld over de uitnodiging van het Werkplein."],
    ContactSoort.DIGITAAL: ["Via beeldbellen het budgetoverzicht bijgewerkt."],
    ContactSoort.HUISBEZOEK: ["Huisbezoek: woning is op orde, kinderen waren op school.",
                              "Huisbezoek: samen de administratie in mappen gezet."],
    ContactSoort.OUTREACH: ["Bezocht op de werkplek; kort gesproken, wil volgende week langskomen."],
    ContactSoort.GROEP: ["Groepsbijeenkomst 'Geld en grenzen'; actief meegedaan."],
    ContactSoort.CASUSOVERLEG: ["Casusoverleg met de schuldhulp over het betalingsplan."],
    ContactSoort.BEGELEIDING_EXTERN: ["Mee geweest naar de intake bij de schuldhulp."],
}


class DemoBuilder:
    def __init__(self, *, rng: random.Random, fake: Faker, vandaag: datetime.date, kern: dict):
        self.rng = rng
        self.fake = fake
        self.vandaag = vandaag
        self.programma = kern["programma"]
        self.gemeenten = list(kern["gemeenten"].values())
        self.kaart = list(kern["kaart"].values())
        g = kern["gebruikers"]
        self.coaches = [g["begeleider1"], g["begeleider2"], g["begeleider3"]]
        self.coordinator = g["coordinator"]
        self.uitgestapt_teller = 0

    def dag(self, dagen_geleden: int) -> datetime.date:
        return self.vandaag - datetime.timedelta(days=dagen_geleden)

    def nieuwe_deelnemer(self, i: int):
        rng = self.rng
        coach = self.coaches[i % 3]
        achtervang = self.coaches[(i + 1) % 3]
        land = rng.choice(LANDEN)
        verblijf = (
            Verblijfsstatus.NEDERLANDS if land == "NL"
            else Verblijfsstatus.EU_BURGER if land in ("RO", "BG", "HU", "PL")
            else rng.choice([Verblijfsstatus.VERBLIJFSVERGUNNING, Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL,
                             Verblijfsstatus.ZONDER_VERBLIJFSRECHT])
        )
        categorie = {
            Verblijfsstatus.NEDERLANDS: JuridischeCategorie.CAT_1,
            Verblijfsstatus.VERBLIJFSVERGUNNING: JuridischeCategorie.CAT_1,
            Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL: JuridischeCategorie.CAT_1,
            Verblijfsstatus.EU_BURGER: JuridischeCategorie.CAT_2,
            Verblijfsstatus.ZONDER_VERBLIJFSRECHT: JuridischeCategorie.CAT_3,
        }[verblijf]
        velden = dict(
            roepnaam=self.fake.first_name_female() if rng.random() > 0.08 else self.fake.first_name_male(),
            geboortejaar=None if rng.random() < 0.07 else self.vandaag.year - rng.randint(20, 52),
            gender=rng.choices([Gender.VROUW, Gender.TRANSGENDER, Gender.MAN, Gender.ONBEKEND], [88, 6, 4, 2])[0],
            herkomstland=land,
            taal="Nederlands" if land == "NL" else rng.choice(["Engels", "Roemeens", "Spaans", "Bulgaars"]),
            juridische_categorie=categorie,
            verblijfsstatus=verblijf,
            woongemeente=rng.choice(self.gemeenten),
            werkgemeente=rng.choice(self.gemeenten[:2]),
            sector=rng.choice([Sector.RAAM, Sector.CLUB_PRIVE, Sector.ESCORT, Sector.THUIS, Sector.ONLINE, Sector.ONLINE]),
            signalen_mensenhandel=rng.random() < 0.18 or verblijf == Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL,
            heeft_kinderen=rng.random() < 0.45,
        )
        if verblijf == Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL:
            start = self.dag(rng.randint(200, 500))
            velden.update(bedenktijd_start=start, bedenktijd_eind=start + datetime.timedelta(days=90))
        return deelnemer_aanmaken(programma=self.programma, door=coach, begeleider=coach, achtervang=achtervang,
                                clientcode=f"FLV-{self.vandaag.year}-{i + 1:04d}", **velden)

    def start(self, deelnemer, dagen_geleden: int):
        rng = self.rng
        verwijzer = rng.choice(Verwijzer.values[:8])
        partner = rng.choice(self.kaart) if verwijzer == Verwijzer.KETENPARTNER else None
        return services.traject_starten(
            deelnemer=deelnemer, aanmelddatum=self.dag(dagen_geleden), door=deelnemer.begeleider,
            verwijzer=verwijzer, verwijzer_ketenpartner=partner,
        )

    def intake(self, traject, dagen_geleden, besluit=IntakeBesluit.TOEGELATEN):
        services.intake_vastleggen(traject=traject, door=traject.deelnemer.begeleider, data={
            "datum": self.dag(dagen_geleden),
            "hulpvraag": self.rng.choice([
                "Wil stoppen en zoekt ander werk.", "Wil eerst haar schulden op orde.",
                "Zoekt een eigen woning en rust.", "Wil een opleiding in de zorg doen.",
            ]),
            "aanleiding": "Is er klaar mee; wil meer stabiliteit voor haarzelf en de kinderen.",
            "verwachtingen_besproken": True, "spreekt_nederlands_of_engels": True, "verslaving": False,
            "psychiatrische_problematiek": False, "legaal_verblijf": True, "besluit": besluit,
            "besluit_reden": "" if besluit == IntakeBesluit.TOEGELATEN else "Eerst stabiliseren bij de verslavingszorg.",
        })

    def fase(self, traject, fase, dagen_geleden, reden=""):
        services.fase_wijzigen(traject=traject, fase=fase, datum=self.dag(dagen_geleden),
                               door=traject.deelnemer.begeleider, reden=reden)

    def contacten(self, traject, van_dagen: int, tot_dagen: int, *, plan_volgend=True, no_shows=0):
        """Contacts every one to three weeks between two moments (days ago), with the odd no-show."""
        rng = self.rng
        d = van_dagen - rng.randint(0, 4)
        while d > tot_dagen:
            status = ContactStatus.GEHOUDEN
            r = rng.random()
            if r < 0.08:
                status = ContactStatus.NIET_VERSCHENEN
            elif r < 0.13:
                status = ContactStatus.AFGEZEGD
            soort = rng.choices(ContactSoort.values, [40, 20, 8, 12, 5, 5, 5, 5])[0]
            services.contactmoment_vastleggen(traject=traject, door=traject.deelnemer.begeleider, data={
                "datum": self.dag(d), "tijd": datetime.time(rng.choice([9, 10, 11, 13, 14, 15]), rng.choice([0, 30])),
                "soort": soort, "status": status,
                "duur_minuten": rng.choice([30, 45, 60, 60, 90, 120]) if status == ContactStatus.GEHOUDEN else None,
                "leefgebieden": rng.sample(Leefgebied.values, rng.randint(1, 3)),
                "notitie": rng.choice(NOTITIES[soort]) if status == ContactStatus.GEHOUDEN else "",
            })
            d -= rng.randint(7, 21)
        for k in range(no_shows):
            # Never before the aanmelding (van_dagen): a short traject has no room for 2 + 9k days.
            services.contactmoment_vastleggen(traject=traject, door=traject.deelnemer.begeleider, data={
                "datum": self.dag(min(van_dagen, max(tot_dagen, 0) + 2 + 9 * k)), "soort": ContactSoort.GESPREK,
                "status": ContactStatus.NIET_VERSCHENEN, "notitie": "Niet gekomen, niet afgemeld.",
            })
        if plan_volgend and tot_dagen <= 0:
            services.contactmoment_vastleggen(traject=traject, door=traject.deelnemer.begeleider, data={
                "datum": self.dag(-rng.randint(1, 14)), "tijd": datetime.time(rng.choice([10, 14]), 0),
                "soort": ContactSoort.GESPREK, "status": ContactStatus.GEPLAND,
            })

    def uitstappen(self, traject, dagen_geleden, *, afsluiten: bool):
        rng = self.rng
        # The seven original results only (later keys are rare), so a seed keeps giving the same demo.
        resultaat = rng.choices(UitstroomResultaat.values[:7], [45, 15, 6, 10, 8, 12, 4])[0]
        return services.uitstroom_vastleggen(
            traject=traject, soort=UitstroomSoort.UITGESTAPT, datum=self.dag(dagen_geleden),
            door=traject.deelnemer.begeleider, resultaat=resultaat,
            branche=rng.choice(Branche.values) if resultaat == UitstroomResultaat.BETAALD_WERK else "",
            toelichting="Vaste baan gevonden via de re-integratiepartner." if resultaat == UitstroomResultaat.BETAALD_WERK else "",
            afsluiten=afsluiten, gelezen_versie=traject.versie
        )

    def stoppen(self, traject, dagen_geleden, reden=None):
        return services.uitstroom_vastleggen(
            traject=traject, soort=UitstroomSoort.GESTOPT, datum=self.dag(dagen_geleden),
            door=traject.deelnemer.begeleider, reden=reden or self.rng.choice(Stopreden.values[:7]),
            gelezen_versie=traject.versie,
        )

    def scenario(self, naam: str, i: int):
        rng = self.rng
        d = self.nieuwe_deelnemer(i)
        if naam == "contact":
            a = rng.randint(3, 40)
            t = self.start(d, a)
            self.contacten(t, a, 0, plan_volgend=rng.random() < 0.6)
        elif naam == "orientatie":
            a = rng.randint(40, 120)
            t = self.start(d, a)
            self.intake(t, a - 10)
            self.contacten(t, a, 0 if rng.random() < 0.8 else 35, no_shows=2 if i % 4 == 0 else 0)
        elif naam in ("uitvoering", "terugstap"):
            a = rng.randint(120, 600)
            t = self.start(d, a)
            self.intake(t, a - 12)
            self.fase(t, Fase.UITVOERING, a - 50, "Trajectplan ondertekend")
            if naam == "terugstap":
                self.fase(t, Fase.ORIENTATIE, a // 2, "Terugstap: eerst weer stabiliseren.")
                if rng.random() < 0.5:
                    self.fase(t, Fase.UITVOERING, a // 4, "Weer stabiel; plan opnieuw opgepakt.")
            self.contacten(t, a, 0 if rng.random() < 0.85 else 40, no_shows=2 if i % 5 == 0 else 0)
        elif naam == "nazorg":
            a = rng.randint(300, 700)
            t = self.start(d, a)
            self.intake(t, a - 10)
            self.fase(t, Fase.UITVOERING, a - 60)
            uit = rng.randint(20, 150)
            self.contacten(t, a, uit)
            self.uitstappen(t, uit, afsluiten=False)
            self.contacten(t, uit - 5, 0 if rng.random() < 0.6 else 50, plan_volgend=rng.random() < 0.5)
        elif naam == "uitgestapt":
            a = rng.randint(700, 1000)
            t = self.start(d, a)
            self.intake(t, a - 14)
            self.fase(t, Fase.UITVOERING, a - 70)
            uit = rng.randint(250, a - 200)
            self.contacten(t, a, uit)
            self.uitstappen(t, uit, afsluiten=False)
            eind = uit - rng.randint(90, 180)
            self.contacten(t, uit - 10, eind, plan_volgend=False)
            services.traject_afsluiten(traject=t, einddatum=self.dag(eind), door=d.begeleider, gelezen_versie=t.versie)
            self.uitgestapt_teller += 1
            if self.uitgestapt_teller % 2 == 1:
                terug = uit - min(rng.choice([60, 200, 300, 340, 400]), uit - 5)
                if terug > 0:
                    services.terugval_vastleggen(traject=t, datum=self.dag(terug), door=d.begeleider,
                                                  toelichting="Financiële nood na verlies van baan.")
        elif naam == "gestopt":
            a = rng.randint(150, 700)
            t = self.start(d, a)
            if rng.random() < 0.7:
                self.intake(t, a - 10)
            stop = rng.randint(30, a - 40)
            self.contacten(t, a, stop + 10, plan_volgend=False, no_shows=1)
            if t.heeft_instroom:
                self.stoppen(t, stop)
            else:
                # Never got past contact: closed without instroom, not a dropout.
                services.traject_afsluiten(traject=t, einddatum=self.dag(stop), door=d.begeleider, gelezen_versie=t.versie,
                                           afsluitreden=rng.choice(Afsluitreden.values))
        elif naam == "herinstroom":
            a = rng.randint(700, 900)
            t = self.start(d, a)
            self.intake(t, a - 10)
            stop = a - rng.randint(100, 200)
            self.contacten(t, a, stop + 5, plan_volgend=False)
            self.stoppen(t, stop, Stopreden.CONTACT_VERLOREN)
            a2 = rng.randint(60, stop - 100)
            t2 = self.start(d, a2)
            self.intake(t2, a2 - 7)
            if a2 > 90:
                self.fase(t2, Fase.UITVOERING, a2 - 40)
            self.contacten(t2, a2, 0)
        return d


def seed_deelnemers(*, rng: random.Random, fake: Faker, vandaag: datetime.date, kern: dict, aantal: int = 60) -> list:
    builder = DemoBuilder(rng=rng, fake=fake, vandaag=vandaag, kern=kern)
    plan = [naam for naam, n in SCENARIO_AANTALLEN for _ in range(n)]
    totaal = sum(n for _, n in SCENARIO_AANTALLEN)
    namen = [plan[int(k * totaal / aantal) % totaal] for k in range(aantal)]
    rng.shuffle(namen)
    return [builder.scenario(naam, i) for i, naam in enumerate(namen)]
