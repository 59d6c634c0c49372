"""Demo trajectplannen, goals, sub-goals, progress and metingen that follow each participant's traject.

Orientatie: a first meting and a concept plan. Uitvoering: a plan signed on the day uitvoering
began, progress, goals reached (and some past their target date), a second version after half a
year. Nazorg and uitgestapt: most goals reached, metingen that show the way up. Everything goes
through the services, in the order it happened.
"""

import contextlib
import datetime

from trajecten import services
from trajecten.models import FaseOvergang, Traject, Trajectplan, Uitstroom
from uitstap.codes import DoelStatus, Fase, Leefgebied, UitstroomSoort

# Per leefgebied: (goal, indicator, why achievable, [(sub-goal, indicator)]).
DOELEN = {
    Leefgebied.FINANCIEN: [
        ("Ik heb een overzicht van al mijn schulden en een betalingsregeling.", "Getekende regeling met de schuldhulpverlening",
         "Ze heeft alle post bewaard; de gemeentelijke schuldhulp heeft plek.",
         [("Alle post en aanmaningen samen sorteren", "Map met overzicht per schuldeiser"),
          ("Aanmelden bij de schuldhulpverlening", "Intakegesprek gepland")]),
        ("Ik betaal mijn vaste lasten op tijd van een eigen bankrekening.", "Drie maanden geen achterstand op huur en zorgverzekering",
         "Ze heeft een uitkering aangevraagd; budgetcoaching is beschikbaar.",
         [("Bankrekening openen op eigen naam", "Pas ontvangen"), ("Automatische incasso's instellen", "Huur en zorgverzekering lopen automatisch")]),
    ],
    Leefgebied.HUISVESTING: [
        ("Ik woon in een eigen, betaalbare kamer of woning.", "Huurcontract op eigen naam getekend",
         "Ze staat ingeschreven en heeft een urgentieverklaring aangevraagd.",
         [("Inschrijven bij de woningcorporatie", "Inschrijfbewijs"), ("Urgentie aanvragen bij de gemeente", "Besluit ontvangen")]),
    ],
    Leefgebied.WERK_DAGBESTEDING: [
        ("Ik werk twee dagdelen per week als vrijwilliger.", "Vrijwilligersovereenkomst en vier weken aanwezig",
         "Ze kookt graag; het buurthuis zoekt hulp in de keuken.",
         [("Kennismaken bij het buurthuis", "Gesprek gehad"), ("VOG aanvragen", "VOG ontvangen")]),
        ("Ik heb een betaalde baan van minstens twaalf uur per week.", "Arbeidscontract getekend",
         "Ze heeft werkervaring in de zorg; de re-integratiepartner begeleidt.",
         [("Cv maken met de re-integratiepartner", "Cv klaar"), ("Vijf sollicitaties versturen", "Vijf sollicitaties verstuurd")]),
        ("Ik volg een taalcursus Nederlands op niveau A2.", "Inschrijving en 80% aanwezigheid na drie maanden",
         "Er is een gratis cursus in de wijk, overdag terwijl de kinderen op school zijn.",
         [("Inschrijven bij het taalhuis", "Plaatsing ontvangen")]),
    ],
    Leefgebied.PSYCHISCH_FUNCTIONEREN: [
        ("Ik heb hulp voor mijn somberheid en slaap weer beter.", "Behandeling bij de ggz gestart; eigen score slaap 6 of hoger",
         "De huisarts wil verwijzen; ze wil er zelf mee aan de slag.",
         [("Afspraak bij de huisarts maken", "Verwijzing ontvangen")]),
    ],
    Leefgebied.SOCIAAL_FUNCTIONEREN: [
        ("Ik heb mensen buiten het werk bij wie ik terecht kan.", "Twee contacten die ze wekelijks spreekt",
         "Ze heeft weer contact met haar zus; er is een vrouwengroep in de wijk.",
         [("Eén keer meegaan naar de vrouwengroep", "Geweest")]),
    ],
    Leefgebied.JURIDISCH: [
        ("Mijn verblijfsdocumenten zijn op orde.", "Geldige verblijfsvergunning of registratie BRP",
         "Een advocaat via het juridisch loket helpt bij de aanvraag.",
         [("Afspraak bij het juridisch loket", "Gesprek gehad")]),
    ],
    Leefgebied.VEILIGHEID: [
        ("Ik voel me veilig thuis en weet wat ik doe als het misgaat.", "Veiligheidsplan besproken en eigen score veiligheid 7 of hoger",
         "Ze woont niet meer bij haar ex; de wijkagent is op de hoogte.",
         [("Veiligheidsplan samen opschrijven", "Plan op papier")]),
    ],
    Leefgebied.PRAKTISCH_FUNCTIONEREN: [
        ("Ik regel zelf mijn post en afspraken.", "Drie maanden alle post binnen een week geopend en beantwoord",
         "Ze heeft een agenda en wil het leren.",
         [("DigiD aanvragen", "DigiD werkt")]),
    ],
    Leefgebied.LICHAMELIJK_FUNCTIONEREN: [
        ("Ik ben ingeschreven bij een huisarts en tandarts.", "Inschrijving bij beide bevestigd",
         "Er is een praktijk in haar buurt met plek.", []),
    ],
    Leefgebied.MIDDELENGEBRUIK: [
        ("Ik drink doordeweeks niet meer.", "Vier weken doordeweeks niet gedronken (eigen dagboek)",
         "Ze wil het zelf en de verslavingszorg biedt ambulante hulp.",
         [("Intake bij de verslavingszorg", "Intake gehad")]),
    ],
    Leefgebied.ZINGEVING: [
        ("Ik doe elke week iets wat ik leuk vind.", "Vier weken achter elkaar een activiteit voor zichzelf",
         "Ze zwom vroeger graag; het zwembad heeft een vrouwenuur.", []),
    ],
}

