"""Writes an `uitstap-import/1` file into the database: validated first, then one transaction of bulk inserts.

The records are ordinary records (the same models the screens use); the import bypasses the
per-record services for speed but checks their rules in `valideren` and writes one audit event.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from clients.models import Deelnemer
from clients.selectors import deelnemers_van_programma
from rapportage.uitwisseling.valideren import Controle, datum, import_valideren
from trajecten.models import (
    Contactmoment,
    Doel,
    FaseOvergang,
    Intake,
    Meting,
    MetingScore,
    Nacontrole,
    Terugval,
    Traject,
    Trajectplan,
    Uitstroom,
    Verwijzing,
)
from uitstap.audit import Actie, audit_log
from uitstap.codes import Fase, Gender, Rol, Sector, Verblijfsstatus
from uitstap.models import Gebruiker, Gemeente, Ketenpartner, Organisatie, Programma, ProgrammaJaar

class ImportGeweigerd(Exception):
    """The file has problems; `controle.fouten` lists every one. Nothing was written."""

    def __init__(self, controle: Controle):
        super().__init__(f"{len(controle.fouten)} probleem/problemen in het bestand")
        self.controle = controle


@dataclass
class Samenvatting:
    programma: str
    deelnemers: int = 0
    trajecten: int = 0
    doelen: int = 0
    verwijzingen: int = 0
    contactmomenten: int = 0
    waarschuwingen: list = field(default_factory=list)

    def regels(self) -> list[str]:
        return [
            f"Programma: {self.programma}",
            f"Deelnemers: {self.deelnemers}",
            f"Trajecten: {self.trajecten}",
            f"Doelen: {self.doelen}",
            f"Verwijzingen: {self.verwijzingen}",
            f"Contactmomenten: {self.contactmomenten}",
        ]


def _tekst(v) -> str:
    return v if isinstance(v, str) else ""


def _bedrag(v):
    return None if v is None else Decimal(str(v))


def _context(data: dict):
    """What the database already holds that the rules need: existing clientcodes, partners, coaches."""
    slug = data.get("programma", {}).get("slug") if isinstance(data.get("programma"), dict) else None
    programma = Programma.objects.filter(slug=slug).first() if isinstance(slug, str) else None
    codes, partners = set(), {}
    if programma is not None:
        codes = set(deelnemers_van_programma(programma).values_list("clientcode", flat=True))
        partners = dict(Ketenpartner.objects.filter(programma=programma).values_list("naam", "soort"))
    # A coach must work for one of the organisations that run the programme (else they would see
    # participants outside their organisation).
    organisaties = data.get("programma", {}).get("organisaties") if isinstance(data.get("programma"), dict) else None
    namen = {n for n in organisaties or [] if isinstance(n, str)}
    if programma is not None:
        namen |= set(programma.organisaties.values_list("naam", flat=True))
    gebruikers = dict(
        Gebruiker.objects.filter(rol=Rol.TRAJECTBEGELEIDER, is_active=True, organisatie__naam__in=namen)
        .values_list("username", "pk")
    )
    return programma, codes, partners, gebruikers, namen


def _organisatie_kiezer(p: dict, programma: Programma, org_pk: dict):
    """IMPORT.md: the traject's own `organisatie`; else the one organisation of its named begeleider; else the first."""
    volgorde = [n for n in p.get("organisaties") or [] if n in org_pk] or sorted(org_pk)
    van_gebruiker = dict(
        Gebruiker.objects.filter(organisatie__naam__in=list(org_pk)).values_list("username", "organisatie__naam")
    )

    def kies(t: dict):
        naam = t.get("organisatie") or van_gebruiker.get(t.get("begeleider")) or (volgorde[0] if volgorde else None)
        return org_pk.get(naam)

    return kies


def _programmajaren(programma: Programma | None, jaren: dict, controle: Controle):
    bestaand = {pj.jaar: pj for pj in ProgrammaJaar.objects.filter(programma=programma)} if programma else {}
    for jaar, cijfers in jaren.items():
        pj = bestaand.get(int(jaar))
        if pj is None:
            continue
        verschil = [
            k for k in ("verwacht_deelnemers", "intakes_begroot", "begroting", "uitgaven")
            if k in cijfers and (getattr(pj, k) != (_bedrag(cijfers[k]) if k in ("begroting", "uitgaven") else cijfers[k]))
        ]
        if verschil:
            controle.fout(f"programma.jaren.{jaar}", "dit jaar staat al in het programma met andere cijfers (" + ", ".join(verschil) + ")")


