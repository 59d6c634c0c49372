"""`make bench`: generate 5 000 synthetic participants (Faker nl_NL), time `importeer` and `rups_verslag` on fresh SQLite.

Run as `python -m scripts.bench [--aantal N] [--bewaar]`. Targets: import well under a minute, rups_verslag under 2 s.
"""

import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASIS = Path(__file__).resolve().parent.parent
LEEFGEBIEDEN = [
    "huisvesting", "financien", "werk_dagbesteding", "sociaal_functioneren", "psychisch_functioneren",
    "lichamelijk_functioneren", "middelengebruik", "praktisch_functioneren", "zingeving", "juridisch", "veiligheid",
]
SOORTEN = [
    "uitkeringsinstantie", "schuldhulpverlening", "huisvesting", "verslavingszorg", "ggz", "werk_reintegratie",
    "onderwijs_taal", "ggd", "politie", "maatschappelijk_werk", "juridisch", "zorgcoordinatie_mensenhandel", "overig",
]
GEMEENTEN = ["Almere", "Lelystad", "Dronten", "Zeewolde", "Noordoostpolder", "Urk"]
COACHES = [f"coach{i}" for i in range(1, 11)]
ORGANISATIES = ["Stichting Bench", "Bench Noord"]


def _dag(d: datetime.date) -> str:
    return d.isoformat()


