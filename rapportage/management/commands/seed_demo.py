"""python manage.py seed_demo: synthetic demo data (Faker nl_NL), deterministic for a seed.

Up to VERHAAL_TOT participants: the story demo, written through the services (trajecten/demo/).
More (or with --bulk): histories generated under the same rules and bulk-inserted (trajecten/demo/bulk.py).
"""

import datetime
import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from faker import Faker

from clients.models import Deelnemer
from rapportage.demo import seed_verslag
from trajecten import demo
from trajecten.demo.bulk import seed_bulk
from trajecten.models import Traject
from uitstap.audit import verzegelen_uitgesteld
from uitstap.demo import GEPUBLICEERD_WACHTWOORD, demo_wachtwoord, seed_kern
from uitstap.models import Gebruiker, Programma


# Above this many participants the story demo (a third of a second each) gives way to the bulk path.
VERHAAL_TOT = 200


class Command(BaseCommand):
    help = "Vult de database met verzonnen demogegevens (Uitstapprogramma Flevoland)."

    def add_arguments(self, parser):
        parser.add_argument("--deelnemers", type=int, default=60, help="Aantal deelnemers (standaard 60).")
        parser.add_argument("--seed", type=int, default=2026, help="Startwaarde: dezelfde seed geeft dezelfde data.")
        parser.add_argument("--force", action="store_true", help="Ook uitvoeren als er al gegevens in de database staan.")
        parser.add_argument("--bulk", action="store_true",
                            help=f"Snel in bulk, ook bij {VERHAAL_TOT} deelnemers of minder (zonder het verhaal van de demo).")
        parser.add_argument("--als-leeg", action="store_true", help="Alleen vullen als de database nog leeg is.")
        parser.add_argument(
            "--force-demo", action="store_true",
            help="Ook zonder DEMO=true uitvoeren (bijvoorbeeld voor een meetdatabase). Nooit in productie.",
        )

    def handle(self, *args, deelnemers, seed, force, als_leeg, force_demo=False, bulk=False, **options):
        # A development machine (DEBUG) with a password of its own, as ../shared/tools/rook seeds it, is no risk.
        eigen_wachtwoord = settings.DEBUG and demo_wachtwoord() != GEPUBLICEERD_WACHTWOORD
        if not (settings.DEMO or force_demo or eigen_wachtwoord):
            # The demo users have a published password: never on an installation that is not a demo.
            raise CommandError(
                "seed_demo draait alleen in een demo (DEMO=true) of met --force-demo: de demogebruikers "
                "hebben een openbaar wachtwoord en horen nooit in een echte installatie."
            )
        heeft_data = Deelnemer.objects.exists() or Programma.objects.exists() or Gebruiker.objects.exists()
        if heeft_data and als_leeg:
            self.stdout.write("De database bevat al gegevens; demodata niet opnieuw geladen.")
            return
        if heeft_data and not force:
            raise CommandError(
                "De database bevat al gegevens. seed_demo weigert om echte gegevens niet te vermengen met "
                "verzonnen gegevens. Gebruik een lege database, of --force als je zeker weet dat dit een demo is."
            )
        if Programma.objects.filter(slug="flevoland").exists():
            raise CommandError("Het demoprogramma 'flevoland' bestaat al in deze database.")
        if deelnemers < 0 or deelnemers > 20000:
            raise CommandError("Kies tussen 0 en 20000 deelnemers.")
        rng = random.Random(seed)
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        vandaag = datetime.date.today()
        in_bulk = bulk or deelnemers > VERHAAL_TOT
        with verzegelen_uitgesteld(), transaction.atomic():
            kern = seed_kern(rng, vandaag)
            if in_bulk:
                aantal = seed_bulk(rng=rng, fake=fake, vandaag=vandaag, kern=kern, aantal=deelnemers)
            else:
                aantal = len(demo.seed(rng=rng, fake=fake, vandaag=vandaag, kern=kern, aantal=deelnemers))
                # The grant with its periods and verslagen (rapportage sits on top, so its step is called here).
                seed_verslag(rng=rng, fake=fake, vandaag=vandaag, kern=kern)
        if connection.vendor == "postgresql":
            # What a bulk load leaves for autovacuum, done now (and where autovacuum is off, done at all):
            # statistics for the planner (on tables that were empty a minute ago it plans the caseload's
            # subqueries as scans of every row), the visibility map that lets counts and id lists read the indexes
            # alone, and trajecten_traject compacted: the kept state is filled by rewriting every traject several
            # times in one transaction, which leaves the table six times the pages a database that grew by use
            # has (where autovacuum reuses the space between writes), and every list reads it.
            with connection.cursor() as cursor:
                # VACUUM cannot run inside a transaction (a test's): the statistics then at least.
                if connection.in_atomic_block:
                    cursor.execute("ANALYZE")
                else:
                    cursor.execute(f"VACUUM (FULL) {Traject._meta.db_table}")
                    cursor.execute("VACUUM (ANALYZE)")
        self.stdout.write(self.style.SUCCESS(
            f"Demo geladen: {aantal} deelnemers in '{kern['programma'].naam}'. "
            f"Gebruikers: coordinator, begeleider1, begeleider2, begeleider3, klantmanager, beheerder, "
            f"coordinator_haaglanden (ontvangt een overdracht) "
            f"(wachtwoord: {demo_wachtwoord()})."
        ))
