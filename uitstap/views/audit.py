"""The coordinator's audit search: by user, participant and period, within their own programmes."""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _

from uitstap.audit import Actie, audit_log
from uitstap.codes import Rol
from uitstap.forms import UitstapForm
from uitstap.models import AuditEvent
from uitstap.permissions import rol_vereist
from uitstap.selectors import audit_rijen, audit_zoeken as zoek_events

# The search shows at most this many events (the newest): counting every match of a log of millions would read
# them all on every search. Beyond it the page says so and asks for a narrower search.
AUDIT_ZOEK_MAX = 1_000


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


class _TotMaximum(Paginator):
    """Pages over the first `maximum` events of the search, counted up to one more (a COUNT over a LIMIT):
    `afgekapt` says there are more."""

    def __init__(self, object_list, per_page, maximum: int):
        super().__init__(object_list, per_page)
        self.maximum = maximum

    @cached_property
    def gevonden(self) -> int:
        """How many events the search found, at most `maximum` + 1 (which means: more than `maximum`)."""
        return self.object_list[: self.maximum + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.gevonden, self.maximum)

    @property
    def afgekapt(self) -> bool:
        return self.gevonden > self.maximum


def _dag_grens(datum: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time.min))


@rol_vereist(Rol.COORDINATOR)
def audit_zoeken(request):
    """Audit search for the coordinator. Bad input gives a Dutch message, never a 500. Reading it is logged."""
    form = AuditZoekForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        qs = AuditEvent.objects.none()
    else:
        gegevens = form.cleaned_data if form.is_bound else {}
        qs = zoek_events(
            request.user, gebruiker=(gegevens.get("gebruiker") or "").strip(),
            clientcode=(gegevens.get("clientcode") or "").strip(), actie=gegevens.get("actie") or "",
            van=_dag_grens(gegevens["van"]) if gegevens.get("van") else None,
            tot=_dag_grens(gegevens["tot"] + datetime.timedelta(days=1)) if gegevens.get("tot") else None,
        )
    page = _TotMaximum(qs, 50, AUDIT_ZOEK_MAX).get_page(request.GET.get("pagina"))
    page.object_list = audit_rijen(request.user, page.object_list)
    # The search itself is an event: that it happened and how many events it found (AUDIT_ZOEK_MAX + 1: more than
    # the maximum), never what was typed (a name typed into a filter could otherwise never be erased).
    audit_log(actie=Actie.SEARCH, gebruiker=request.user, object_type="auditlog",
              aantal=page.paginator.gevonden, grondslag="coordinator")
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "uitstap/audit_zoeken.html", {"form": form, "page": page, "query": query.urlencode()})
