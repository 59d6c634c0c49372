"""A large demo (seed_demo --deelnemers N for big N): histories generated in memory, then bulk_create.

The story demo (deelnemers.py and the STAPPEN) writes through the services, about a third of a
second per participant. For thousands that is far too slow, so this module plans each traject's
history as dates first, checks every date with the services' own rules (trajecten.services.regels),
and inserts the rows in a few bulk statements (COPY on PostgreSQL, executemany on SQLite; the ORM's
bulk_create spends most of its time building model instances). The audit log gets one event.
tests/uitstap/test_seed_bulk.py checks the result against the services' rules for several seeds.
"""

import contextlib
import datetime
import json
import random

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max
from django.utils import timezone
from faker import Faker

from clients.models import Deelnemer
from trajecten import models as trajecten_models
from trajecten.models import (
    Contactmoment,
    Doel,
    FaseOvergang,
    Intake,
    Meting,
    MetingScore,
    Terugval,
    Traject,
    Trajectplan,
    Uitstroom,
    Verwijzing,
)
from trajecten.services import regels
from uitstap.audit import Actie, audit_log
from uitstap.codes import (
    Branche,
    ContactSoort,
    ContactStatus,
    DoelStatus,
    Fase,
    Gender,
    IntakeBesluit,
    JuridischeCategorie,
    Leefgebied,
    Rol,
    Sector,
    Stopreden,
    UitstroomResultaat,
    UitstroomSoort,
    Verblijfsstatus,
    Verwijzer,
    VerwijzingStatus,
)
from uitstap.demo import demo_wachtwoord
from uitstap.models import Gebruiker

BATCH = 5000
# About two thousand participants per coach, as in a large regional team.
PER_BEGELEIDER = 2000
MAX_BEGELEIDERS = 10

# (scenario, weight): the same mix as the story demo (deelnemers.SCENARIO_AANTALLEN).
SCENARIOS = [
    ("contact", 7), ("orientatie", 9), ("uitvoering", 16), ("terugstap", 3), ("nazorg", 7),
    ("uitgestapt", 8), ("gestopt", 6), ("herinstroom", 4),
]
LANDEN = ["NL"] * 10 + ["RO"] * 5 + ["BG"] * 3 + ["HU"] * 2 + ["PL", "NG", "CO", "DO", "TH", "BR", "UA"]
EU = ("RO", "BG", "HU", "PL")
CATEGORIE = {
    Verblijfsstatus.NEDERLANDS: JuridischeCategorie.CAT_1,
    Verblijfsstatus.VERBLIJFSVERGUNNING: JuridischeCategorie.CAT_1,
    Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL: JuridischeCategorie.CAT_1,
    Verblijfsstatus.EU_BURGER: JuridischeCategorie.CAT_2,
    Verblijfsstatus.ZONDER_VERBLIJFSRECHT: JuridischeCategorie.CAT_3,
}
DOEL_TEKST = {
    Leefgebied.FINANCIEN: ("Ik heb een betalingsregeling voor mijn schulden.", "Getekende regeling"),
    Leefgebied.HUISVESTING: ("Ik woon in een eigen, betaalbare woning.", "Huurcontract op eigen naam"),
    Leefgebied.WERK_DAGBESTEDING: ("Ik heb betaald werk van minstens twaalf uur per week.", "Arbeidscontract"),
    Leefgebied.SOCIAAL_FUNCTIONEREN: ("Ik heb mensen bij wie ik terecht kan.", "Twee vaste contacten"),
    Leefgebied.PSYCHISCH_FUNCTIONEREN: ("Ik heb hulp voor mijn somberheid.", "Behandeling gestart"),
    Leefgebied.VEILIGHEID: ("Ik voel me veilig thuis.", "Veiligheidsplan besproken"),
}


class _Fout(Exception):
    """A generated date broke one of the services' rules: a bug in this generator."""


def _regel(fout: str | None) -> None:
    if fout is not None:
        raise _Fout(fout)


