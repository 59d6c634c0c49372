"""python manage.py audit_verify [--anker FILE]: seal, then check the audit chain; exit code 1 on any break."""

import sys

from django.core.management.base import BaseCommand, CommandError

from uitstap.audit import anker_lezen, audit_verify
from uitstap.models import AuditEvent


class Command(BaseCommand):
    help = (
        "Controleert de keten van het auditlog (na het verzegelen van nieuwe gebeurtenissen). Met --anker "
        "ook tegen eerder buiten de database bewaarde ankers. Stopt met foutcode 1 als er iets niet klopt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--anker", metavar="BESTAND", help="bestand met ankers (manage.py audit_anker)")

    def handle(self, *args, **options):
        anker = None
        if options["anker"]:
            try:
                anker = anker_lezen(options["anker"])
            except OSError as e:
                raise CommandError(f"Het ankerbestand is niet te lezen: {e.strerror}") from e
            if not anker:
                raise CommandError("Het ankerbestand bevat geen ankers.")
        problemen = audit_verify(anker=anker)
        aantal = AuditEvent.objects.count()
        if problemen:
            for probleem in problemen:
                self.stderr.write(f"Fout: {probleem}")
            self.stderr.write(self.style.ERROR(
                f"Auditlog NIET intact: {len(problemen)} probleem/problemen in {aantal} gebeurtenissen."
            ))
            sys.exit(1)
        extra = f", {len(anker)} anker(s) kloppen" if anker else ""
        self.stdout.write(self.style.SUCCESS(f"Auditlog intact: {aantal} gebeurtenissen, keten klopt{extra}."))
