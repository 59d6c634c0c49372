"""Forms for participants: registration (with the first traject) and personal data. Fields listed explicitly."""

import datetime

from django import forms

from clients.models import Contactafspraak, Deelnemer, JuridischeRoute
from uitstap.talen import documenttaal_keuzes, documenttalen
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
    outreach_actie = forms.ModelChoiceField(
        label="bereikt via outreachactie", queryset=Deelnemer.objects.none(), required=False,
        help_text="Alleen bij eigen outreach: de outreachactie waarbij zij is bereikt.",
    )

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

    def __init__(self, *args, programma, outreach_acties=None, **kwargs):
        super().__init__(*args, **kwargs)
        if outreach_acties is not None:  # the trajecten app's queryset (clients does not import trajecten)
            self.fields["outreach_actie"].queryset = outreach_acties
        else:
            del self.fields["outreach_actie"]
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
            "heeft_kinderen", "gestopt_met_sekswerk_op", "documenttaal",
        ]
        help_texts = {
            "voornamen": "Alleen invullen als het nodig is (bijvoorbeeld voor een uitkering).",
            "bsn": "Alleen invullen als het nodig is.",
            "bedenktijd_start": "Alleen bij de verblijfsregeling mensenhandel.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documenttaal"].widget = forms.Select(choices=documenttaal_keuzes())

    def clean_herkomstland(self):
        return (self.cleaned_data.get("herkomstland") or "").strip().upper()

    def clean_documenttaal(self):
        taal = self.cleaned_data.get("documenttaal") or ""
        if taal and taal not in documenttalen():
            raise forms.ValidationError("Voor deze taal is geen vertaling.")
        return taal


class BegeleidingForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Deelnemer
        fields = ["begeleider", "achtervang"]

    def __init__(self, *args, begeleiders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begeleider"].queryset = begeleiders
        self.fields["achtervang"].queryset = begeleiders


class _NieuweVersieForm(VersionedForm):
    """An arrangement saved as a new version: carries the number of the version the user saw (0: none yet)."""

    def __init__(self, *args, huidige_versie: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gelezen_versie"].required = True
        self.initial["gelezen_versie"] = huidige_versie


class ContactafspraakForm(_NieuweVersieForm, forms.ModelForm):
    class Meta:
        model = Contactafspraak
        fields = [
            "bellen", "sms", "voicemail", "post", "huisbezoek", "email", "veilig_telefoon", "veilig_adres",
            "codewoorden", "vermijden", "alleen_via", "alleen_via_toelichting", "toelichting",
        ]
        widgets = {
            "bellen": forms.RadioSelect, "sms": forms.RadioSelect, "voicemail": forms.RadioSelect,
            "post": forms.RadioSelect, "huisbezoek": forms.RadioSelect, "email": forms.RadioSelect,
            "veilig_adres": forms.Textarea(attrs={"rows": 2}), "toelichting": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "vermijden": "Bijvoorbeeld: niet na 18.00 uur, niet in het weekend.",
            "alleen_via": "Als contact alleen via een ketenpartner mag (bijvoorbeeld de opvang).",
        }

    def __init__(self, *args, programma, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alleen_via"].queryset = Ketenpartner.objects.filter(programma=programma, actief=True)
        for veld in ("bellen", "sms", "voicemail", "post", "huisbezoek", "email"):
            self.fields[veld].choices = [("", "Niet besproken")] + list(self.fields[veld].choices)[1:]


class JuridischeRouteForm(_NieuweVersieForm, forms.ModelForm):
    class Meta:
        model = JuridischeRoute
        fields = [
            "juridische_categorie", "bedenktijd_start", "bedenktijd_eind", "aangifte_op", "geen_aangifte_op",
            "melding_op", "vergunning_start", "vergunning_eind", "verlenging_aangevraagd_op", "beslissing_uiterlijk",
            "toelichting",
        ]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "bedenktijd_eind": "Het dossier en de caseload tellen af naar deze datum (signaal bij 4 en 1 week).",
            "geen_aangifte_op": "Alleen als zij heeft besloten geen aangifte te doen.",
        }
