"""Forms for participants: registration (with the first traject) and personal data. Fields listed explicitly."""

import datetime

from django import forms

from clients.models import Deelnemer
from uitstap.codes import Verwijzer
from uitstap.forms import UitstapForm, VersionedForm
from uitstap.models import Gemeente, Ketenpartner


class AanmeldingForm(UitstapForm, forms.ModelForm):
    """A new participant and her first traject in one short form."""

    aanmelddatum = forms.DateField(label="aanmelddatum", initial=datetime.date.today)
    verwijzer = forms.ChoiceField(label="verwezen door", choices=[("", "—")] + list(Verwijzer.choices), required=False)
    verwijzer_ketenpartner = forms.ModelChoiceField(
        label="verwijzende organisatie", queryset=Ketenpartner.objects.none(), required=False,
        help_text="Staat de verwijzer op de sociale kaart? Kies de organisatie.",
    )
    verwijzer_toelichting = forms.CharField(label="verwijzer (naam of organisatie)", max_length=200, required=False)

    class Meta:
        model = Deelnemer
        fields = [
            "roepnaam", "geboortejaar", "gender", "herkomstland", "woongemeente", "werkgemeente", "sector",
            "verblijfsstatus", "juridische_categorie", "signalen_mensenhandel", "bsn",
        ]
        help_texts = {
            "herkomstland": "Landcode van twee letters, zoals NL, RO of NG.",
            "roepnaam": "De naam waarmee je haar aanspreekt; mag een werknaam zijn.",
            "bsn": "Alleen invullen als het nodig is; helpt om een dubbele registratie te voorkomen.",
        }

    def __init__(self, *args, programma, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = Gemeente.objects.all()
        self.fields["woongemeente"].queryset = gemeenten
        self.fields["werkgemeente"].queryset = gemeenten
        self.fields["verwijzer_ketenpartner"].queryset = Ketenpartner.objects.filter(programma=programma, actief=True)

    def clean_herkomstland(self):
        return (self.cleaned_data.get("herkomstland") or "").strip().upper()


class PersoonsgegevensForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Deelnemer
        fields = [
            "roepnaam", "voornamen", "achternaam", "geboortedatum", "bsn", "geboortejaar", "gender", "herkomstland",
            "taal", "taalniveau_nl", "juridische_categorie", "verblijfsstatus", "bedenktijd_start", "bedenktijd_eind",
            "vergunning_start", "vergunning_eind", "woongemeente", "werkgemeente", "sector", "signalen_mensenhandel",
            "heeft_kinderen", "gestopt_met_sekswerk_op",
        ]
        help_texts = {
            "voornamen": "Alleen invullen als het nodig is (bijvoorbeeld voor een uitkering).",
            "bsn": "Alleen invullen als het nodig is.",
            "bedenktijd_start": "Alleen bij de verblijfsregeling mensenhandel.",
        }

    def clean_herkomstland(self):
        return (self.cleaned_data.get("herkomstland") or "").strip().upper()


class BegeleidingForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Deelnemer
        fields = ["begeleider", "achtervang"]

    def __init__(self, *args, begeleiders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begeleider"].queryset = begeleiders
        self.fields["achtervang"].queryset = begeleiders
