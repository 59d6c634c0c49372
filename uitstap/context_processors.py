"""Template context every page needs: the navigation that fits the user's role."""

from django.conf import settings
from django.utils.translation import gettext as _
from uitstap.links import reverse

from uitstap.codes import Rol


def navigatie(request):
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        if user.rol == Rol.TRAJECTBEGELEIDER:
            items = [
                (_("Mijn caseload"), reverse("trajecten:caseload")),
                (_("Nieuwe aanmelding"), reverse("trajecten:deelnemer_nieuw")),
                (_("Sociale kaart"), reverse("trajecten:sociale_kaart")),
                (_("Outreach"), reverse("trajecten:outreach")),
            ]
        elif user.rol == Rol.COORDINATOR:
            items = [
                (_("Aandacht"), reverse("trajecten:coordinator_start")),
                (_("Deelnemers"), reverse("trajecten:deelnemers")),
                (_("Nieuwe aanmelding"), reverse("trajecten:deelnemer_nieuw")),
                (_("Sociale kaart"), reverse("trajecten:sociale_kaart")),
                (_("Outreach"), reverse("trajecten:outreach")),
                (_("Werkoverleg"), reverse("trajecten:werkoverleggen")),
                (_("Cijfers"), reverse("rapportage:cijfers")),
                (_("Programma"), reverse("programma_lijst")),
                (_("Auditlog"), reverse("audit_zoeken")),
                (_("Accountverzoeken"), reverse("accountverzoeken")),
            ]
        elif user.rol == Rol.KLANTMANAGER:
            items = [(_("Gedeelde deelnemers"), reverse("klantmanager_start")),
                     (_("Werkoverleg"), reverse("trajecten:werkoverleggen"))]
        elif user.rol == Rol.BEHEERDER:
            items = [(_("Gebruikers"), reverse("gebruikers")), (_("Accountverzoeken"), reverse("accountverzoeken"))]
    return {
        "nav_items": items,
        "MFA_VERPLICHT": settings.MFA_VERPLICHT,
        "DEMO": settings.DEMO,
    }