class _Tabel:
    """Rows of one model as tuples in column order, with ids handed out here (so children can point at
    their parent before anything is written); field defaults fill what a row leaves out."""

    def __init__(self, model):
        self.model = model
        self.velden = [f for f in model._meta.concrete_fields]
        nu = timezone.now()
        self.standaard = {}
        for f in self.velden:
            if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False):
                self.standaard[f.attname] = nu
            elif f.has_default():
                self.standaard[f.attname] = f.get_default()
            elif f.null:
                self.standaard[f.attname] = None
            elif f.empty_strings_allowed:
                self.standaard[f.attname] = ""
        self.volgende = (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
        self.rijen = []

    def rij(self, **waarden) -> int:
        pk = self.volgende
        self.volgende += 1
        waarden["id"] = pk
        self.rijen.append(tuple(waarden[f.attname] if f.attname in waarden else self.standaard[f.attname]
                                for f in self.velden))
        return pk

    def schrijven(self) -> None:
        if not self.rijen:
            return
        kolommen = [f.column for f in self.velden]
        omzetten = []
        for f in self.velden:
            if isinstance(f, models.JSONField):
                omzetten.append(json.dumps)
            elif connection.vendor != "postgresql" and isinstance(f, (models.DateField, models.TimeField)):
                omzetten.append(lambda v, f=f: None if v is None else f.get_db_prep_save(v, connection))
            else:
                omzetten.append(None)
        if any(omzetten):
            rijen = [tuple(v if o is None else o(v) for v, o in zip(rij, omzetten)) for rij in self.rijen]
        else:
            rijen = self.rijen
        tabel = connection.ops.quote_name(self.model._meta.db_table)
        namen = ", ".join(connection.ops.quote_name(k) for k in kolommen)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {tabel} ({namen}) FROM STDIN") as copy:
                    for rij in rijen:
                        copy.write_row(rij)
                for sql in connection.ops.sequence_reset_sql(no_style(), [self.model]):
                    cursor.execute(sql)
                # Fresh statistics: without them the planner treats the new rows as a tiny table
                # (nested loops over 200 000 contacts); autovacuum may take minutes to notice.
                cursor.execute(f"ANALYZE {tabel}")
            else:
                plekken = ", ".join(["%s"] * len(kolommen))
                for i in range(0, len(rijen), BATCH):
                    cursor.executemany(f"INSERT INTO {tabel} ({namen}) VALUES ({plekken})", rijen[i:i + BATCH])


class BulkBouwer:
    """Plans histories as 'days ago' (larger is earlier) and queues them as rows."""

    def __init__(self, *, rng: random.Random, fake: Faker, vandaag: datetime.date, kern: dict, coaches: list):
        self.rng = rng
        self.vandaag = vandaag
        self.programma = kern["programma"]
        self.gemeenten = [g.pk for g in kern["gemeenten"].values()]
        self.kaart = [p.pk for p in sorted((p for p in kern["kaart"].values() if p.actief), key=lambda p: p.naam)]
        self.coaches = [c.pk for c in coaches]
        # Faker is slow per call; a pool of names drawn once keeps a large seed fast and deterministic.
        self.vrouwen = [fake.first_name_female() for _ in range(300)]
        self.mannen = [fake.first_name_male() for _ in range(40)]
        self.t = {m: _Tabel(m) for m in (Deelnemer, Traject, FaseOvergang, Intake, Contactmoment, Uitstroom, Terugval,
                                         Meting, MetingScore, Trajectplan, Doel, Verwijzing)}

    def dag(self, dagen_geleden: int) -> datetime.date:
        return self.vandaag - datetime.timedelta(days=dagen_geleden)

    # --- participants ---------------------------------------------------------------------

    def deelnemer(self, i: int) -> tuple[int, int]:
        """Queue one participant; returns (id, coach id)."""
        rng = self.rng
        coach = self.coaches[i % len(self.coaches)]
        achtervang = self.coaches[(i + 1) % len(self.coaches)] if len(self.coaches) > 1 else None
        land = rng.choice(LANDEN)
        verblijf = (
            Verblijfsstatus.NEDERLANDS if land == "NL"
            else Verblijfsstatus.EU_BURGER if land in EU
            else rng.choice([Verblijfsstatus.VERBLIJFSVERGUNNING, Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL,
                             Verblijfsstatus.ZONDER_VERBLIJFSRECHT])
        )
        velden = dict(
            programma_id=self.programma.pk, clientcode=f"{self.programma.code}-{self.vandaag.year}-{i + 1:04d}",
            begeleider_id=coach, achtervang_id=achtervang,
            roepnaam=rng.choice(self.vrouwen) if rng.random() > 0.08 else rng.choice(self.mannen),
            geboortejaar=None if rng.random() < 0.07 else self.vandaag.year - rng.randint(20, 52),
            gender=rng.choices([Gender.VROUW, Gender.TRANSGENDER, Gender.MAN, Gender.ONBEKEND], [88, 6, 4, 2])[0],
            herkomstland=land,
            taal="Nederlands" if land == "NL" else rng.choice(["Engels", "Roemeens", "Spaans", "Bulgaars"]),
            juridische_categorie=CATEGORIE[verblijf], verblijfsstatus=verblijf,
            woongemeente_id=rng.choice(self.gemeenten), werkgemeente_id=rng.choice(self.gemeenten[:2]),
            sector=rng.choice([Sector.RAAM, Sector.CLUB_PRIVE, Sector.ESCORT, Sector.THUIS, Sector.ONLINE]),
            signalen_mensenhandel=rng.random() < 0.18 or verblijf == Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL,
            heeft_kinderen=rng.random() < 0.45,
        )
        if verblijf == Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL:
            start = self.dag(rng.randint(200, 500))
            velden.update(bedenktijd_start=start, bedenktijd_eind=start + datetime.timedelta(days=90))
        return self.t[Deelnemer].rij(**velden), coach

    # --- one traject ----------------------------------------------------------------------

    def traject(self, deelnemer: int, coach: int, scenario: str, *, na: int | None = None) -> int:
        """Plan and queue one traject; `na`: the previous traject ended that many days ago.
        Returns the day (days ago) it ended, or -1 when it is still open."""
        rng = self.rng
        bovengrens = {"contact": 60, "orientatie": 200, "uitvoering": 900, "terugstap": 900, "nazorg": 1000,
                      "uitgestapt": 1100, "gestopt": 1000}[scenario]
        ondergrens = {"contact": 1, "orientatie": 15, "uitvoering": 60, "terugstap": 120, "nazorg": 120,
                      "uitgestapt": 300, "gestopt": 40}[scenario]
        if na is not None:  # herinstroom: on or after the day the previous traject ended
            bovengrens = max(0, min(bovengrens, na))
            ondergrens = min(ondergrens, bovengrens)
        a = rng.randint(ondergrens, bovengrens)
        aanmelddatum = self.dag(a)
        fasen = [(Fase.CONTACT, a, "Aanmelding")]
        intake = uitvoering = None
        if scenario != "contact" and not (scenario == "gestopt" and rng.random() < 0.3):
            intake = a - rng.randint(0, min(14, a))
            fasen.append((Fase.ORIENTATIE, intake, "Intake: toegelaten"))
        if scenario in ("uitvoering", "terugstap", "nazorg", "uitgestapt") and intake is not None:
            uitvoering = max(0, intake - rng.randint(0, 90))
            fasen.append((Fase.UITVOERING, uitvoering, "Trajectplan ondertekend"))
            if scenario == "terugstap":
                terug = rng.randint(0, uitvoering)
                fasen.append((Fase.ORIENTATIE, terug, "Terugval in oude patroon; eerst weer stabiliseren."))
                if rng.random() < 0.5:
                    fasen.append((Fase.UITVOERING, rng.randint(0, terug), "Weer stabiel; plan opnieuw opgepakt."))
        laatste = fasen[-1][1]
        uitstroom = eind = None
        if scenario in ("nazorg", "uitgestapt"):
            uit = rng.randint(0 if scenario == "nazorg" else 1, laatste)
            resultaat = rng.choices(UitstroomResultaat.values[:7], [45, 15, 6, 10, 8, 12, 4])[0]  # the first seven: DEFINITIONS.md's
            uitstroom = dict(datum=self.dag(uit), soort=UitstroomSoort.UITGESTAPT, resultaat=resultaat,
                             branche=rng.choice(Branche.values) if resultaat == UitstroomResultaat.BETAALD_WERK else "")
            fasen.append((Fase.NAZORG, uit, "Uitgestapt: nazorg"))
            if scenario == "uitgestapt":
                eind = rng.randint(0, uit - 1)
        elif scenario == "gestopt":
            stop = rng.randint(0, laatste)
            uitstroom = dict(datum=self.dag(stop), soort=UitstroomSoort.GESTOPT, reden=rng.choice(Stopreden.values))
            eind = stop
        einddatum = self.dag(eind) if eind is not None else None

        # The services' rules, on the planned dates (fase_wijzigen, intake_vastleggen, uitstroom_vastleggen).
        vorige = None
        for fase, d, _ in fasen:
            datum = self.dag(d)
            _regel(regels.fout_voor_aanmelding(aanmelddatum, datum))
            _regel(regels.fout_in_toekomst(datum, tot=self.vandaag))
            if vorige is not None and (datum < vorige[1] or fase == vorige[0]):
                raise _Fout(f"faseovergang {fase} op {datum}")
            vorige = (fase, datum)
        if uitstroom is not None:
            _regel(regels.fout_voor_aanmelding(aanmelddatum, uitstroom["datum"]))
            _regel(regels.fout_in_toekomst(uitstroom["datum"], tot=self.vandaag))
        if einddatum is not None and (einddatum < aanmelddatum or einddatum < uitstroom["datum"]):
            raise _Fout("einddatum vóór aanmelding of uitstroom")

        verwijzer = rng.choice(Verwijzer.values)
        t = self.t[Traject].rij(
            deelnemer_id=deelnemer, aanmelddatum=aanmelddatum, einddatum=einddatum, verwijzer=verwijzer,
            verwijzer_ketenpartner_id=rng.choice(self.kaart) if verwijzer == Verwijzer.KETENPARTNER else None)
        for fase, d, reden in fasen:
            self.t[FaseOvergang].rij(traject_id=t, fase=fase, datum=self.dag(d), reden=reden, door_id=coach)
        if intake is not None:
            self.t[Intake].rij(
                traject_id=t, datum=self.dag(intake), hulpvraag="Wil stoppen en zoekt ander werk.",
                verwachtingen_besproken=True, spreekt_nederlands_of_engels=True, verslaving=False,
                psychiatrische_problematiek=False, legaal_verblijf=True, besluit=IntakeBesluit.TOEGELATEN, door_id=coach)
        if uitstroom is not None:
            self.t[Uitstroom].rij(traject_id=t, door_id=coach, **uitstroom)
            if scenario == "uitgestapt" and rng.random() < 0.25:
                terug = rng.randint(0, (self.vandaag - uitstroom["datum"]).days)
                self.t[Terugval].rij(traject_id=t, datum=self.dag(terug), door_id=coach)
        tot = eind if eind is not None else 0
        self.contacten(t, coach, a, tot, open_=eind is None)
        if intake is not None:
            self.metingen(t, coach, intake, tot)
        if uitvoering is not None:
            self.plan(t, coach, intake, uitvoering, tot, afgesloten=eind is not None)
            if eind is None:
                self.verwijzingen(t, coach, intake)
        return eind if eind is not None else -1

    def contacten(self, t: int, coach: int, van: int, tot: int, *, open_: bool):
        rng = self.rng
        for d in sorted((rng.randint(tot, van) for _ in range(rng.randint(3, 17))), reverse=True):
            r = rng.random()
            status = (ContactStatus.NIET_VERSCHENEN if r < 0.08 else ContactStatus.AFGEZEGD if r < 0.13
                      else ContactStatus.GEHOUDEN)
            gehouden = status == ContactStatus.GEHOUDEN
            self.t[Contactmoment].rij(
                traject_id=t, datum=self.dag(d), tijd=datetime.time(rng.choice([9, 10, 11, 13, 14, 15]), rng.choice([0, 30])),
                soort=rng.choices(ContactSoort.values, [40, 20, 8, 12, 5, 5, 5, 5])[0], status=status, door_id=coach,
                duur_minuten=rng.choice([30, 45, 60, 60, 90, 120]) if gehouden else None,
                leefgebieden=rng.sample(Leefgebied.values, rng.randint(1, 3)),
                notitie="Gesprek over de stappen van deze week." if gehouden else "")
        if open_ and rng.random() < 0.6:  # a planned contact lies ahead (only in an open traject)
            self.t[Contactmoment].rij(traject_id=t, datum=self.dag(-rng.randint(1, 14)), tijd=datetime.time(10, 0),
                                      soort=ContactSoort.GESPREK, status=ContactStatus.GEPLAND, door_id=coach,
                                      leefgebieden=[])

    def metingen(self, t: int, coach: int, van: int, tot: int):
        rng = self.rng
        basis = {lg: rng.randint(2, 6) for lg in sorted(rng.sample(Leefgebied.values, rng.randint(4, 7)))}
        for k, d in enumerate(sorted({rng.randint(tot, van) for _ in range(rng.randint(1, 3))}, reverse=True)):
            m = self.t[Meting].rij(traject_id=t, datum=self.dag(d), door_id=coach)
            for lg, b in basis.items():
                self.t[MetingScore].rij(meting_id=m, leefgebied=lg, score=max(1, min(10, b + k + rng.choice([-1, 0, 1]))))

    def plan(self, t: int, coach: int, intake: int, uitvoering: int, tot: int, *, afgesloten: bool):
        rng = self.rng
        opgesteld = min(intake, uitvoering + rng.randint(0, 14))
        opgesteld_op = self.dag(opgesteld)
        plan = self.t[Trajectplan].rij(
            traject_id=t, volgnummer=1, opgesteld_op=opgesteld_op, status=Trajectplan.Status.ACTIEF,
            ondertekend_deelnemer_op=self.dag(uitvoering), ondertekend_begeleider_op=self.dag(uitvoering),
            aangemaakt_door_id=coach)
        for volgorde, lg in enumerate(sorted(rng.sample(list(DOEL_TEKST), rng.randint(2, 3)))):
            omschrijving, indicator = DOEL_TEKST[lg]
            start = rng.randint(2, 5)
            status = rng.choices(DoelStatus.values, [3, 4, 3, 1, 1])[0]
            if afgesloten and status in (DoelStatus.OPEN, DoelStatus.BEZIG):
                status = DoelStatus.NIET_BEHAALD  # closing a traject records what was not reached
            self.t[Doel].rij(
                plan_id=plan, leefgebied=lg, omschrijving=omschrijving, indicator=indicator, acceptabel=True,
                startscore=start, doelscore=min(10, start + rng.randint(2, 4)), status=status, volgorde=volgorde,
                gesteld_op=opgesteld_op, streefdatum=opgesteld_op + datetime.timedelta(days=rng.randint(90, 300)),
                behaald_op=self.dag(rng.randint(tot, opgesteld)) if status == DoelStatus.BEHAALD else None)

    def verwijzingen(self, t: int, coach: int, intake: int):
        rng = self.rng
        for partner in rng.sample(self.kaart, min(len(self.kaart), rng.choice([0, 0, 1, 1, 2]))):
            verwezen = rng.randint(0, intake)
            gestart = self.dag(rng.randint(0, verwezen)) if verwezen > 0 and rng.random() < 0.6 else None
            self.t[Verwijzing].rij(
                traject_id=t, ketenpartner_id=partner, verwezen=self.dag(verwezen), door_id=coach, gestart=gestart,
                hulpvraag="Ondersteuning bij de volgende stap.",
                status=VerwijzingStatus.GESTART if gestart else VerwijzingStatus.WACHTLIJST)

    def opslaan(self) -> None:
        with _stand_triggers_uit():
            for tabel in self.t.values():  # parents before children (the order of self.t)
                tabel.schrijven()


# The tables whose state triggers write trajecten_traject.
_STAND_MODELLEN = (Traject, FaseOvergang, Contactmoment, Trajectplan, Doel, Verwijzing)


@contextlib.contextmanager
def _stand_triggers_uit():
    """The traject state triggers (trajecten.models.STAND_VELDEN and instroom_op) off while the rows go in, then
    the state of every traject from the histories in a few statements (stand_vullen_sql) and the triggers on
    again. Row by row, 220 000 contacts each updating their traject took over ten minutes on PostgreSQL.

    Inside the seed's transaction: on an error everything, the switch included, is rolled back, so nothing is
    switched back on in a failed transaction."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            triggers = [(model._meta.db_table, trigger.get_pgid(model)) for model in _STAND_MODELLEN
                        for trigger in model._meta.triggers if trigger in trajecten_models.STAND_TRIGGERS]
            # ALTER TABLE refuses while foreign-key checks wait for the commit: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for tabel, naam in triggers:
                cursor.execute(f'ALTER TABLE "{tabel}" DISABLE TRIGGER "{naam}"')
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            tabellen = [m._meta.db_table for m in _STAND_MODELLEN]
            cursor.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
            triggers = [(naam, sql) for naam, tabel, sql in cursor.fetchall()
                        if tabel in tabellen and ("stand" in naam or "instroom" in naam)]
            for naam, _ in triggers:
                cursor.execute(f'DROP TRIGGER "{naam}"')
        yield
        for sql in trajecten_models.stand_vullen_sql():
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            # Statistics again: the table was analysed when its rows went in (_Tabel.schrijven), before the
            # fill, so the planner believed no traject is current (is_huidig all false) and planned the
            # caseload's queries for one row instead of thousands.
            cursor.execute(f'ANALYZE "{Traject._meta.db_table}"')
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for tabel, naam in triggers:
                cursor.execute(f'ALTER TABLE "{tabel}" ENABLE TRIGGER "{naam}"')
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            for _, sql in triggers:
                cursor.execute(sql)


def _begeleiders(kern: dict, aantal: int) -> list:
    """The story's three coaches plus more (begeleider4, ...) so each has about PER_BEGELEIDER."""
    g = kern["gebruikers"]
    coaches = [g["begeleider1"], g["begeleider2"], g["begeleider3"]]
    nodig = min(MAX_BEGELEIDERS, max(3, -(-aantal // PER_BEGELEIDER)))
    bestaand = {u.username: u for u in Gebruiker.objects.filter(username__startswith="begeleider")}
    orgs = kern["organisaties"]
    wachtwoord = demo_wachtwoord()
    for n in range(4, nodig + 1):
        if f"begeleider{n}" in bestaand:
            coaches.append(bestaand[f"begeleider{n}"])
            continue
        user = Gebruiker(username=f"begeleider{n}", first_name="Begeleider", last_name=str(n),
                         rol=Rol.TRAJECTBEGELEIDER, organisatie=orgs[n % len(orgs)], email=f"begeleider{n}@example.org")
        user.set_password(wachtwoord)
        user.save()
        coaches.append(user)
    return coaches


def seed_bulk(*, rng: random.Random, fake: Faker, vandaag: datetime.date, kern: dict, aantal: int, eerste: int = 0) -> int:
    """`aantal` participants with their trajecten in bulk (clientcodes from number `eerste` + 1); returns how many."""
    bouwer = BulkBouwer(rng=rng, fake=fake, vandaag=vandaag, kern=kern, coaches=_begeleiders(kern, aantal))
    namen = [naam for naam, _ in SCENARIOS]
    gewichten = [w for _, w in SCENARIOS]
    for i in range(eerste, eerste + aantal):
        deelnemer, coach = bouwer.deelnemer(i)
        scenario = rng.choices(namen, gewichten)[0]
        if scenario == "herinstroom":
            eind = bouwer.traject(deelnemer, coach, "gestopt")
            bouwer.traject(deelnemer, coach, rng.choice(["orientatie", "uitvoering", "contact"]), na=eind)
        else:
            bouwer.traject(deelnemer, coach, scenario)
    bouwer.opslaan()
    audit_log(actie=Actie.CREATE, gebruiker=kern["gebruikers"]["beheerder"], object_type="seed_demo",
              object_id=f"{aantal} deelnemers (bulk)")
    return aantal
