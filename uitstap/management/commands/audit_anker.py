"""python manage.py audit_anker: seal and write the anchor (last volgnummer and hash) outside the database. Daily, from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand

from uitstap.audit import audit_anker_wegschrijven


class Command(BaseCommand):
    help = (
        "Schrijft het anker van het auditlog (laatste volgnummer en hash) naar het applicatielog en, als "
        "ingesteld, naar AUDIT_ANKER_BESTAND en per e-mail naar AUDIT_ANKER_EMAIL. Dagelijks draaien."
    )

    def handle(self, *args, **options):
        punt = audit_anker_wegschrijven()
        waar = ["het applicatielog"]
        if settings.AUDIT_ANKER_BESTAND:
            waar.append(settings.AUDIT_ANKER_BESTAND)
        if settings.AUDIT_ANKER_EMAIL:
            waar.append(", ".join(settings.AUDIT_ANKER_EMAIL))
        self.stdout.write(f"Anker volgnummer {punt['volgnummer']} hash {punt['hash']} geschreven naar {' en '.join(waar)}.")
