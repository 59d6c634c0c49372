"""The klantmanager's own pages: shared participants and one participant within the consent's scopes, and the
signal she leaves for the coach. Never the coach's dossier with parts hidden: these templates only receive
what trajecten.selectors.gemeente loaded under the consent."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from clients import services as client_services
from clients.access import gedeelde_deelnemer_or_404
from clients.forms import SignaalForm
from trajecten.selectors import gemeente as gemeente_selectors
from trajecten.selectors import werkoverleg as werkoverleg_selectors
from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.forms import add_errors
from uitstap.permissions import rol_vereist


@rol_vereist(Rol.KLANTMANAGER)
def gemeente_start(request):
    """Shared participants with phase, coach, goals and referrals in scope, what changed, consents ending soon."""
    sinds = gemeente_selectors.vorig_bezoek(request.user)
    gedeeld = gemeente_selectors.gedeelde_deelnemers(request.user, sinds=sinds)
    with transaction.atomic():
        for d in gedeeld:  # one event per participant: each rests on its own consent
            audit_log(actie=Actie.LIST, gebruiker=request.user, clientcode=d.clientcode,
                      object_type=gemeente_selectors.LIJST_OBJECT, object_id=str(d.pk),
                      grondslag=f"toestemming:{d.toestemming_id}")
    return render(request, "trajecten/gemeente_start.html", {
        "gedeeld": gedeeld, "sinds": sinds, "verloopt": gemeente_selectors.verloopt_binnenkort(gedeeld),
    })


@rol_vereist(Rol.KLANTMANAGER)
@require_http_methods(["GET", "POST"])
def gemeente_deelnemer(request, pk):
    """One shared participant in the consented scope; the klantmanager can leave a signal for the coach."""
    deelnemer, toestemming = gedeelde_deelnemer_or_404(request, pk)
    form = SignaalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client_services.signaal_aanmaken(deelnemer=deelnemer, tekst=form.cleaned_data["tekst"], door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, _("Signaal verstuurd naar de trajectbegeleider."))
            return redirect("trajecten:gemeente_deelnemer", pk=deelnemer.pk)
    gedeeld = gemeente_selectors.gedeelde_deelnemers(request.user, pks=[deelnemer.pk])
    if not gedeeld:
        raise Http404
    return render(request, "trajecten/gemeente_deelnemer.html", {
        "d": gedeeld[0], "form": form, "signalen": gemeente_selectors.signalen_van_gemeente(request.user, deelnemer.pk),
        "afspraken": werkoverleg_selectors.afspraken_voor_gemeente(request.user, deelnemer.pk),
    }, status=400 if form.errors else 200)
