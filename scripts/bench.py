"""`make bench`: the pages, the figures and the login at 100 and 20 000 participants, side by side.

`python -m scripts.bench [--aantallen 100,20000] [--herhalingen 15] [--load] [--opnieuw]`

For every size it builds (once; reused afterwards) a database with `seed_demo --deelnemers N`:
PostgreSQL when DATABASE_URL (or BENCH_DATABASE_URL) is postgres://... (databases `<name>_<N>`),
else SQLite files in the temp directory. Per page it prints the number of queries, the median and
p95 server time (Django's test client, in process) and the ratio to Django's admin changelist of
Deelnemer on the same data — registered here only, never in the application. Then `rups_verslag
--format json` (and the PDF and WeasyPrint alone on the same HTML when the verslag has a PDF),
optionally `make load`'s summary, and it writes docs/benchmarks.md with the machine and the date.

`maak_bestand` (an `uitstap-import/1` file of N participants) is used by the figure tests too.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
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


# Transaction control is not a query (SQLite and PostgreSQL show it differently); as in the tests.
TRANSACTIE = ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK")


def _load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def _p95(waarden: list[float]) -> float:
    w = sorted(waarden)
    return w[min(len(w) - 1, round(0.95 * (len(w) - 1)))]


def _database_url(n: int) -> str:
    basis = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
    if basis.startswith("postgres"):
        return f"{basis.rsplit('/', 1)[0]}/{basis.rsplit('/', 1)[1].split('?')[0] or 'uitstap_bench'}_{n}"
    return f"sqlite:///{Path(tempfile.gettempdir()) / f'uitstap-bench-{n}.sqlite3'}"


def _env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "DEMO": "true", "DEBUG": "false", "DJANGO_SETTINGS_MODULE": "uitstap.settings",
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost", "PYTHONWARNINGS": "ignore::UserWarning"}


def _bouw(n: int, url: str, opnieuw: bool, code: Path) -> float | None:
    """Create and seed the database for n participants unless it is there already; returns the seed time."""
    env = _env(url)
    run = lambda *args, **kw: subprocess.run([sys.executable, "manage.py", *args], cwd=code, env=env, **kw)  # noqa: E731
    if url.startswith("postgres"):
        naam = url.rsplit("/", 1)[1]
        host = ["-h", "127.0.0.1", "-U", "postgres"]
        if opnieuw:
            subprocess.run(["dropdb", "--if-exists", *host, naam], check=True)
        subprocess.run(["createdb", *host, naam], stderr=subprocess.DEVNULL)
    elif opnieuw:
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    run("migrate", "--noinput", "-v0", check=True)
    telling = run("shell", "-c", "from clients.models import Deelnemer; print(Deelnemer.objects.count())",
                  capture_output=True, text=True, check=True)
    if int(telling.stdout.strip().splitlines()[-1]) == n:
        return None
    if int(telling.stdout.strip().splitlines()[-1]) != 0:
        raise SystemExit(f"{url} bevat al andere gegevens; draai met --opnieuw.")
    t0 = time.monotonic()
    # --bulk: the same kind of data at every size (the story demo stops at a few hundred).
    run("seed_demo", "--deelnemers", str(n), "--bulk", check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - t0


def meet(herhalingen: int) -> dict:
    """Runs inside a child process whose DATABASE_URL is the seeded database; returns the measurements."""
    import django

    django.setup()
    from django.contrib import admin
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from clients.models import Deelnemer
    from uitstap.models import Gebruiker

    admin.site.register(Deelnemer)  # the anchor: what a lazy build would ship (benchmark only)
    from django.conf import settings

    # The audit sealer runs after a commit at most once per interval per process (issue 22): its statements
    # belong to whichever request comes first after the interval, not to a page. Keep it out of the counts.
    settings.AUDIT_VERZEGEL_INTERVAL = 10**9
    beheer, _ = Gebruiker.objects.get_or_create(username="bench-admin", defaults={"is_staff": True, "is_superuser": True})
    coach = Gebruiker.objects.get(username="begeleider1")
    coordinator = Gebruiker.objects.get(username="coordinator")
    dossier = (Deelnemer.objects.filter(begeleider=coach, trajecten__einddatum__isnull=True)
               .order_by("clientcode").values_list("pk", flat=True).first())
    vorig_jaar = datetime.date.today().year - 1
    paginas = [
        ("admin changelist Deelnemer", beheer, "/admin/clients/deelnemer/"),
        ("coordinator /deelnemers/", coordinator, "/deelnemers/"),
        ("coordinator /deelnemers/?fase=uitvoering", coordinator, "/deelnemers/?fase=uitvoering"),
        ("coach /caseload/", coach, "/caseload/"),
        ("deelnemerpagina (dossier)", coach, f"/deelnemers/{dossier}/"),
        ("cijfers /rapportage/", coordinator, f"/rapportage/?programma=flevoland&jaar={vorig_jaar}"),
    ]
    uit = {"paginas": {}, "deelnemers": Deelnemer.objects.count()}
    clients = {}
    for naam, user, url in paginas:
        clients[naam] = Client()
        clients[naam].force_login(user)
    tijden = {naam: [] for naam, _, _ in paginas}
    queries = {naam: [] for naam, _, _ in paginas}
    # Round by round, every page once per round: a shared machine that gets busier for a while slows every page
    # alike, so the ratios to the anchor compare like with like. Round 0 warms caches (templates, url resolvers).
    for ronde in range(herhalingen + 1):
        for naam, user, url in paginas:
            with CaptureQueriesContext(connection) as q:
                t0 = time.perf_counter()
                r = clients[naam].get(url)
                dt = time.perf_counter() - t0
            assert r.status_code == 200, (url, r.status_code)
            if ronde:
                tijden[naam].append(dt * 1000)
                queries[naam].append(sum(1 for x in q.captured_queries if not x["sql"].lstrip().upper().startswith(TRANSACTIE)))
    for naam, _, _ in paginas:
        uit["paginas"][naam] = {"queries": statistics.median_low(queries[naam]), "mediaan": statistics.median(tijden[naam]),
                                "p95": _p95(tijden[naam])}
    tijden = []
    for _ in range(5):
        t0 = time.perf_counter()
        call_command("rups_verslag", programma="flevoland", jaar=vorig_jaar, format="json",
                     output=os.devnull, stderr=open(os.devnull, "w"))
        tijden.append(time.perf_counter() - t0)
    uit["rups_verslag_json"] = statistics.median(tijden)
    uit["pdf"] = _meet_pdf(vorig_jaar)
    return uit


PDF_HERHALINGEN = 3


def _meet_pdf(jaar: int) -> dict | None:
    """The verslag as PDF (`rups_verslag --periode 1 --format pdf`) against WeasyPrint alone on the same final HTML.

    WeasyPrint's own share is timed inside the same run (parsing the HTML and its write_pdf, with the same fetcher
    and options), so "alone" is exactly WeasyPrint's work on that HTML. The bulk-seeded benchmark data has no beschikking: one is made
    for `jaar` and the year after and kept in the benchmark database. Not inside a transaction: the verslag computes
    its figures on two connections at once (rapportage.cijfers.zij_aan_zij), which a transaction of ours would
    switch off, as it does for a verslag that is being finalised.
    """
    from django.core.management import call_command
    from weasyprint import HTML

    from rapportage import services
    from rapportage.models import Beschikking
    from uitstap.models import Gebruiker, Programma

    programma = Programma.objects.get(slug="flevoland")
    weasy = []
    origineel, origineel_init = HTML.write_pdf, HTML.__init__

    def getimed(functie):
        def meten(self, *args, **kwargs):
            t0 = time.perf_counter()
            try:
                return functie(self, *args, **kwargs)
            finally:
                weasy.append(time.perf_counter() - t0)
        return meten

    # WeasyPrint's work on the final HTML: parsing it (HTML(string=...)) and writing the PDF.
    HTML.write_pdf, HTML.__init__ = getimed(origineel), getimed(origineel_init)
    try:
        if not Beschikking.objects.filter(programma=programma).exists():
            services.beschikking_aanmaken(
                programma=programma, financier="Ministerie (bench)", nummer="BENCH-1",
                startdatum=datetime.date(jaar, 1, 1), einddatum=datetime.date(jaar + 1, 12, 31),
                bedrag=100000, penvoerder=programma.organisaties.order_by("pk").first(),
                door=Gebruiker.objects.get(username="coordinator"))
        uit = tempfile.mktemp(suffix=".pdf")
        # One warm-up run (imports, template compilation, fonts: what a running server has done once), then
        # the median of PDF_HERHALINGEN runs, each with WeasyPrint's share of that same run.
        metingen = []
        for _ in range(1 + PDF_HERHALINGEN):
            weasy.clear()
            t0 = time.perf_counter()
            call_command("rups_verslag", programma="flevoland", periode=1, format="pdf", output=uit,
                         stderr=open(os.devnull, "w"))
            metingen.append((time.perf_counter() - t0, sum(weasy) if weasy else None))
        Path(uit).unlink(missing_ok=True)
    finally:
        HTML.write_pdf, HTML.__init__ = origineel, origineel_init
    totaal, alleen = sorted(metingen[1:])[len(metingen[1:]) // 2]
    return {"pdf": totaal, "weasyprint": alleen}


def _login(herhalingen: int = 7) -> dict:
    """One password check (what a login costs in CPU) with the configured hasher and Django's default argon2."""
    import argon2
    from django.contrib.auth.hashers import get_hasher

    h = get_hasher()
    uit = {}
    for naam, (t, m, p) in {f"ingesteld ({type(h).__name__})": (h.time_cost, h.memory_cost, h.parallelism),
                            "Django-standaard argon2": (2, 102400, 8)}.items():
        hasher = argon2.PasswordHasher(time_cost=t, memory_cost=m, parallelism=p)
        tijden = []
        for _ in range(herhalingen):
            t0 = time.perf_counter()
            hasher.hash("uitstap-demo-2026")
            tijden.append((time.perf_counter() - t0) * 1000)
        uit[naam] = statistics.median(tijden)
    return uit


