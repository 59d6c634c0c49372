"""Forms for the trajectplan: metingen, plan versions, SMART goals, sub-goals, progress, status. Fields listed explicitly."""

import datetime

from django import forms

from trajecten.models import Doel, Trajectplan
from uitstap.codes import DoelStatus, Leefgebied
from uitstap.forms import UitstapForm, VersionedForm

SCORE_HINT = "1 = heel slecht, 10 = uitstekend. Leeg laten als het niet besproken is."

STANDAARD_AFSPRAKEN = (
    "- We zien elkaar minstens eens per twee weken; de afspraken staan in de agenda.\n"
    "- Kun je niet komen, dan meld je dat uiterlijk een dag van tevoren.\n"
    "- We bespreken de voortgang van de doelen eens per zes weken en passen het plan zo nodig aan.\n"
    "- Wat je vertelt blijft binnen het team; met ketenpartners delen we alleen wat nodig is en met je toestemming."
)


def score_veld(label: str, required: bool = False) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=required, min_value=1, max_value=10,
        widget=forms.NumberInput(attrs={"min": 1, "max": 10, "inputmode": "numeric"}),
        error_messages={"min_value": "Een score is minimaal 1.", "max_value": "Een score is maximaal 10.",
                        "invalid": "Vul een heel getal van 1 tot en met 10 in."},
    )


class MetingForm(UitstapForm, forms.Form):
    """A self-assessment: the participant gives a score per leefgebied; not every leefgebied is needed."""

    datum = forms.DateField(label="datum", initial=datetime.date.today)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lg, label in Leefgebied.choices:
            veld = score_veld(label)
            veld.label = label
            self.fields[f"score_{lg}"] = veld
        self.fields["notitie"] = forms.CharField(
            label="Notitie (optioneel)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
            help_text="Bijvoorbeeld wat de deelnemer zelf over haar scores zegt.",
        )

    def score_velden(self):
        return [self[f"score_{lg}"] for lg in Leefgebied.values]

    def scores(self) -> dict:
        return {lg: self.cleaned_data.get(f"score_{lg}") for lg in Leefgebied.values
                if self.cleaned_data.get(f"score_{lg}") is not None}

    def clean(self):
        data = super().clean()
        if not self.errors and not self.scores():
            raise forms.ValidationError("Vul voor minstens één leefgebied een score in.")
        return data


class TrajectplanForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Trajectplan
        fields = ["opgesteld_op", "afspraken"]
        widgets = {"afspraken": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "afspraken": "Bindende afspraken over deelname en structuur (het convenant): hoe vaak jullie elkaar zien, "
                         "afmelden, wat er gebeurt als afspraken niet lukken. Ze komen op de geprinte versie.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("opgesteld_op", datetime.date.today())
            self.initial.setdefault("afspraken", STANDAARD_AFSPRAKEN)


class NieuweVersieForm(UitstapForm, forms.Form):
    opgesteld_op = forms.DateField(label="nieuwe versie opgesteld op", initial=datetime.date.today)


class OndertekenenForm(VersionedForm, forms.Form):
    ondertekend_deelnemer_op = forms.DateField(label="ondertekend door de deelnemer op", initial=datetime.date.today)
    ondertekend_begeleider_op = forms.DateField(label="ondertekend door de trajectbegeleider op",
                                                initial=datetime.date.today)


# Hints under each SMART question; the form is grouped in five steps S, M, A, R, T.
SMART_HINTS = {
    "leefgebied": "Op welk leefgebied wil de deelnemer iets bereiken?",
    "omschrijving": "Wat wil de deelnemer precies bereiken? Schrijf het op zoals zij het zegt, concreet en positief. "
                    "Bijvoorbeeld: 'Ik heb een betalingsregeling met de belastingdienst.'",
    "indicator": "Waaraan zien jullie allebei dat het gelukt is? Iets wat je kunt zien of tellen: een brief, "
                 "een getekend contract, een score van 7 of hoger.",
    "startscore": "Hoe staat het er nu voor, volgens de deelnemer (1–10)?",
    "doelscore": "Welke score wil ze bereiken?",
    "acceptabel": "Is de deelnemer het met dit doel eens? Een doel in het plan is haar doel.",
    "acceptabel_toelichting": "Wat zegt ze er zelf over? In haar eigen woorden.",
    "realistisch": "Waarom is dit haalbaar? Wat heeft ze al, wie helpt (ketenpartner), wat kan in de weg zitten?",
    "streefdatum": "Wanneer wil de deelnemer dit bereikt hebben?",
    "gesteld_op": "Laat leeg als het doel is gesteld op de dag dat het plan is opgesteld.",
}

SMART_STAPPEN = [
    ("S", "Specifiek", "Wat wil de deelnemer precies bereiken?", ["leefgebied", "omschrijving"]),
    ("M", "Meetbaar", "Waaraan zien jullie dat het gelukt is?", ["indicator", "startscore", "doelscore"]),
    ("A", "Acceptabel", "Is het haar eigen doel?", ["acceptabel", "acceptabel_toelichting"]),
    ("R", "Realistisch", "Is het haalbaar?", ["realistisch"]),
    ("T", "Tijdgebonden", "Wanneer is het bereikt?", ["streefdatum", "gesteld_op"]),
]


class DoelForm(VersionedForm, forms.ModelForm):
    """A SMART goal. Indicator (M) and streefdatum (T) are required, with a message that says why."""

    acceptabel = forms.TypedChoiceField(
        label="A – acceptabel: de deelnemer is het ermee eens", choices=[("ja", "Ja"), ("nee", "Nee, nog niet")],
        coerce=lambda v: v == "ja", widget=forms.RadioSelect,
        error_messages={"required": "Geef aan of de deelnemer het met dit doel eens is (A – acceptabel)."},
    )

    class Meta:
        model = Doel
        fields = ["leefgebied", "omschrijving", "indicator", "startscore", "doelscore", "acceptabel",
                  "acceptabel_toelichting", "realistisch", "streefdatum", "gesteld_op"]
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 2}),
            "indicator": forms.Textarea(attrs={"rows": 2}),
            "acceptabel_toelichting": forms.Textarea(attrs={"rows": 2}),
            "realistisch": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"acceptabel_toelichting": "wat zegt de deelnemer erover?"}

    verplicht = {
        "leefgebied": "Kies het leefgebied waar dit doel bij hoort.",
        "omschrijving": "Beschrijf wat de deelnemer precies wil bereiken (S – specifiek).",
        "indicator": "Vul in waaraan jullie zien dat het doel bereikt is (M – meetbaar). "
                     "Zonder meetbare aanwijzing kan het doel niet worden opgeslagen.",
        "streefdatum": "Kies een streefdatum: wanneer wil de deelnemer dit bereikt hebben (T – tijdgebonden)?",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, bericht in self.verplicht.items():
            if naam in self.fields:
                veld = self.fields[naam]
                veld.required = True
                veld.label = str(veld.label).replace(" (optioneel)", "")
                veld.error_messages["required"] = bericht
        for naam, hint in SMART_HINTS.items():
            if naam in self.fields:
                self.fields[naam].help_text = hint
        for naam in ("startscore", "doelscore"):
            if naam in self.fields:
                self.fields[naam].widget.attrs.update({"min": 1, "max": 10})
        if "leefgebied" in self.fields:
            self.fields["leefgebied"].choices = [("", "Kies een leefgebied")] + list(Leefgebied.choices)
        if self.instance.pk and "acceptabel" in self.fields and self.instance.acceptabel is not None:
            self.initial["acceptabel"] = "ja" if self.instance.acceptabel else "nee"

    def stappen(self):
        """The fields grouped per SMART letter, for the template."""
        return [(letter, naam, vraag, [self[f] for f in velden if f in self.fields])
                for letter, naam, vraag, velden in SMART_STAPPEN]


class SubdoelForm(DoelForm):
    """A smaller step towards a main goal: what, how we know, when."""

    class Meta(DoelForm.Meta):
        fields = ["omschrijving", "indicator", "streefdatum"]
        labels = {
            "omschrijving": "Wat is de stap?",
            "indicator": "Waaraan zien jullie dat de stap gezet is?",
            "streefdatum": "Streefdatum",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("acceptabel", None)
        self.fields["omschrijving"].help_text = "Een kleine, concrete stap op weg naar het hoofddoel."
        self.fields["indicator"].help_text = "Bijvoorbeeld: 'aanvraag ingediend', 'eerste afspraak gehad'."
        self.fields["streefdatum"].help_text = "Op of vóór de streefdatum van het hoofddoel."


class VoortgangForm(UitstapForm, forms.Form):
    datum = forms.DateField(label="datum", initial=datetime.date.today)
    score = score_veld("score (optioneel)")
    notitie = forms.CharField(label="notitie", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text="Wat is er gebeurd, wat is de volgende stap?")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].help_text = "Hoe staat het er nu voor volgens de deelnemer (1–10)?"

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("score") is None and not (data.get("notitie") or "").strip():
            raise forms.ValidationError("Vul een score of een notitie in.")
        return data


class DoelStatusForm(VersionedForm, forms.Form):
    status = forms.ChoiceField(label="status", choices=DoelStatus.choices, widget=forms.RadioSelect)
    behaald_op = forms.DateField(label="behaald op", required=False, initial=datetime.date.today,
                                 help_text="Alleen bij Behaald.")