class _Rijen:
    """Rows per model, written with one executemany per table and ids reserved up front.

    Ids are reserved before inserting so children can point at parents without a round trip:
    on PostgreSQL from the table's own sequence (safe next to concurrent inserts), on SQLite
    after the highest id in use (the import's transaction holds SQLite's write lock).
    Columns the file does not fill get the model's default, so the rows are ordinary records.
    """

    def __init__(self):
        self.per_model: dict = {}
        self.nu = timezone.now()

    def ids(self, model, n: int) -> list[int]:
        if n == 0:
            return []
        tabel = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [tabel, n])
                return [r[0] for r in cursor.fetchall()]
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(tabel)}")
            hoogste = cursor.fetchone()[0]
            cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [tabel])
            hoogste = max(hoogste, cursor.fetchone()[0])
        return list(range(hoogste + 1, hoogste + 1 + n))

    def add(self, model, waarden: dict):
        # Rows of one table with different sets of columns (goals and sub-goals) go in separate batches.
        self.per_model.setdefault((model, tuple(waarden)), []).append(waarden)

    def schrijf(self, meld):
        for (model, _), rijen in self.per_model.items():
            self._schrijf(model, rijen)
            meld(f"{model._meta.verbose_name_plural.capitalize()} opgeslagen: {len(rijen)}")

    def _schrijf(self, model, rijen: list[dict]):
        meta = model._meta
        namen = list(rijen[0])
        velden = [meta.get_field(n) for n in namen]
        overig = [f for f in meta.concrete_fields if f.name not in namen and not f.primary_key]
        vast = []
        for f in overig:
            standaard = self.nu if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False) else f.get_default()
            vast.append(f.get_db_prep_save(standaard, connection))
        omzetten = []
        for f in velden:
            if f.get_internal_type() == "DateField":
                omzetten.append(connection.ops.adapt_datefield_value)
            elif f.is_relation or f.primary_key or f.get_internal_type() in (
                "CharField", "TextField", "PositiveIntegerField", "PositiveSmallIntegerField", "BigAutoField",
            ):
                omzetten.append(None)
            else:
                omzetten.append(lambda v, f=f: f.get_db_prep_save(v, connection))
        kolommen = ", ".join(connection.ops.quote_name(f.column) for f in velden + overig)
        plaatsen = ", ".join(["%s"] * (len(velden) + len(overig)))
        sql = f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({kolommen}) VALUES ({plaatsen})"
        vast = tuple(vast)
        waarden = [
            tuple(w if c is None or w is None else c(w) for c, w in zip(omzetten, rij.values())) + vast
            for rij in rijen
        ]
        with connection.cursor() as cursor:
            for i in range(0, len(waarden), 5000):
                cursor.executemany(sql, waarden[i:i + 5000])


def historie_importeren(*, data, door: Gebruiker | None = None, vandaag: datetime.date | None = None,
                        voortgang=None) -> Samenvatting:
    """Validate `data` completely, then write it in one transaction. Raises ImportGeweigerd on any problem."""
    meld = voortgang or (lambda tekst: None)
    meld("Bestand controleren…")
    programma, codes, partners, gebruikers, organisaties = _context(data if isinstance(data, dict) else {})
    controle = import_valideren(
        data, vandaag=vandaag, bestaande_codes=codes, bekende_partners=partners, gebruikers=set(gebruikers),
        organisaties=organisaties,
    )
    if controle.in_orde:
        _programmajaren(programma, data["programma"].get("jaren") or {}, controle)
    if not controle.in_orde:
        raise ImportGeweigerd(controle)
    samenvatting = _schrijven(data, programma, gebruikers, door, meld)
    samenvatting.waarschuwingen = controle.waarschuwingen
    return samenvatting