AFSPRAKEN = (
    "- We zien elkaar eens per twee weken; tussendoor kan ze bellen of appen.\n"
    "- Afmelden doet ze uiterlijk een dag van tevoren.\n"
    "- We bespreken de doelen eens per zes weken en passen het plan aan als dat nodig is.\n"
    "- Met ketenpartners delen we alleen wat nodig is en met haar toestemming."
)

VOORTGANG = [
    "Eerste stap gezet; ze is er zelf mee bezig.", "Loopt volgens plan.", "Even stilgestaan door drukte thuis; weer opgepakt.",
    "Ketenpartner belt terug; afspraak staat.", "Ze is trots op wat gelukt is.", "Wachten op antwoord van de instantie.",
]


@contextlib.contextmanager
def _zoals_toen(traject: Traject):
    """Write a closed traject's plan history as it happened before it closed (in memory only)."""
    einddatum = traject.einddatum
    traject.einddatum = None
    try:
        yield
    finally:
        traject.einddatum = einddatum


class PlanVerhaal:
    def __init__(self, *, rng, vandaag, traject: Traject, einddatum: datetime.date | None):
        self.rng = rng
        self.einddatum = einddatum
        self.vandaag = vandaag
        self.t = traject
        self.door = traject.deelnemer.begeleider

    def dag(self, d: datetime.date) -> datetime.date:
        return min(d, self.eind)

    def meting(self, datum, basis: dict, groei: dict, fractie: float):
        scores = {}
        for lg, b in basis.items():
            waarde = b + groei.get(lg, 1) * fractie + self.rng.choice([-1, 0, 0, 1])
            scores[lg] = max(1, min(10, round(waarde)))
        services.meting_vastleggen(traject=self.t, datum=datum, scores=scores, door=self.door,
                                        notitie=self.rng.choice(["", "", "Samen ingevuld.", "Ze zegt zelf dat het beter gaat."]))

    def doelen_toevoegen(self, plan, leefgebieden, basis, streef_van):
        doelen = []
        for lg in leefgebieden:
            omschrijving, indicator, realistisch, subs = self.rng.choice(DOELEN[lg])
            start = basis.get(lg, 4)
            hoofd = services.doel_aanmaken(plan=plan, door=self.door, data={
                "leefgebied": lg, "omschrijving": omschrijving, "indicator": indicator, "acceptabel": True,
                "acceptabel_toelichting": self.rng.choice(["Dit wil ik echt.", "Als dit lukt heb ik rust.", "", ""]),
                "realistisch": realistisch, "startscore": start, "doelscore": min(10, start + self.rng.randint(2, 4)),
                "streefdatum": streef_van + datetime.timedelta(days=self.rng.randint(90, 240)),
            })
            for k, (sub, sub_indicator) in enumerate(subs):
                services.subdoel_aanmaken(ouder=hoofd, door=self.door, data={
                    "omschrijving": sub, "indicator": sub_indicator,
                    "streefdatum": min(hoofd.streefdatum, streef_van + datetime.timedelta(days=30 + 30 * k)),
                })
            doelen.append(hoofd)
        return doelen

    def opvolgen(self, plan, van, tot, kans_behaald):
        """Progress every month or so; goals and sub-goals reached around their target date."""
        for doel in plan.doelen.filter(ouder__isnull=True).order_by("id"):
            doel.plan = plan  # keep the in-memory traject (see _zoals_toen)
            for sub in doel.subdoelen.order_by("id"):
                sub.plan = plan
                if sub.status in (DoelStatus.OPEN, DoelStatus.BEZIG) and sub.streefdatum <= tot and self.rng.random() < 0.85:
                    klaar = max(van, sub.streefdatum - datetime.timedelta(days=self.rng.randint(0, 20)))
                    services.doel_status_wijzigen(doel=sub, status=DoelStatus.BEHAALD, behaald_op=klaar, door=self.door, gelezen_versie=sub.versie)
            if doel.status not in (DoelStatus.OPEN, DoelStatus.BEZIG):
                continue
            d = van + datetime.timedelta(days=self.rng.randint(14, 30))
            score = doel.startscore or 4
            while d <= tot:
                if d >= doel.streefdatum - datetime.timedelta(days=20) and self.rng.random() < kans_behaald:
                    services.voortgang_vastleggen(doel=doel, datum=d, score=doel.doelscore, door=self.door,
                                                        notitie="Doel bereikt.")
                    services.doel_status_wijzigen(doel=doel, status=DoelStatus.BEHAALD, behaald_op=d, door=self.door, gelezen_versie=doel.versie)
                    break
                score = min(doel.doelscore or 10, score + self.rng.choice([0, 1, 1]))
                services.voortgang_vastleggen(doel=doel, datum=d, score=score, door=self.door,
                                                    notitie=self.rng.choice(VOORTGANG))
                doel.refresh_from_db(fields=["status", "versie"])
                d += datetime.timedelta(days=self.rng.randint(28, 56))

    def vertel(self):
        rng, t = self.rng, self.t
        overgangen = list(t.fase_overgangen.order_by("datum", "id"))
        orientatie = next((o.datum for o in overgangen if o.fase == Fase.ORIENTATIE), None)
        if orientatie is None:
            return
        uitvoering = next((o.datum for o in overgangen if o.fase == Fase.UITVOERING), None)
        uitstroom = Uitstroom.objects.filter(traject=t).first()
        if uitstroom is not None and uitstroom.soort == UitstroomSoort.GESTOPT:
            return
        self.eind = self.einddatum or self.vandaag
        leefgebieden = rng.sample(list(DOELEN), rng.randint(6, 9))
        basis = {lg: rng.randint(2, 6) for lg in leefgebieden}
        plan_lg = [lg for lg in (Leefgebied.FINANCIEN, Leefgebied.WERK_DAGBESTEDING) if rng.random() < 0.8]
        plan_lg += rng.sample([lg for lg in leefgebieden if lg not in plan_lg], 2 - (len(plan_lg) > 1))
        for lg in plan_lg:
            basis.setdefault(lg, rng.randint(2, 4))
        extra = [lg for lg in (Leefgebied.HUISVESTING, Leefgebied.ZINGEVING, Leefgebied.SOCIAAL_FUNCTIONEREN)
                 if lg not in plan_lg][:1]  # the goal added in a second version
        for lg in extra:
            basis.setdefault(lg, rng.randint(2, 4))
        groei = {lg: (4 if lg in plan_lg + extra else 1.5) for lg in basis}

        eerste = self.dag(orientatie + datetime.timedelta(days=rng.randint(3, 10)))
        self.meting(eerste, basis, groei, 0)
        if uitvoering is not None:
            opgesteld = max(orientatie, uitvoering - datetime.timedelta(days=rng.randint(7, 14)))
        else:
            opgesteld = orientatie + datetime.timedelta(days=rng.randint(18, 30))
            if opgesteld > self.eind:
                return
        plan = services.trajectplan_opstellen(traject=t, opgesteld_op=opgesteld, afspraken=AFSPRAKEN, door=self.door)
        self.doelen_toevoegen(plan, plan_lg, basis, opgesteld)
        if uitvoering is None:
            return  # orientatie: the plan is still a concept
        getekend = uitvoering
        services.trajectplan_ondertekenen(plan=plan, ondertekend_deelnemer_op=getekend,
                                               ondertekend_begeleider_op=getekend, door=self.door, gelezen_versie=plan.versie)
        duur = (self.eind - getekend).days
        kans = 0.85 if uitstroom is not None else 0.6
        herzien = getekend + datetime.timedelta(days=rng.randint(150, 200)) if duur > 260 else None
        self.opvolgen(plan, getekend, herzien or self.eind, kans)

        # Metingen every three months or so, ending with one close to the end.
        d, n = eerste + datetime.timedelta(days=rng.randint(80, 100)), 1
        while d <= self.eind:
            self.meting(d, basis, groei, min(1.0, (d - eerste).days / max(300, duur)))
            d += datetime.timedelta(days=rng.randint(80, 110))
            n += 1

        if herzien is not None:
            lopend = list(plan.doelen.filter(ouder__isnull=True, status__in=(DoelStatus.OPEN, DoelStatus.BEZIG)))
            if len(lopend) > 1 and rng.random() < 0.3:
                lopend[0].plan = plan
                services.doel_status_wijzigen(doel=lopend[0], status=DoelStatus.VERVALLEN, door=self.door, gelezen_versie=lopend[0].versie)
            nieuw = services.trajectplan_nieuwe_versie(plan=plan, opgesteld_op=herzien, door=self.door)
            self.doelen_toevoegen(nieuw, extra, basis, herzien)
            for doel in nieuw.doelen.filter(ouder__isnull=True, streefdatum__lt=herzien + datetime.timedelta(days=30)):
                doel.plan = nieuw
                services.doel_wijzigen(doel=doel, door=self.door, data={
                    "streefdatum": herzien + datetime.timedelta(days=rng.randint(60, 150))}, gelezen_versie=doel.versie)
            tweede = self.dag(herzien + datetime.timedelta(days=rng.randint(3, 10)))
            services.trajectplan_ondertekenen(plan=nieuw, ondertekend_deelnemer_op=tweede,
                                                   ondertekend_begeleider_op=tweede, door=self.door, gelezen_versie=nieuw.versie)
            self.opvolgen(nieuw, tweede, self.eind, kans)
            plan = nieuw
        if self.einddatum is not None:
            # Closing the traject: what was not reached is recorded as such.
            for doel in plan.doelen.filter(ouder__isnull=True, status__in=(DoelStatus.OPEN, DoelStatus.BEZIG)):
                doel.plan = plan
                services.doel_status_wijzigen(doel=doel, status=DoelStatus.NIET_BEHAALD, door=self.door, gelezen_versie=doel.versie)


def seed_plannen(*, rng, fake, vandaag, kern, deelnemers):
    for deelnemer in deelnemers:
        for traject in Traject.objects.filter(deelnemer=deelnemer).select_related("deelnemer__begeleider").order_by("aanmelddatum"):
            if Trajectplan.objects.filter(traject=traject).exists() or not FaseOvergang.objects.filter(traject=traject).exists():
                continue
            einddatum = traject.einddatum
            with _zoals_toen(traject):
                PlanVerhaal(rng=rng, vandaag=vandaag, traject=traject, einddatum=einddatum).vertel()
