"""python manage.py seed_demo: synthetic demo data (Faker nl_NL), deterministic for a seed."""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from faker import Faker

from clients.models import Deelnemer
from trajecten import demo
from uitstap.demo import demo_wachtwoord, seed_kern
from uitstap.models import Gebruiker, Programma


class Command(BaseCommand):
    help = "Vult de database met verzonnen demogegevens (Uitstapprogramma Flevoland)."

    def add_arguments(self, parser):
        parser.add_argument("--deelnemers", type=int, default=60, help="Aantal deelnemers (standaard 60).")
        parser.add_argument("--seed", type=int, default=2026, help="Startwaarde: dezelfde seed geeft dezelfde data.")
        parser.add_argument("--force", action="store_true", help="Ook uitvoeren als er al gegevens in de database staan.")
        parser.add_argument("--als-leeg", action="store_true", help="Alleen vullen als de database nog leeg is.")

    def handle(self, *args, deelnemers, seed, force, als_leeg, **options):
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
        with transaction.atomic():
            kern = seed_kern(rng, vandaag)
            lijst = demo.seed(rng=rng, fake=fake, vandaag=vandaag, kern=kern, aantal=deelnemers)
        self.stdout.write(self.style.SUCCESS(
            f"Demo geladen: {len(lijst)} deelnemers in '{kern['programma'].naam}'. "
            f"Gebruikers: coordinator, begeleider1, begeleider2, begeleider3, klantmanager, beheerder "
            f"(wachtwoord: {demo_wachtwoord()})."
        ))
