"""The coordinator's audit screens: search, and who read one dossier."""

from django.core.paginator import Paginator
from django.shortcuts import render

from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.models import AuditEvent
from uitstap.permissions import rol_vereist


@rol_vereist(Rol.COORDINATOR)
def audit_zoeken(request):
    """Audit search for the coordinator: by user, participant and period. Reading it is logged."""
    qs = AuditEvent.objects.all()
    if organisatie := request.user.organisatie:
        qs = qs.filter(organisatie=organisatie.naam)
    gebruiker = request.GET.get("gebruiker", "").strip()
    clientcode = request.GET.get("clientcode", "").strip()
    if gebruiker:
        qs = qs.filter(gebruikersnaam=gebruiker)
    if clientcode:
        qs = qs.filter(clientcode=clientcode)
    page = Paginator(qs.order_by("-id"), 50).get_page(request.GET.get("pagina"))
    audit_log(actie=Actie.SEARCH, gebruiker=request.user, object_type="auditevent",
              clientcode=clientcode, grondslag="coordinator")
    return render(request, "uitstap/audit_zoeken.html", {"page": page, "gebruiker": gebruiker, "clientcode": clientcode})
