"""Forms of the coordinator's grant and verslag screens; every edit form carries the version it was read at."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rapportage.models import Begrotingspost, Beschikking, Cofinancier, Jaarverslag, Verslagperiode, Voorschot
from rapportage.services.beschikking import PLAN_VELDEN
from uitstap.forms import UitstapForm, VersionedForm


class BeschikkingForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Beschikking
        fields = ["financier", "nummer", "startdatum", "einddatum", "bedrag", "penvoerder"]

    def __init__(self, *args, programma, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penvoerder"].queryset = programma.organisaties.order_by("naam")


class PlanForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Verslagperiode
        fields = list(PLAN_VELDEN)


class BedragenForm(UitstapForm, forms.Form):
    """One amount per budget post, plus the version of the record it belongs to."""

    def __init__(self, *args, bedragen: dict, versie: int, **kwargs):
        super().__init__(*args, **kwargs)
        for post, label in Begrotingspost.choices:
            self.fields[post] = forms.DecimalField(label=label, min_value=0, max_digits=12, decimal_places=2,
                                                   initial=bedragen.get(post, 0))
        self.fields["gelezen_versie"] = forms.IntegerField(widget=forms.HiddenInput, initial=versie)

    def bedragen(self) -> dict:
        return {post: self.cleaned_data[post] for post in Begrotingspost.values}


class CofinancierForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Cofinancier
        fields = ["naam", "bijdrage"]


class VoorschotForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Voorschot
        fields = ["datum", "bedrag"]


class VerslagForm(VersionedForm, forms.ModelForm):

    class Meta:
        model = Jaarverslag
        fields = list(Jaarverslag.SECTIES)
        widgets = {veld: forms.Textarea(attrs={"rows": 6}) for veld in Jaarverslag.SECTIES}


class VaststellenForm(forms.Form):
    gelezen_versie = forms.IntegerField(widget=forms.HiddenInput)
    bevestigd = forms.BooleanField(
        label=_("Ik heb het verslag gelezen; de cijfers en de pdf worden nu vastgelegd en zijn daarna niet meer te wijzigen."),
    )
