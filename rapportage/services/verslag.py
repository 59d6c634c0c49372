"""Writes of the verslag: a new (version of a) verslag, its narrative sections, and finalising it.

Finalising freezes the data object (figures JSON) and the PDF with its SHA-256; later corrections
to the data never change a definitief verslag. A correction after sending is a new version.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from rapportage.models import Beschikking, Jaarverslag, Verslagperiode
from rapportage.selectors.verslag import verslag_gegevens, verslag_pdf
from uitstap.audit import Actie, audit_log
from uitstap.locking import save_checked


def _log(door, obj, actie=Actie.UPDATE):
    audit_log(actie=actie, gebruiker=door, obj=obj, grondslag="coordinator")


@transaction.atomic
def verslag_aanmaken(*, beschikking: Beschikking, periode: Verslagperiode | None, door) -> Jaarverslag:
    """A new concept: version 1, or the next version after a definitief one (the old one stays as it was)."""
    if periode is not None and periode.beschikking_id != beschikking.pk:
        raise ValidationError({"periode": "Deze periode hoort niet bij deze beschikking."})
    soort = Jaarverslag.Soort.JAARVERSLAG if periode is not None else Jaarverslag.Soort.EINDVERSLAG
    eerdere = Jaarverslag.objects.select_for_update().filter(beschikking=beschikking, periode=periode, soort=soort)
    if eerdere.filter(status=Jaarverslag.Status.CONCEPT).exists():
        raise ValidationError("Er is al een concept voor deze periode; werk dat bij.")
    vorige = eerdere.order_by("-volgnummer").first()
    verslag = Jaarverslag(beschikking=beschikking, periode=periode, soort=soort, volgnummer=(vorige.volgnummer + 1) if vorige else 1)
    if vorige is not None:
        for veld in Jaarverslag.SECTIES:  # a new version starts from the text that was sent
            setattr(verslag, veld, getattr(vorige, veld))
    verslag.full_clean()
    verslag.save()
    _log(door, verslag, Actie.CREATE)
    return verslag


@transaction.atomic
def verslag_wijzigen(*, verslag: Jaarverslag, data: dict, gelezen_versie: int | None, door) -> Jaarverslag:
    """Change the narrative sections of a concept; a definitief verslag cannot change."""
    if verslag.is_definitief:
        raise ValidationError("Dit verslag is definitief en kan niet meer worden gewijzigd. Maak een nieuwe versie.")
    velden = [v for v in Jaarverslag.SECTIES if v in data]
    for veld in velden:
        setattr(verslag, veld, (data[veld] or "").strip())
    verslag.full_clean()
    save_checked(verslag, gelezen_versie=gelezen_versie, fields=velden)
    _log(door, verslag)
    return verslag


@transaction.atomic
def verslag_vaststellen(*, verslag: Jaarverslag, gelezen_versie: int | None, door) -> Jaarverslag:
    """Make the verslag definitief: store its data object, its PDF and the PDF's SHA-256."""
    if verslag.is_definitief:
        raise ValidationError("Dit verslag is al definitief.")
    gegevens = verslag_gegevens(verslag)
    # The hash is of the PDF as stored; the PDF itself says "definitief" (its hash can only be shown beside it).
    _, pdf = verslag_pdf(gegevens, status=Jaarverslag.Status.DEFINITIEF)
    # Labels from the code lists are lazy translations: stored as the text they showed.
    verslag.cijfers = json.loads(json.dumps(gegevens, cls=DjangoJSONEncoder))
    verslag.pdf = pdf
    verslag.sha256 = hashlib.sha256(pdf).hexdigest()
    verslag.status = Jaarverslag.Status.DEFINITIEF
    verslag.definitief_op = timezone.now()
    verslag.definitief_door = door
    save_checked(
        verslag, gelezen_versie=gelezen_versie,
        fields=["cijfers", "pdf", "sha256", "status", "definitief_op", "definitief_door"],
    )
    _log(door, verslag)
    return verslag
