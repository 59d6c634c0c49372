"""Template context every page needs: the navigation that fits the user's role."""

from django.conf import settings
from uitstap.links import reverse

from uitstap.codes import Rol


def navigatie(request):
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        if user.rol == Rol.TRAJECTBEGELEIDER:
            items = [
                ("Mijn caseload", reverse("trajecten:caseload")),
                ("Nieuwe aanmelding", reverse("trajecten:deelnemer_nieuw")),
                ("Sociale kaart", reverse("trajecten:sociale_kaart")),
                ("Outreach", reverse("trajecten:outreach")),
            ]
        elif user.rol == Rol.COORDINATOR:
            items = [
                ("Aandacht", reverse("trajecten:coordinator_start")),
                ("Deelnemers", reverse("trajecten:deelnemers")),
                ("Nieuwe aanmelding", reverse("trajecten:deelnemer_nieuw")),
                ("Sociale kaart", reverse("trajecten:sociale_kaart")),
                ("Outreach", reverse("trajecten:outreach")),
                ("Werkoverleg", reverse("trajecten:werkoverleggen")),
                ("Cijfers", reverse("rapportage:cijfers")),
                ("Programma", reverse("programma_lijst")),
                ("Auditlog", reverse("audit_zoeken")),
                ("Accountverzoeken", reverse("accountverzoeken")),
            ]
        elif user.rol == Rol.KLANTMANAGER:
            items = [("Gedeelde deelnemers", reverse("klantmanager_start")),
                     ("Werkoverleg", reverse("trajecten:werkoverleggen"))]
        elif user.rol == Rol.BEHEERDER:
            items = [("Gebruikers", reverse("gebruikers")), ("Accountverzoeken", reverse("accountverzoeken"))]
    return {
        "nav_items": items,
        "MFA_VERPLICHT": settings.MFA_VERPLICHT,
        "DEMO": settings.DEMO,
    }
