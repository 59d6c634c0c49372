"""The coordinator's confirmation of a merge: which dossier stays, and the versions of both she saw."""

from django import forms
from django.utils.translation import gettext_lazy as _

from uitstap.forms.basis import VEROUDERD, UitstapForm


class SamenvoegenForm(UitstapForm, forms.Form):
    blijft = forms.TypedChoiceField(label=_("Welk dossier blijft?"), coerce=int, widget=forms.RadioSelect,
                                    help_text=_("Het andere dossier gaat op in dit dossier en wordt gesloten."))
    versie_a = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": VEROUDERD, "invalid": VEROUDERD})
    versie_b = forms.IntegerField(widget=forms.HiddenInput, error_messages={"required": VEROUDERD, "invalid": VEROUDERD})

    def __init__(self, *args, a, b, **kwargs):
        kwargs.setdefault("initial", {"blijft": a.pk, "versie_a": a.versie, "versie_b": b.versie})
        super().__init__(*args, **kwargs)
        self.fields["blijft"].choices = [(d.pk, f"{d.label} blijft") for d in (a, b)]
