"""Forms for the coach's day: phase, intake, contact, outcome, relapse, new traject. Fields listed explicitly."""

import datetime

from django import forms

from trajecten.models import Contactmoment, Intake, Terugval, Traject, Uitstroom
from uitstap.codes import Afsluitreden, ContactStatus, Fase, IntakeBesluit, Leefgebied, UitstroomSoort
from uitstap.forms import UitstapForm, VersionedForm
from uitstap.models import Ketenpartner


class FaseForm(UitstapForm, forms.Form):
    fase = forms.ChoiceField(label="nieuwe fase", choices=Fase.choices, widget=forms.RadioSelect)
    datum = forms.DateField(label="datum", initial=datetime.date.today)
    reden = forms.CharField(
        label="reden", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht bij een stap terug naar een eerdere fase.",
    )


class IntakeForm(VersionedForm, forms.ModelForm):
    fase_naar_orientatie = forms.BooleanField(
        label="Bij toelating: fase naar oriëntatie op de intakedatum", required=False, initial=True
    )

    class Meta:
        model = Intake
        fields = [
            "datum", "hulpvraag", "aanleiding", "verwachtingen_besproken", "spreekt_nederlands_of_engels",
            "verslaving", "psychiatrische_problematiek", "legaal_verblijf", "besluit", "besluit_reden",
        ]
        widgets = {
            "hulpvraag": forms.Textarea(attrs={"rows": 3}),
            "aanleiding": forms.Textarea(attrs={"rows": 3}),
            "besluit_reden": forms.Textarea(attrs={"rows": 2}),
            "besluit": forms.RadioSelect,
        }
        help_texts = {"besluit_reden": "Verplicht als de deelnemer (nog) niet wordt toegelaten."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluit"].choices = IntakeBesluit.choices
        if not self.instance.pk:
            self.initial.setdefault("datum", datetime.date.today())


class ContactForm(VersionedForm, forms.ModelForm):
    leefgebieden = forms.MultipleChoiceField(
        label="besproken leefgebieden", choices=Leefgebied.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Contactmoment
        fields = ["datum", "tijd", "soort", "status", "duur_minuten", "met_wie", "ketenpartner", "leefgebieden",
                  "notitie", "vertrouwelijk"]
        widgets = {"notitie": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, programma, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ketenpartner"].queryset = Ketenpartner.objects.filter(programma=programma, actief=True)
        if not self.instance.pk:
            self.initial.setdefault("datum", datetime.date.today())
            self.initial.setdefault("duur_minuten", 60)


class SnelContactForm(UitstapForm, forms.ModelForm):
    """The short form on the dossier: date, kind, status, duration and an optional note."""

    class Meta:
        model = Contactmoment
        fields = ["datum", "soort", "status", "duur_minuten", "notitie"]
        widgets = {"notitie": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", datetime.date.today())
        self.initial.setdefault("duur_minuten", 60)
        self.initial.setdefault("status", ContactStatus.GEHOUDEN)


class UitstroomForm(VersionedForm, forms.ModelForm):
    afsluiten = forms.BooleanField(
        label="Traject nu afsluiten", required=False, initial=False,
        help_text="Bij uitgestapt gaat de deelnemer anders door in de nazorgfase; tussentijds gestopt sluit altijd af.",
    )

    class Meta:
        model = Uitstroom
        fields = ["soort", "datum", "resultaat", "branche", "reden", "toelichting"]
        widgets = {"soort": forms.RadioSelect, "toelichting": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "resultaat": "Bij uitgestapt: waarnaar de deelnemer is uitgestroomd.",
            "branche": "Bij betaald werk: in welke branche.",
            "reden": "Bij tussentijds gestopt: waarom.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", datetime.date.today())
        self.fields["soort"].choices = UitstroomSoort.choices
        self.fields["resultaat"].required = False
        self.fields["reden"].required = False


class BeeindigenForm(VersionedForm, forms.Form):
    einddatum = forms.DateField(label="einddatum", initial=datetime.date.today)
    afsluitreden = forms.ChoiceField(
        label="reden van afsluiten", required=False, choices=[("", "---------"), *Afsluitreden.choices],
        help_text="Het traject is nooit verder gekomen dan contact: het telt niet als uitval.",
    )


class TerugvalForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Terugval
        fields = ["datum", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3})}


class TrajectStartForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Traject
        fields = ["aanmelddatum", "verwijzer", "verwijzer_ketenpartner", "verwijzer_toelichting"]

    def __init__(self, *args, programma, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verwijzer_ketenpartner"].queryset = Ketenpartner.objects.filter(programma=programma, actief=True)
        self.initial.setdefault("aanmelddatum", datetime.date.today())
