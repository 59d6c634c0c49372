"""Forms for participants: registration (with the first traject) and personal data. Fields listed explicitly."""

import datetime

from django import forms
from django_countries import countries

from django.utils.translation import gettext, gettext_lazy as _

from clients.models import Contactafspraak, Deelnemer, Document, JuridischeRoute, Scope, Signaal, Toestemming
from uitstap.codes import Verwijzer
from uitstap.talen import documenttaal_keuzes, documenttalen
from uitstap.forms import UitstapForm, VersionedForm
from uitstap.models import Gemeente, Ketenpartner


def _landen():
    return [("", "")] + [(c.code, c.name) for c in countries]


class LandField(forms.ChoiceField):
    def to_python(self, value):
        return super().to_python(value).strip().upper()


def landkeuze() -> forms.ChoiceField:
    """Countries by their Dutch names (django-countries); stores the ISO 3166 two-letter code."""
    return LandField(
        label=_("herkomstland"), required=False, choices=_landen,
        error_messages={"invalid_choice": _("Kies een land uit de lijst.")},
    )


class AanmeldingForm(UitstapForm, forms.ModelForm):
    """A new participant and her first traject in one short form."""

    aanmelddatum = forms.DateField(label=_("aanmelddatum"), initial=datetime.date.today)
    verwijzer = forms.ChoiceField(label=_("verwezen door"), choices=[("", "—")] + list(Verwijzer.choices), required=False)
    verwijzer_ketenpartner = forms.ModelChoiceField(
        label=_("verwijzende organisatie"), queryset=Ketenpartner.objects.none(), required=False,
        help_text=_("Staat de verwijzer op de sociale kaart? Kies de organisatie."),
    )
    verwijzer_toelichting = forms.CharField(label=_("verwijzer (naam of organisatie)"), max_length=200, required=False)
    herkomstland = landkeuze()
    outreach_actie = forms.ModelChoiceField(
        label=_("bereikt via outreachactie"), queryset=None, required=False,  # set by the view (trajecten)
        help_text=_("Alleen bij eigen outreach: de outreachactie waarbij de deelnemer is bereikt."),
    )

    class Meta:
        model = Deelnemer
        fields = [
            "roepnaam", "geboortejaar", "gender", "herkomstland", "woongemeente", "werkgemeente", "sector",
            "verblijfsstatus", "juridische_categorie", "signalen_mensenhandel", "bsn",
        ]
        help_texts = {
            "roepnaam": _("De naam waarmee je de deelnemer aanspreekt; mag een werknaam zijn."),
            "bsn": _("Alleen invullen als het nodig is; helpt om een dubbele registratie te voorkomen."),
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

class PersoonsgegevensForm(VersionedForm, forms.ModelForm):
    herkomstland = landkeuze()

    class Meta:
        model = Deelnemer
        fields = [
            "roepnaam", "voornamen", "achternaam", "geboortedatum", "bsn", "geboortejaar", "gender", "herkomstland",
            "taal", "taalniveau_nl", "juridische_categorie", "verblijfsstatus", "bedenktijd_start", "bedenktijd_eind",
            "vergunning_start", "vergunning_eind", "woongemeente", "werkgemeente", "sector", "signalen_mensenhandel",
            "heeft_kinderen", "gestopt_met_sekswerk_op", "documenttaal",
        ]
        help_texts = {
            "voornamen": _("Alleen invullen als het nodig is (bijvoorbeeld voor een uitkering)."),
            "bsn": _("Alleen invullen als het nodig is."),
            "bedenktijd_start": _("Alleen bij de verblijfsregeling mensenhandel."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documenttaal"].widget = forms.Select(choices=documenttaal_keuzes())

    def clean_documenttaal(self):
        taal = self.cleaned_data.get("documenttaal") or ""
        if taal and taal not in documenttalen():
            raise forms.ValidationError(gettext("Voor deze taal is geen vertaling."))
        return taal


class BegeleidingForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Deelnemer
        fields = ["begeleider", "achtervang"]

    def __init__(self, *args, begeleiders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begeleider"].queryset = begeleiders
        self.fields["achtervang"].queryset = begeleiders


# --- consent and the klantmanager's signal ------------------------------------------------------

TEKSTVERSIE = "2026-1"


class _WijzeVelden(UitstapForm, forms.Form):
    """How the participant gave (or renewed) her consent: a signed form in the dossier, or verbally."""

    gegeven_op = forms.DateField(label=_("gegeven op"), initial=datetime.date.today)
    geldig_tot = forms.DateField(label=_("geldig tot"), required=False,
                                 help_text=_("Leeg laten: een jaar na de datum van toestemming. Hoogstens twee jaar."))
    wijze = forms.ChoiceField(label=_("hoe gegeven"), choices=Toestemming.Wijze.choices, widget=forms.RadioSelect)
    document = forms.ModelChoiceField(label=_("ondertekend formulier"), queryset=Document.objects.none(), required=False,
                                      help_text=_("Upload het formulier eerst bij Documenten, als 'Toestemmingsformulier'."))
    verklaring = forms.CharField(label=_("verklaring van de trajectbegeleider"), required=False, widget=forms.Textarea(
        attrs={"rows": 2}), help_text=_("Bij mondelinge toestemming: wanneer en hoe de deelnemer dit zei. Geen andere inhoud."))

    def __init__(self, *args, deelnemer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = Document.objects.filter(deelnemer=deelnemer, soort=Document.Soort.TOESTEMMING)


class ToestemmingForm(_WijzeVelden):
    gemeente = forms.ModelChoiceField(label=_("gemeente"), queryset=Gemeente.objects.all(),
                                      help_text=_("De gemeente die de gegevens te zien krijgt."))
    scopes = forms.MultipleChoiceField(
        label=_("wat wordt gedeeld"), choices=Scope.choices, widget=forms.CheckboxSelectMultiple,
        initial=[Scope.BASIS],
        help_text=_("Gevoelige gegevens gaan alleen mee als 'Gevoelig' is aangevinkt. Notities van contacten "
                    "worden nooit gedeeld."),
    )
    tekstversie = forms.CharField(label=_("versie van de toestemmingstekst"), max_length=40, initial=TEKSTVERSIE)
    field_order = ["gemeente", "scopes", "gegeven_op", "geldig_tot", "wijze", "document", "verklaring", "tekstversie"]


class ToestemmingVerlengenForm(VersionedForm, _WijzeVelden):
    """Renewing is a new row, but it replaces the row the user saw: that row's version is checked."""


class ToestemmingIntrekkenForm(VersionedForm, forms.Form):
    reden = forms.CharField(label=_("reden"), max_length=300, required=False,
                            help_text=_("Kort, zonder gevoelige inhoud. De deelnemer hoeft geen reden te geven."))
    bevestigd = forms.BooleanField(label=_("Ja, trek deze toestemming nu in. De gemeente ziet vanaf nu niets meer."))


class SignaalForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Signaal
        fields = ["tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 2, "maxlength": 500})}
        labels = {"tekst": _("signaal voor de trajectbegeleider")}
        help_texts = {"tekst": _("Bijvoorbeeld: plek bij werkfit-traject vrij. De trajectbegeleider ziet dit in het dossier.")}


class SignaalAfsluitenForm(VersionedForm, forms.Form):
    """Closing a signal: only the version the coach saw (the button sits beside each signal)."""


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
            "vermijden": _("Bijvoorbeeld: niet na 18.00 uur, niet in het weekend."),
            "alleen_via": _("Als contact alleen via een ketenpartner mag (bijvoorbeeld de opvang)."),
        }

    def __init__(self, *args, programma, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alleen_via"].queryset = Ketenpartner.objects.filter(programma=programma, actief=True)
        for veld in ("bellen", "sms", "voicemail", "post", "huisbezoek", "email"):
            self.fields[veld].choices = [("", gettext("Niet besproken"))] + list(self.fields[veld].choices)[1:]


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
            "bedenktijd_eind": _("Het dossier en de caseload tellen af naar deze datum (signaal bij 4 en 1 week)."),
            "geen_aangifte_op": _("Alleen als zij heeft besloten geen aangifte te doen."),
        }
