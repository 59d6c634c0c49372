"""python manage.py bewaartermijn --dry-run/--uitvoeren: erase files whose retention term has passed."""

from django.core.management.base import BaseCommand, CommandError

from clients.documents import wezen_opruimen
from clients.avg import bewaartermijn_einde, bewaartermijn_verstreken, deelnemer_wissen


class Command(BaseCommand):
    help = ("Wist de persoonsgegevens van dossiers waarvan het laatste traject langer dan de bewaartermijn "
            "van het programma geleden is geëindigd.")

    def add_arguments(self, parser):
        groep = parser.add_mutually_exclusive_group(required=True)
        groep.add_argument("--dry-run", action="store_true", help="Alleen tonen welke dossiers gewist zouden worden.")
        groep.add_argument("--uitvoeren", action="store_true", help="De persoonsgegevens echt wissen.")

    def handle(self, *args, dry_run, uitvoeren, **options):
        dossiers = bewaartermijn_verstreken()
        if not dossiers:
            self.stdout.write("Geen dossiers waarvan de bewaartermijn is verstreken.")
        for deelnemer in dossiers:
            einde = bewaartermijn_einde(deelnemer)
            regel = f"{deelnemer.clientcode} ({deelnemer.programma}): bewaartermijn verstreken op {einde:%d-%m-%Y}"
            if dry_run:
                self.stdout.write(f"Zou wissen: {regel}")
                continue
            try:
                deelnemer_wissen(deelnemer=deelnemer, systeem="bewaartermijn")
            except Exception as e:  # noqa: BLE001 - report and stop: nothing half-done per dossier
                raise CommandError(f"Wissen van {deelnemer.clientcode} mislukt: {e}") from e
            self.stdout.write(f"Gewist: {regel}")
        if dry_run:
            self.stdout.write(f"Proefdraai: {len(dossiers)} dossier(s) zouden gewist worden. Er is niets gewijzigd.")
        else:
            weg = wezen_opruimen()
            self.stdout.write(self.style.SUCCESS(
                f"{len(dossiers)} dossier(s) gewist." + (f" {weg} achtergebleven bestand(en) opgeruimd." if weg else "")
            ))
