"""The safe-contact arrangement at the moment a contact is logged or planned: a forbidden kind needs a reason."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from clients.selectors import contactafspraak_van, verboden_contactsoorten
from trajecten.models import AfspraakAfwijking, Contactmoment, Traject
from trajecten.services import regels
from uitstap.audit import Actie
from uitstap.models import Gebruiker


def afspraak_afwijking_controleren(*, traject: Traject, soort: str, data: dict) -> str:
    """The coach's reason when `soort` is forbidden by the arrangement in force ('' when it is allowed);
    a forbidden kind without a reason is refused."""
    verboden = verboden_contactsoorten(contactafspraak_van(traject.deelnemer))
    if soort not in verboden:
        return ""
    reden = (data.get("afwijking_reden") or "").strip()
    if not reden:
        raise ValidationError({"soort": gettext("Volgens de contactafspraken %(waarde0)s. Bevestig dat je bewust afwijkt en geef een reden.") % {"waarde0": verboden[soort]}})
    return reden


def afwijking_vastleggen(*, contact: Contactmoment, reden: str, door: Gebruiker) -> AfspraakAfwijking | None:
    """Keep the confirmed deviation beside the contact (history, audited); nothing when there is none."""
    if not reden:
        return None
    afwijking = AfspraakAfwijking.objects.create(contactmoment=contact, soort=contact.soort, reden=reden, door=door)
    regels.log_event(Actie.CREATE, door, contact.traject, afwijking)
    return afwijking