def _traject(rnd: random.Random, fake, aanmeld: datetime.date, partners: list[str], laatste: bool, tot: datetime.date):
    plus = lambda d, lo, hi: d + datetime.timedelta(days=rnd.randint(lo, hi))  # noqa: E731
    t = {"aanmelddatum": _dag(aanmeld), "verwijzer": rnd.choice(["ggd", "politie", "zelfmelder", "eigen_outreach", None]),
         "begeleider": rnd.choice(COACHES) if laatste else None}
    fasen = [{"fase": "contact", "datum": _dag(aanmeld)}]
    d = aanmeld
    if rnd.random() < 0.85:
        d = min(plus(d, 3, 40), tot)
        t["intake"] = {"datum": _dag(d), "besluit": "toegelaten"}
        fasen.append({"fase": "orientatie", "datum": _dag(d)})
        if rnd.random() < 0.7:
            d = d if rnd.random() < 0.1 else min(plus(d, 10, 90), tot)  # sometimes on the same day
            fasen.append({"fase": "uitvoering", "datum": _dag(d)})
            if rnd.random() < 0.1:
                d = min(plus(d, 0, 30), tot)
                fasen.append({"fase": "orientatie", "datum": _dag(d)})
    t["fasen"] = fasen
    t["metingen"] = [
        {"datum": _dag(min(plus(aanmeld, 5 + 120 * k, 60 + 120 * k), tot)),
         "scores": {lg: rnd.randint(1, 10) for lg in rnd.sample(LEEFGEBIEDEN, rnd.randint(4, 7))}}
        for k in range(rnd.randint(1, 3))
    ]
    t["metingen"].sort(key=lambda m: m["datum"])
    if len(fasen) > 1:
        opgesteld = min(plus(aanmeld, 10, 60), tot)
        t["trajectplan"] = {
            "opgesteld": _dag(opgesteld),
            "ondertekend": _dag(min(plus(opgesteld, 0, 14), tot)) if rnd.random() < 0.8 else None,
            "doelen": [
                {"leefgebied": lg, "omschrijving": fake.sentence(nb_words=6), "indicator": fake.sentence(nb_words=5),
                 "streefdatum": _dag(plus(opgesteld, 60, 300)), "startscore": rnd.randint(1, 5), "doelscore": rnd.randint(6, 10),
                 "status": (st := rnd.choice(["open", "bezig", "behaald", "niet_behaald"])),
                 "behaald_op": _dag(min(plus(opgesteld, 30, 300), tot)) if st == "behaald" else None,
                 "subdoelen": [{"omschrijving": fake.sentence(nb_words=4), "status": "open"} for _ in range(rnd.randint(0, 2))]}
                for lg in sorted(rnd.sample(LEEFGEBIEDEN, 3))
            ],
        }
    t["verwijzingen"] = []
    for _ in range(rnd.randint(0, 3)):
        verwezen = min(plus(aanmeld, 5, 200), tot)
        gestart = plus(verwezen, 0, 90) if rnd.random() < 0.7 else None
        gestart = gestart if gestart and gestart <= tot else None
        t["verwijzingen"].append({"ketenpartner": rnd.choice(partners), "verwezen": _dag(verwezen),
                                  "gestart": _dag(gestart) if gestart else None, "beeindigd": None,
                                  "status": "gestart" if gestart else "wachtlijst"})
    t["contactmomenten"] = sorted((
        {"datum": _dag(min(plus(aanmeld, 0, 400), tot)), "soort": rnd.choice(["gesprek", "telefonisch", "huisbezoek"]),
         "duur_minuten": (status := rnd.choice(["gehouden"] * 6 + ["niet_verschenen", "afgezegd"])) == "gehouden" and rnd.choice([15, 30, 45, 60, 90]) or None,
         "status": status}
        for _ in range(rnd.randint(3, 15))), key=lambda c: c["datum"])
    t["uitstroom"], t["einddatum"], t["terugval"] = None, None, []
    laatste_fase = datetime.date.fromisoformat(fasen[-1]["datum"])
    if not laatste or rnd.random() < 0.5:
        eind = min(plus(laatste_fase, 30, 400), tot)
        if len(fasen) > 2 and rnd.random() < 0.6:
            t["uitstroom"] = {"datum": _dag(eind), "soort": "uitgestapt",
                              "resultaat": (r := rnd.choice(["betaald_werk", "opleiding", "uitkering", "dagbesteding"]))}
            if r == "betaald_werk":
                t["uitstroom"]["branche"] = rnd.choice(["schoonmaak", "zorg", "horeca", "detailhandel"])
            if rnd.random() < 0.2:
                tv = plus(eind, 0 if rnd.random() < 0.1 else 30, 500)
                if tv <= tot:
                    t["terugval"] = [{"datum": _dag(tv)}]
            checks = []
            for termijn, dagen in (("6m", 182), ("12m", 365)):
                check = plus(eind, dagen - 10, dagen + 40)
                if check <= tot and rnd.random() < 0.7:
                    checks.append({"datum": _dag(check), "termijn": termijn,
                                   "uitkomst": rnd.choice(["uitgestapt_gebleven"] * 3 + ["teruggevallen", "onbekend"])})
            if checks and rnd.random() < 0.1:  # a correction on the same day: the one recorded last counts
                checks.append({**checks[-1], "uitkomst": rnd.choice(["uitgestapt_gebleven", "teruggevallen"])})
            t["nacontroles"] = checks
        elif len(fasen) > 1:
            t["uitstroom"] = {"datum": _dag(eind), "soort": "gestopt",
                              "reden": rnd.choice(["motivatie", "contact_verloren", "verhuisd", "overig"])}
        else:
            # Never left contact: closed without an uitstroom, with a reason or none (older data).
            t["afsluitreden"] = rnd.choice(["geen_vervolg", "niet_bereikbaar", "geen_hulpvraag", "doorverwezen", None])
        t["einddatum"] = _dag(eind)
    if rnd.random() < 0.6:
        t["organisatie"] = rnd.choice(ORGANISATIES)
    return t


