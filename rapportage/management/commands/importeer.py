"""`manage.py importeer FILE.json`: load a programme's history (IMPORT.md); all or nothing."""

import json
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from rapportage.uitwisseling.importeren import ImportGeweigerd, historie_importeren
from uitstap.models import Gebruiker

MAX_WAARSCHUWINGEN = 20


class Command(BaseCommand):
    help = "Importeer de historie van een programma uit een bestand in het formaat uitstap-import/1."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="JSON-bestand (uitstap-import/1)")
        parser.add_argument("--door", help="gebruikersnaam die in het auditlog als importeur staat")

    def handle(self, *args, **opts):
        begin = time.monotonic()
        door = None
        if opts["door"]:
            door = Gebruiker.objects.filter(username=opts["door"]).first()
            if door is None:
                raise CommandError(f"Gebruiker {opts['door']!r} bestaat niet.")
        try:
            with open(opts["bestand"], encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            raise CommandError(f"Kan {opts['bestand']!r} niet lezen: {e.strerror}.") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise CommandError(f"{opts['bestand']!r} is geen geldig JSON-bestand: {e}.") from None

        def voortgang(tekst):
            self.stderr.write(f"[{time.monotonic() - begin:6.1f}s] {tekst}")

        try:
            samenvatting = historie_importeren(data=data, door=door, voortgang=voortgang)
        except ImportGeweigerd as e:
            for probleem in e.controle.fouten:
                self.stderr.write(str(probleem))
            raise CommandError(
                f"Het bestand is geweigerd: {len(e.controle.fouten)} probleem/problemen (zie hierboven). Er is niets opgeslagen."
            ) from None
        for probleem in samenvatting.waarschuwingen[:MAX_WAARSCHUWINGEN]:
            self.stderr.write(f"waarschuwing: {probleem}")
        if len(samenvatting.waarschuwingen) > MAX_WAARSCHUWINGEN:
            self.stderr.write(f"... en nog {len(samenvatting.waarschuwingen) - MAX_WAARSCHUWINGEN} waarschuwingen van dezelfde soort")
        self.stdout.write(f"Geïmporteerd in {time.monotonic() - begin:.1f} s:")
        for regel in samenvatting.regels():
            self.stdout.write(f"  {regel}")
        sys.stdout.flush()
