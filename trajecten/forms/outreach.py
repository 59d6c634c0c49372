"""Forms of the outreach register. Counts and a place only: the form has no field for a person."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from trajecten.models import OutreachActie, OutreachLocatie
from uitstap.forms import UitstapForm, VersionedForm


class OutreachActieForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = OutreachActie
        fields = ["datum", "locatiesoort", "locatie", "medewerkers", "voorlichters", "tolken", "bereikt",
                  "gesprekken", "materialen", "talen"]
        help_texts = {"bereikt": _("Hoeveel mensen jullie hebben gesproken of iets gegeven. Geen namen.")}

    def __init__(self, *args, locaties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locatie"].queryset = locaties
        if not self.instance.pk:
            self.initial.setdefault("datum", datetime.date.today())


class OutreachLocatieForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = OutreachLocatie
        fields = ["naam", "soort"]
        help_texts = {"naam": _("Een plek, zoals een straat of een club; nooit een persoon.")}