def maak_bestand(aantal: int = 5000, seed: int = 2026) -> dict:
    """A valid `uitstap-import/1` document with `aantal` synthetic participants."""
    from faker import Faker

    fake = Faker("nl_NL")
    Faker.seed(seed)
    rnd = random.Random(seed)
    tot = datetime.date(2025, 12, 31)
    partners = [f"{fake.company()} ({soort})" for soort in SOORTEN for _ in range(2)]
    deelnemers = []
    for i in range(1, aantal + 1):
        aanmeld = datetime.date(2021, 1, 1) + datetime.timedelta(days=rnd.randint(0, 1600))
        trajecten = []
        tweede = rnd.random() < 0.2
        trajecten.append(_traject(rnd, fake, aanmeld, partners, not tweede, tot))
        if tweede:
            nieuw = datetime.date.fromisoformat(trajecten[0]["einddatum"]) + datetime.timedelta(days=rnd.randint(10, 200))
            trajecten.append(_traject(rnd, fake, min(nieuw, tot), partners, True, tot))
        deelnemers.append({
            "clientcode": f"BEN-{i:05d}", "roepnaam": fake.first_name_female(),
            "geboortejaar": rnd.choice([None] + list(range(1960, 2004))),
            "gender": rnd.choice(["vrouw"] * 8 + ["man", "transgender", "non_binair", "onbekend"]),
            "herkomstland": rnd.choice(["NL", "RO", "BG", "HU", "NG", "TH", "DO", None]),
            "juridische_categorie": rnd.choice([1, 2, 3, None]),
            "verblijfsstatus": rnd.choice(["nederlands", "eu_burger", "verblijfsvergunning", "onbekend"]),
            "woongemeente": rnd.choice(GEMEENTEN + ["Zwolle", None]), "werkgemeente": rnd.choice(GEMEENTEN + [None]),
            "sector": rnd.choice(["raam", "club_prive", "escort", "thuis", "online", "onbekend"]),
            "signalen_mensenhandel": rnd.random() < 0.15,
            "trajecten": trajecten,
        })
    return {
        "formaat": "uitstap-import/1",
        "programma": {
            "slug": "bench", "naam": "Uitstapprogramma Bench", "organisaties": ORGANISATIES,
            "gemeenten": GEMEENTEN, "regeling": "duup",
            "jaren": {str(j): {"verwacht_deelnemers": 900, "intakes_begroot": 1000, "begroting": 1500000,
                               "uitgaven": 1412500.5} for j in range(2021, 2026)},
        },
        "ketenpartners": [{"naam": n, "soort": SOORTEN[k // 2], "gemeente": rnd.choice(GEMEENTEN)} for k, n in enumerate(partners)],
        "deelnemers": deelnemers,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantal", type=int, default=5000)
    parser.add_argument("--bewaar", action="store_true", help="laat de tijdelijke map staan")
    args = parser.parse_args()

    map_ = Path(tempfile.mkdtemp(prefix="uitstap-bench-"))
    db, bestand = map_ / "bench.sqlite3", map_ / "import.json"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DEMO": "true", "DJANGO_SETTINGS_MODULE": "uitstap.settings"}
    os.environ.update(env)

    t0 = time.monotonic()
    bestand.write_text(json.dumps(maak_bestand(args.aantal)), encoding="utf-8")
    print(f"Bestand gemaakt: {args.aantal} deelnemers, {bestand.stat().st_size / 1e6:.1f} MB ({time.monotonic() - t0:.1f} s)")

    import django

    django.setup()
    from django.core.management import call_command

    from uitstap.codes import Rol
    from uitstap.models import Gebruiker, Organisatie

    call_command("migrate", verbosity=0, skip_checks=True)
    organisatie = Organisatie.objects.create(naam="Stichting Bench")
    for naam in COACHES:
        Gebruiker.objects.create(username=naam, rol=Rol.TRAJECTBEGELEIDER, organisatie=organisatie)

    t0 = time.monotonic()
    call_command("importeer", str(bestand), skip_checks=True)
    t_import = time.monotonic() - t0

    t0 = time.monotonic()
    call_command("rups_verslag", programma="bench", jaar=2024, format="json", output=str(map_ / "cijfers.json"), skip_checks=True)
    t_verslag = time.monotonic() - t0

    t0 = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", "rups_verslag", "--skip-checks", "--programma", "bench", "--jaar", "2024", "--format", "json"],
        cwd=BASIS, env=env, check=True, stdout=subprocess.DEVNULL,
    )
    t_proces = time.monotonic() - t0

    print()
    print(f"importeer ({args.aantal} deelnemers):       {t_import:6.1f} s   (doel: ruim onder 60 s)")
    print(f"rups_verslag --format json (in proces):  {t_verslag:6.2f} s   (doel: onder 2 s)")
    print(f"rups_verslag als los commando (incl. opstarten van Django): {t_proces:.2f} s")
    if not args.bewaar:
        for pad in map_.iterdir():
            pad.unlink()
        map_.rmdir()
    else:
        print(f"Bestanden in {map_}")


if __name__ == "__main__":
    main()
