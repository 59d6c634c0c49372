"""python manage.py audit_seal: append every unsealed audit event to the chain (the app also does this after each commit)."""

from django.core.management.base import BaseCommand

from uitstap.audit import audit_seal


class Command(BaseCommand):
    help = "Verzegelt nieuwe gebeurtenissen van het auditlog in de keten (volgnummer en hash)."

    def handle(self, *args, **options):
        aantal = audit_seal()
        self.stdout.write(f"{aantal} gebeurtenis(sen) verzegeld.")
