"""Filters above the participant list; their state lives in the query string."""

import django_filters
from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from trajecten import selectors
from uitstap.codes import Fase
from uitstap.models import Gebruiker, Gemeente


class DeelnemerFilter(django_filters.FilterSet):
    fase = django_filters.ChoiceFilter(label=_("Fase"), choices=Fase.choices, method="filter_fase", empty_label=_("Alle fasen"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), method="filter_status", empty_label=_("Alle"),
        choices=[("lopend", _("Lopend traject")), ("afgesloten", _("Afgesloten"))],
    )
    begeleider = django_filters.ModelChoiceFilter(
        label=_("Trajectbegeleider"), queryset=Gebruiker.objects.none(), empty_label=_("Alle begeleiders")
    )
    woongemeente = django_filters.ModelChoiceFilter(
        label=_("Woongemeente"), queryset=Gemeente.objects.all(), empty_label=_("Alle gemeenten")
    )

    def __init__(self, *args, begeleiders=None, **kwargs):
        super().__init__(*args, **kwargs)
        if begeleiders is not None:
            self.filters["begeleider"].queryset = begeleiders
        for f in self.form.fields.values():
            f.widget.attrs.setdefault("class", "form-select form-select-sm" if isinstance(f.widget, forms.Select) else "form-control form-control-sm")

    def filter_queryset(self, queryset):
        # The phase and status are the current traject's kept columns: joined once (annotated in one call, so that
        # both filters use the same join), and only when one is asked for, so the unfiltered list is counted and
        # cut into pages without touching trajecten_traject.
        if self.form.cleaned_data.get("fase") or self.form.cleaned_data.get("status"):
            queryset = selectors.huidig_traject_join(queryset).annotate(
                huidig_traject_id=F("huidig__id"), traject_einddatum=F("huidig__einddatum"), fase=F("huidig__huidige_fase"))
        return super().filter_queryset(queryset)

    def filter_fase(self, qs, name, value):
        return qs.filter(fase=value, traject_einddatum__isnull=True, huidig_traject_id__isnull=False)

    def filter_status(self, qs, name, value):
        if value == "lopend":
            return qs.filter(huidig_traject_id__isnull=False, traject_einddatum__isnull=True)
        return qs.filter(traject_einddatum__isnull=False)
