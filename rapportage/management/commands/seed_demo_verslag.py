"""`manage.py seed_demo_verslag`: after seed_demo, the demo beschikking with its periods and verslagen."""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from faker import Faker

from rapportage.demo import seed_verslag
from rapportage.models import Beschikking
from uitstap.models import Gebruiker, Organisatie, Programma


class Command(BaseCommand):
    help = "Voegt aan de demo (seed_demo) een beschikking met twee verslagperioden en verslagen toe."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, seed, **options):
        programma = Programma.objects.filter(slug="flevoland").first()
        coordinator = Gebruiker.objects.filter(username="coordinator").first()
        if programma is None or coordinator is None:
            raise CommandError("Eerst seed_demo: het demoprogramma 'flevoland' of de demo-coördinator ontbreekt.")
        if Beschikking.objects.filter(programma=programma).exists():
            self.stdout.write("Het demoprogramma heeft al een beschikking; niets toegevoegd.")
            return
        kern = {"programma": programma, "gebruikers": {"coordinator": coordinator},
                "organisaties": list(Organisatie.objects.filter(programmas=programma).order_by("pk"))}
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        with transaction.atomic():
            uit = seed_verslag(rng=random.Random(seed), fake=fake, vandaag=datetime.date.today(), kern=kern)
        self.stdout.write(self.style.SUCCESS(
            f"Beschikking {uit['beschikking'].nummer} met {uit['beschikking'].perioden.count()} verslagperioden; "
            "verslag periode 1 definitief, periode 2 concept."
        ))
