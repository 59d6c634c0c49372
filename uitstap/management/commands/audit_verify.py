"""python manage.py audit_verify: check the audit log's hash chain; exit code 1 on any break."""

import sys

from django.core.management.base import BaseCommand

from uitstap.audit import audit_verify
from uitstap.models import AuditEvent


class Command(BaseCommand):
    help = "Controleert de hashketen van het auditlog. Stopt met foutcode 1 als de keten gebroken is."

    def handle(self, *args, **options):
        aantal = AuditEvent.objects.count()
        problemen = audit_verify()
        if problemen:
            for probleem in problemen:
                self.stderr.write(f"Fout: {probleem}")
            self.stderr.write(self.style.ERROR(
                f"Auditlog NIET intact: {len(problemen)} probleem/problemen in {aantal} gebeurtenissen."
            ))
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS(f"Auditlog intact: {aantal} gebeurtenissen, keten klopt."))