def _tabel(resultaten: dict) -> list[str]:
    regels = ["| pagina | " + " | ".join(f"{n} deelnemers: queries, mediaan, p95, × admin" for n in resultaten) + " |",
              "|---|" + "---|" * len(resultaten)]
    namen = next(iter(resultaten.values()))["paginas"]
    for naam in namen:
        cellen = []
        for r in resultaten.values():
            p, a = r["paginas"][naam], r["paginas"]["admin changelist Deelnemer"]
            cellen.append(f"{p['queries']} q, {p['mediaan']:.0f} ms, {p['p95']:.0f} ms, {p['mediaan'] / a['mediaan']:.2f}×")
        regels.append(f"| {naam} | " + " | ".join(cellen) + " |")
    return regels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--aantallen", default="100,20000", help="aantallen deelnemers, komma-gescheiden")
    parser.add_argument("--herhalingen", type=int, default=15, help="metingen per pagina (mediaan en p95)")
    parser.add_argument("--opnieuw", action="store_true", help="databases opnieuw opbouwen")
    parser.add_argument("--load", action="store_true", help="ook make load (scripts/load_test) draaien")
    parser.add_argument("--code", default=str(BASIS), help="map met de code om te meten (standaard deze)")
    parser.add_argument("--uitvoer", default=str(BASIS / "docs" / "benchmarks.md"), help="markdownbestand ('' = niet schrijven)")
    parser.add_argument("--meet", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.meet:
        sys.path.insert(0, os.getcwd())
        print("BENCH-JSON " + json.dumps(meet(args.herhalingen)))
        return

    code = Path(args.code).resolve()
    aantallen = [int(a) for a in args.aantallen.split(",")]
    start = datetime.datetime.now(datetime.UTC)
    lasten = [_load()]
    resultaten, seeds, db = {}, {}, ""
    for n in aantallen:
        url = _database_url(n)
        db = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        seeds[n] = _bouw(n, url, args.opnieuw, code)
        if seeds[n] is not None:
            print(f"seed_demo --deelnemers {n}: {seeds[n]:.1f} s ({db}, load {_load()})")
        lasten.append(_load())
        proces = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--meet", "--herhalingen", str(args.herhalingen)],
                                cwd=code, env={**_env(url), "PYTHONPATH": str(code)}, capture_output=True, text=True)
        regel = next((r for r in proces.stdout.splitlines() if r.startswith("BENCH-JSON ")), None)
        if regel is None:
            raise SystemExit(proces.stdout + proces.stderr)
        resultaten[n] = json.loads(regel.removeprefix("BENCH-JSON "))
        lasten.append(_load())
    sys.path.insert(0, str(code))
    os.environ.update(_env(_database_url(aantallen[0])))
    import django

    django.setup()
    login = _login()
    load = None
    if args.load:
        proces = subprocess.run(["bash", "scripts/load_test"], cwd=code, capture_output=True, text=True)
        load = proces.stdout.strip() or proces.stderr.strip()[-2000:]

    regels = [f"# Benchmarks ({db})", "",
              f"- datum: {start:%Y-%m-%d %H:%M} UTC; machine: {platform.node()}, {platform.platform()}, "
              f"{os.cpu_count()} cores, Python {platform.python_version()}",
              f"- belasting (load average 1/5/15 min) tijdens de meting: {' → '.join(lasten)} "
              "(de machine wordt gedeeld: vergelijk verhoudingen, niet absolute tijden)",
              f"- elke pagina {args.herhalingen}× via Django's testclient in één proces, in rondes (elke ronde elke pagina één keer, "
              "na één opwarmronde); queries: "
              "SQL-opdrachten zonder BEGIN/COMMIT/SAVEPOINT (mediaan); "
              "× admin = mediaan gedeeld door die van Django's admin changelist van Deelnemer op dezelfde data", ""]
    regels += _tabel(resultaten) + [""]
    for n, r in resultaten.items():
        seed = f"{seeds[n]:.1f} s" if seeds[n] is not None else "hergebruikt"
        regels.append(f"- {n} deelnemers ({r['deelnemers']} in de database), seed_demo: {seed}; "
                      f"rups_verslag --format json: {r['rups_verslag_json']:.2f} s (mediaan van 5)")
        if r["pdf"] is None:
            regels.append("  - verslag-PDF: overgeslagen (rups_verslag kent nog geen PDF)")
        elif r["pdf"]["weasyprint"] is None:
            regels.append(f"  - verslag-PDF: {r['pdf']['pdf']:.2f} s (HTML niet opgevangen: WeasyPrint alleen niet gemeten)")
        else:
            p = r["pdf"]
            regels.append(f"  - verslag-PDF (mediaan van 3 na één opwarmrun): {p['pdf']:.2f} s; WeasyPrint alleen op dezelfde HTML: {p['weasyprint']:.2f} s "
                          f"({p['pdf'] / p['weasyprint']:.2f}×)")
    regels.append("- wachtwoordcontrole bij inloggen (één argon2-hash, mediaan van 7): "
                  + "; ".join(f"{k}: {v:.0f} ms" for k, v in login.items()))
    if load is not None:
        regels += ["", "## make load", "", "```", load, "```"]
    tekst = "\n".join(regels) + "\n"
    print()
    print(tekst)
    if args.uitvoer:
        Path(args.uitvoer).parent.mkdir(parents=True, exist_ok=True)
        Path(args.uitvoer).write_text(tekst, encoding="utf-8")
        print(f"Geschreven naar {args.uitvoer}")


if __name__ == "__main__":
    main()
