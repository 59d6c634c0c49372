"""The coordinator's audit search: by user, participant and period, within their own programmes."""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _

from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.forms import UitstapForm
from uitstap.models import AuditEvent
from uitstap.permissions import rol_vereist
from uitstap.selectors import audit_events_in_scope, audit_rijen


class AuditZoekForm(UitstapForm, forms.Form):
    gebruiker = forms.CharField(label=_("gebruikersnaam"), max_length=150, required=False)
    clientcode = forms.CharField(label=_("clientcode"), max_length=40, required=False)
    actie = forms.ChoiceField(label=_("actie"), choices=[("", _("Alle"))] + list(AuditEvent.Actie.choices), required=False)
    van = forms.DateField(label=_("van"), required=False)
    tot = forms.DateField(label=_("tot en met"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # A search form: every field is optional, so no "(optioneel)" on each label.
            field.label = str(field.label).replace(" (optioneel)", "")
            css = "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", gettext("De einddatum ligt voor de begindatum."))
        return data


def _dag_grens(datum: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time.min))


@rol_vereist(Rol.COORDINATOR)
def audit_zoeken(request):
    """Audit search for the coordinator. Bad input gives a Dutch message, never a 500. Reading it is logged."""
    form = AuditZoekForm(request.GET or None)
    qs = audit_events_in_scope(request.user)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
        if gebruiker := filters.get("gebruiker"):
            qs = qs.filter(gebruikersnaam__iexact=gebruiker.strip())
        if clientcode := filters.get("clientcode"):
            qs = qs.filter(clientcode__iexact=clientcode.strip())
        if actie := filters.get("actie"):
            qs = qs.filter(actie=actie)
        if van := filters.get("van"):
            qs = qs.filter(tijdstip__gte=_dag_grens(van))
        if tot := filters.get("tot"):
            qs = qs.filter(tijdstip__lt=_dag_grens(tot + datetime.timedelta(days=1)))
    elif form.is_bound:
        qs = qs.none()
    page = Paginator(qs.order_by("-id"), 50).get_page(request.GET.get("pagina"))
    page.object_list = audit_rijen(request.user, page.object_list)
    # The search itself is an event: that it happened and how many events it found, never what was
    # typed (a name typed into a filter could otherwise never be erased).
    audit_log(actie=Actie.SEARCH, gebruiker=request.user, object_type="auditlog",
              aantal=page.paginator.count, grondslag="coordinator")
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "uitstap/audit_zoeken.html", {"form": form, "page": page, "query": query.urlencode()})