@transaction.atomic
def _schrijven(data: dict, programma: Programma | None, gebruikers: dict, door, meld) -> Samenvatting:
    p = data["programma"]
    deelnemers = data["deelnemers"]
    eerste = min(
        (datum(t["aanmelddatum"]) for d in deelnemers for t in d["trajecten"]), default=None
    ) or datetime.date(min((int(j) for j in p.get("jaren") or {}), default=datetime.date.today().year), 1, 1)
    if programma is None:
        code = "".join(ch for ch in p["slug"].upper() if ch.isalnum())[:3] or "PRG"
        programma = Programma(slug=p["slug"], naam=p["naam"], regeling=p["regeling"], code=code, startdatum=eerste)
        programma.full_clean()
        programma.save()
    for naam in p.get("organisaties") or []:
        programma.organisaties.add(Organisatie.objects.get_or_create(naam=naam)[0])
    organisatie_van = _organisatie_kiezer(p, programma, dict(programma.organisaties.values_list("naam", "pk")))

    # Gemeenten are referred to by name and created when missing.
    namen = set(p.get("gemeenten") or [])
    namen |= {kp.get("gemeente") for kp in data.get("ketenpartners") or []}
    namen |= {d.get(k) for d in deelnemers for k in ("woongemeente", "werkgemeente")}
    namen.discard(None)
    bestaand = set(Gemeente.objects.filter(naam__in=namen).values_list("naam", flat=True))
    Gemeente.objects.bulk_create([Gemeente(naam=n) for n in sorted(namen - bestaand)])
    gemeente = dict(Gemeente.objects.filter(naam__in=namen).values_list("naam", "pk"))
    programma.gemeenten.add(*[gemeente[n] for n in p.get("gemeenten") or []])

    bestaande_jaren = set(ProgrammaJaar.objects.filter(programma=programma).values_list("jaar", flat=True))
    ProgrammaJaar.objects.bulk_create([
        ProgrammaJaar(
            programma=programma, jaar=int(jaar), verwacht_deelnemers=c.get("verwacht_deelnemers"),
            intakes_begroot=c.get("intakes_begroot"), begroting=_bedrag(c.get("begroting")),
            uitgaven=_bedrag(c.get("uitgaven")),
        )
        for jaar, c in (p.get("jaren") or {}).items() if int(jaar) not in bestaande_jaren
    ])

    partner = dict(Ketenpartner.objects.filter(programma=programma).values_list("naam", "pk"))
    for kp in data.get("ketenpartners") or []:
        if kp["naam"] in partner:
            continue
        obj = Ketenpartner.objects.create(programma=programma, naam=kp["naam"], soort=kp["soort"])
        if kp.get("gemeente"):
            obj.gemeenten.add(gemeente[kp["gemeente"]])
        partner[kp["naam"]] = obj.pk

    meld(f"Deelnemers opbouwen ({len(deelnemers)})…")
    rijen = _Rijen()
    d_ids = rijen.ids(Deelnemer, len(deelnemers))
    t_teller = 0
    for d_id, d in zip(d_ids, deelnemers):
        trajecten = d["trajecten"]
        laatste = trajecten[-1] if trajecten else {}
        jc = d.get("juridische_categorie")
        rijen.add(Deelnemer, {
            "id": d_id, "programma": programma.pk, "clientcode": d["clientcode"], "roepnaam": _tekst(d.get("roepnaam")),
            "geboortejaar": d.get("geboortejaar"), "gender": d.get("gender") or Gender.ONBEKEND,
            "herkomstland": _tekst(d.get("herkomstland")), "juridische_categorie": str(jc) if jc else "",
            "verblijfsstatus": d.get("verblijfsstatus") or Verblijfsstatus.ONBEKEND,
            "woongemeente": gemeente.get(d.get("woongemeente")), "werkgemeente": gemeente.get(d.get("werkgemeente")),
            "sector": d.get("sector") or Sector.ONBEKEND, "signalen_mensenhandel": bool(d.get("signalen_mensenhandel")),
            "begeleider": gebruikers.get(laatste.get("begeleider")),
        })
        t_teller += len(trajecten)
    t_ids = iter(rijen.ids(Traject, t_teller))
    n_metingen = sum(len(t.get("metingen") or []) for d in deelnemers for t in d["trajecten"])
    n_plannen = sum(1 for d in deelnemers for t in d["trajecten"] if t.get("trajectplan"))
    n_doelen = sum(
        len((t.get("trajectplan") or {}).get("doelen") or []) for d in deelnemers for t in d["trajecten"]
    )
    m_ids, p_ids = iter(rijen.ids(Meting, n_metingen)), iter(rijen.ids(Trajectplan, n_plannen))
    g_ids = iter(rijen.ids(Doel, n_doelen))
    tellers = {"verwijzingen": 0, "contactmomenten": 0, "doelen": 0, "subdoelen": 0}
    subdoelen = []
    for nr, (d_id, d) in enumerate(zip(d_ids, deelnemers), 1):
        if nr % 1000 == 0:
            meld(f"Deelnemers verwerkt: {nr}/{len(deelnemers)}")
        for t in d["trajecten"]:
            t_id = next(t_ids)
            rijen.add(Traject, {
                "id": t_id, "deelnemer": d_id, "aanmelddatum": datum(t["aanmelddatum"]),
                "verwijzer": t.get("verwijzer") or "", "einddatum": datum(t.get("einddatum")),
                "organisatie": organisatie_van(t), "afsluitreden": t.get("afsluitreden") or "",
            })
            fasen = t.get("fasen") or []
            if not fasen or fasen[0]["fase"] != Fase.CONTACT:
                # Like traject_starten: the contact phase begins on the aanmelddatum.
                fasen = [{"fase": Fase.CONTACT, "datum": t["aanmelddatum"]}, *fasen]
            for f in fasen:
                rijen.add(FaseOvergang, {"traject": t_id, "fase": f["fase"], "datum": datum(f["datum"]), "reden": "Import"})
            if t.get("intake"):
                i = t["intake"]
                rijen.add(Intake, {"traject": t_id, "datum": datum(i["datum"]), "besluit": i["besluit"],
                                   "besluit_reden": _tekst(i.get("besluit_reden"))})
            for m in t.get("metingen") or []:
                m_id = next(m_ids)
                rijen.add(Meting, {"id": m_id, "traject": t_id, "datum": datum(m["datum"])})
                for lg, score in m["scores"].items():
                    rijen.add(MetingScore, {"meting": m_id, "leefgebied": lg, "score": score})
            if t.get("trajectplan"):
                pl = t["trajectplan"]
                p_id = next(p_ids)
                getekend = datum(pl.get("ondertekend"))
                rijen.add(Trajectplan, {
                    "id": p_id, "traject": t_id, "volgnummer": 1, "opgesteld_op": datum(pl["opgesteld"]),
                    "ondertekend_deelnemer_op": getekend, "ondertekend_begeleider_op": getekend,
                    "status": Trajectplan.Status.ACTIEF if getekend else Trajectplan.Status.CONCEPT,
                })
                for volgorde, g in enumerate(pl.get("doelen") or []):
                    g_id = next(g_ids)
                    tellers["doelen"] += 1
                    rijen.add(Doel, {
                        "id": g_id, "plan": p_id, "leefgebied": g["leefgebied"], "omschrijving": g["omschrijving"],
                        "indicator": _tekst(g.get("indicator")), "streefdatum": datum(g.get("streefdatum")),
                        "startscore": g.get("startscore"), "doelscore": g.get("doelscore"), "status": g["status"],
                        "gesteld_op": datum(g.get("gesteld_op")), "behaald_op": datum(g.get("behaald_op")),
                        "volgorde": volgorde,
                    })
                    for sub_volgorde, sd in enumerate(g.get("subdoelen") or []):
                        subdoelen.append({
                            "plan": p_id, "ouder": g_id, "leefgebied": g["leefgebied"], "omschrijving": sd["omschrijving"],
                            "status": sd["status"], "streefdatum": datum(sd.get("streefdatum")),
                            "behaald_op": datum(sd.get("behaald_op")), "volgorde": sub_volgorde,
                        })
            for v in t.get("verwijzingen") or []:
                tellers["verwijzingen"] += 1
                rijen.add(Verwijzing, {
                    "traject": t_id, "ketenpartner": partner[v["ketenpartner"]], "verwezen": datum(v["verwezen"]),
                    "gestart": datum(v.get("gestart")), "beeindigd": datum(v.get("beeindigd")), "status": v["status"],
                })
            for c in t.get("contactmomenten") or []:
                tellers["contactmomenten"] += 1
                rijen.add(Contactmoment, {
                    "traject": t_id, "datum": datum(c["datum"]), "soort": c["soort"], "status": c["status"],
                    "duur_minuten": c.get("duur_minuten"),
                })
            if t.get("uitstroom"):
                u = t["uitstroom"]
                rijen.add(Uitstroom, {
                    "traject": t_id, "datum": datum(u["datum"]), "soort": u["soort"], "resultaat": u.get("resultaat") or "",
                    "branche": u.get("branche") or "", "reden": u.get("reden") or "",
                })
            for tv in t.get("terugval") or []:
                rijen.add(Terugval, {"traject": t_id, "datum": datum(tv["datum"]), "toelichting": _tekst(tv.get("toelichting"))})
            for nc in t.get("nacontroles") or []:
                # In the order of the file: the ids keep the order of recording.
                rijen.add(Nacontrole, {"traject": t_id, "datum": datum(nc["datum"]), "termijn": nc["termijn"],
                                       "uitkomst": nc["uitkomst"]})
    for sd in subdoelen:
        rijen.add(Doel, sd)
    rijen.schrijf(meld)
    n_deelnemers, n_trajecten = len(deelnemers), t_teller

    audit_log(
        actie=Actie.CREATE, gebruiker=door, gebruikersnaam="" if door else "manage.py importeer",
        object_type="import", object_id=str(programma.pk), clientcodes=[d["clientcode"] for d in deelnemers],
    )
    return Samenvatting(
        programma=programma.slug, deelnemers=n_deelnemers, trajecten=n_trajecten, doelen=tellers["doelen"],
        verwijzingen=tellers["verwijzingen"], contactmomenten=tellers["contactmomenten"],
    )
