"""`manage.py rups_verslag --programma SLUG --jaar YYYY [--van --tot] --format json`: the figures as JSON."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from rapportage.cijfers import alle_cijfers, periode_van_jaar
from uitstap.models import Programma


def _datum(tekst: str, optie: str) -> datetime.date:
    try:
        if len(tekst) != 10:
            raise ValueError
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise CommandError(f"{optie} {tekst!r} is geen geldige datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2024-12-31.") from None


class Command(BaseCommand):
    help = "Print de uniforme cijfers (DEFINITIONS.md) van een programma over een periode als JSON."

    def add_arguments(self, parser):
        parser.add_argument("--programma", required=True, help="korte naam (slug) van het programma")
        parser.add_argument("--jaar", required=True, type=int, help="verslagjaar, bijvoorbeeld 2024")
        parser.add_argument("--van", help="begin van de periode (JJJJ-MM-DD, standaard 1 januari)")
        parser.add_argument("--tot", help="einde van de periode, inclusief (JJJJ-MM-DD, standaard 31 december)")
        parser.add_argument("--format", default="json", choices=["json"], help="uitvoerformaat (json)")
        parser.add_argument("--output", help="schrijf naar dit bestand in plaats van naar stdout")

    def handle(self, *args, **opts):
        programma = Programma.objects.filter(slug=opts["programma"]).first()
        if programma is None:
            bekend = ", ".join(Programma.objects.values_list("slug", flat=True)) or "geen"
            raise CommandError(f"Onbekend programma {opts['programma']!r}. Bekende programma's: {bekend}.")
        jaar = opts["jaar"]
        if not 2000 <= jaar <= 2100:
            raise CommandError(f"--jaar {jaar} ligt niet tussen 2000 en 2100.")
        van, tot = periode_van_jaar(jaar)
        if opts["van"]:
            van = _datum(opts["van"], "--van")
        if opts["tot"]:
            tot = _datum(opts["tot"], "--tot")
        if tot < van:
            raise CommandError(f"--tot ({tot.isoformat()}) ligt vóór --van ({van.isoformat()}).")
        tekst = json.dumps(alle_cijfers(programma, van, tot, jaar=jaar), ensure_ascii=False, indent=2)
        if opts["output"]:
            with open(opts["output"], "w", encoding="utf-8") as f:
                f.write(tekst + "\n")
            self.stderr.write(f"Cijfers geschreven naar {opts['output']}")
        else:
            self.stdout.write(tekst)
