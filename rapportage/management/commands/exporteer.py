"""`manage.py exporteer --programma SLUG [--output FILE]`: a programme's history in `uitstap-import/1`."""

import json

from django.core.management.base import BaseCommand, CommandError

from rapportage.uitwisseling.exporteren import geschiedenis_exporteren
from uitstap.models import Programma


class Command(BaseCommand):
    help = "Exporteer de historie van een programma in het formaat uitstap-import/1."

    def add_arguments(self, parser):
        parser.add_argument("--programma", required=True, help="korte naam (slug) van het programma")
        parser.add_argument("--output", help="schrijf naar dit bestand in plaats van naar stdout")

    def handle(self, *args, **opts):
        programma = Programma.objects.filter(slug=opts["programma"]).first()
        if programma is None:
            bekend = ", ".join(Programma.objects.values_list("slug", flat=True)) or "geen"
            raise CommandError(f"Onbekend programma {opts['programma']!r}. Bekende programma's: {bekend}.")
        data = geschiedenis_exporteren(programma=programma, systeem="manage.py exporteer")
        tekst = json.dumps(data, ensure_ascii=False, indent=1)
        if opts["output"]:
            with open(opts["output"], "w", encoding="utf-8") as f:
                f.write(tekst + "\n")
            self.stderr.write(f"{len(data['deelnemers'])} deelnemers geschreven naar {opts['output']}")
        else:
            self.stdout.write(tekst)
