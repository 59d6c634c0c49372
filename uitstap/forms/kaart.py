"""Forms for the sociale kaart: a partner, a contact person, the list filter. Fields listed explicitly."""

from django import forms
from django.utils.translation import gettext_lazy as _

from uitstap.codes import KetenpartnerSoort
from uitstap.forms.basis import VersionedForm
from uitstap.models import Contactpersoon, Gemeente, Ketenpartner
from uitstap.validators import geen_stuurtekens


class KetenpartnerForm(VersionedForm, forms.ModelForm):
    """A partner's details. The coordinator also sees `actief`; a coach's proposal leaves it out."""

    class Meta:
        model = Ketenpartner
        fields = ["naam", "soort", "gemeenten", "adres", "telefoon", "email", "notities", "actief"]
        widgets = {
            "gemeenten": forms.CheckboxSelectMultiple,
            "notities": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "gemeenten": _("Voor welke gemeenten werkt deze partner? Niets aangevinkt: onbekend."),
            "notities": _("Bijvoorbeeld: hoe je aanmeldt, wachttijden, wat ze wel en niet doen. Geen deelnemergegevens."),
            "actief": _("Een inactieve ketenpartner blijft bij oude verwijzingen staan, maar is niet meer te kiezen."),
        }

    def __init__(self, *args, programma, met_actief: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeenten"].queryset = programma.gemeenten.all()
        self.fields["soort"].choices = [("", "—")] + list(KetenpartnerSoort.choices)
        if not met_actief:
            del self.fields["actief"]


class ContactpersoonForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Contactpersoon
        fields = ["naam", "functie", "telefoon", "email", "actief"]
        help_texts = {"actief": _("Vink uit als deze persoon er niet meer werkt of geen aanspreekpunt meer is.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["actief"]


class SocialeKaartFilter(forms.Form):
    """Filters above the list; they live in the query string (partner names, no participant data)."""

    zoek = forms.CharField(label=_("Zoek op naam"), max_length=100, required=False, validators=[geen_stuurtekens])
    soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("Alle soorten"))] + list(KetenpartnerSoort.choices))
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=Gemeente.objects.none(), required=False,
                                      empty_label=_("Alle gemeenten"))
    inactief = forms.BooleanField(label=_("Ook inactieve en voorgestelde tonen"), required=False)

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
