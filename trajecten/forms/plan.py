"""Forms for the trajectplan: metingen, plan versions, SMART goals, sub-goals, progress, status. Fields listed explicitly."""

import datetime

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from trajecten.models import Doel, Trajectplan
from uitstap.codes import DoelStatus, Leefgebied
from uitstap.forms import UitstapForm, VersionedForm

SCORE_HINT = _("1 = heel slecht, 10 = uitstekend. Leeg laten als het niet besproken is.")

STANDAARD_AFSPRAKEN = (
    _("- We zien elkaar minstens eens per twee weken; de afspraken staan in de agenda.\n"
    "- Kun je niet komen, dan meld je dat uiterlijk een dag van tevoren.\n"
    "- We bespreken de voortgang van de doelen eens per zes weken en passen het plan zo nodig aan.\n"
    "- Wat je vertelt blijft binnen het team; met ketenpartners delen we alleen wat nodig is en met je toestemming.")
)


def score_veld(label: str, required: bool = False) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=required, min_value=1, max_value=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": _("Een score is minimaal 1."), "max_value": _("Een score is maximaal 10."),
                        "invalid": _("Vul een heel getal van 1 tot en met 10 in.")},
    )


class MetingForm(UitstapForm, forms.Form):
    """A self-assessment: the participant gives a score per leefgebied; not every leefgebied is needed."""

    datum = forms.DateField(label=_("datum"), initial=datetime.date.today)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lg, label in Leefgebied.choices:
            veld = score_veld(label)
            veld.label = label
            self.fields[f"score_{lg}"] = veld
        self.fields["notitie"] = forms.CharField(
            label=gettext("Notitie (optioneel)"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
            help_text=gettext("Bijvoorbeeld wat de deelnemer zelf over haar scores zegt."),
        )

    def score_velden(self):
        return [self[f"score_{lg}"] for lg in Leefgebied.values]

    def scores(self) -> dict:
        return {lg: self.cleaned_data.get(f"score_{lg}") for lg in Leefgebied.values
                if self.cleaned_data.get(f"score_{lg}") is not None}

    def clean(self):
        data = super().clean()
        # Also when another field failed: every error of the submission in one round.
        score_fout = any(f"score_{lg}" in self.errors for lg in Leefgebied.values)
        if not score_fout and not self.scores():
            self.add_error(None, gettext("Vul voor minstens één leefgebied een score in."))
        return data


class TrajectplanForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Trajectplan
        fields = ["opgesteld_op", "afspraken"]
        widgets = {"afspraken": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "afspraken": _("Bindende afspraken over deelname en structuur (het convenant): hoe vaak jullie elkaar zien, "
                         "afmelden, wat er gebeurt als afspraken niet lukken. Ze komen op de geprinte versie."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("opgesteld_op", datetime.date.today())
            self.initial.setdefault("afspraken", STANDAARD_AFSPRAKEN)


class NieuweVersieForm(UitstapForm, forms.Form):
    opgesteld_op = forms.DateField(label=_("nieuwe versie opgesteld op"), initial=datetime.date.today)


class OndertekenenForm(VersionedForm, forms.Form):
    ondertekend_deelnemer_op = forms.DateField(label=_("ondertekend door de deelnemer op"), initial=datetime.date.today)
    ondertekend_begeleider_op = forms.DateField(label=_("ondertekend door de trajectbegeleider op"),
                                                initial=datetime.date.today)


# Hints under each SMART question; the form is grouped in five steps S, M, A, R, T.
SMART_HINTS = {
    "leefgebied": _("Op welk leefgebied wil de deelnemer iets bereiken?"),
    "omschrijving": _("Wat wil de deelnemer precies bereiken? Schrijf het op zoals zij het zegt, concreet en positief. "
                    "Bijvoorbeeld: 'Ik heb een betalingsregeling met de belastingdienst.'"),
    "indicator": _("Waaraan zien jullie allebei dat het gelukt is? Iets wat je kunt zien of tellen: een brief, "
                 "een getekend contract, een score van 7 of hoger."),
    "startscore": _("Hoe staat het er nu voor, volgens de deelnemer (1–10)?"),
    "doelscore": _("Welke score wil ze bereiken?"),
    "acceptabel": _("Is de deelnemer het met dit doel eens? Een doel in het plan is haar doel."),
    "acceptabel_toelichting": _("Wat zegt ze er zelf over? In haar eigen woorden."),
    "realistisch": _("Waarom is dit haalbaar? Wat heeft ze al, wie helpt (ketenpartner), wat kan in de weg zitten?"),
    "streefdatum": _("Wanneer wil de deelnemer dit bereikt hebben?"),
    "gesteld_op": _("Laat leeg als het doel is gesteld op de dag dat het plan is opgesteld."),
}

SMART_STAPPEN = [
    ("S", _("Specifiek"), _("Wat wil de deelnemer precies bereiken?"), ["leefgebied", "omschrijving"]),
    ("M", _("Meetbaar"), _("Waaraan zien jullie dat het gelukt is?"), ["indicator", "startscore", "doelscore"]),
    ("A", _("Acceptabel"), _("Is het haar eigen doel?"), ["acceptabel", "acceptabel_toelichting"]),
    ("R", _("Realistisch"), _("Is het haalbaar?"), ["realistisch"]),
    ("T", _("Tijdgebonden"), _("Wanneer is het bereikt?"), ["streefdatum", "gesteld_op"]),
]


class DoelForm(VersionedForm, forms.ModelForm):
    """A SMART goal. Indicator (M) and streefdatum (T) are required, with a message that says why."""

    acceptabel = forms.TypedChoiceField(
        label=_("A – acceptabel: de deelnemer is het ermee eens"), choices=[("ja", _("Ja")), ("nee", _("Nee, nog niet"))],
        coerce=lambda v: v == "ja", widget=forms.RadioSelect,
        error_messages={"required": _("Geef aan of de deelnemer het met dit doel eens is (A – acceptabel).")},
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
        labels = {"acceptabel_toelichting": _("wat zegt de deelnemer erover?")}

    verplicht = {
        "leefgebied": _("Kies het leefgebied waar dit doel bij hoort."),
        "omschrijving": _("Beschrijf wat de deelnemer precies wil bereiken (S – specifiek)."),
        "indicator": _("Vul in waaraan jullie zien dat het doel bereikt is (M – meetbaar). "
                     "Zonder meetbare aanwijzing kan het doel niet worden opgeslagen."),
        "streefdatum": _("Kies een streefdatum: wanneer wil de deelnemer dit bereikt hebben (T – tijdgebonden)?"),
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
            self.fields["leefgebied"].choices = [("", gettext("Kies een leefgebied"))] + list(Leefgebied.choices)
        if self.instance.pk and "acceptabel" in self.fields and self.instance.acceptabel is not None:
            self.initial["acceptabel"] = "ja" if self.instance.acceptabel else "nee"

    def clean(self):
        data = super().clean()
        if (data.get("acceptabel") is False and "acceptabel_toelichting" in self.fields
                and not (data.get("acceptabel_toelichting") or "").strip()):
            self.add_error("acceptabel_toelichting",
                           gettext("De deelnemer is het (nog) niet eens met dit doel; noteer in haar woorden waarom."))
        start, doel = data.get("startscore"), data.get("doelscore")
        if start is not None and doel is not None and doel < start:
            self.add_error("doelscore", gettext("De doelscore is lager dan de startscore; kies een doelscore van %(start)s of hoger.") % {"start": start})
        return data

    def stappen(self):
        """The fields grouped per SMART letter, for the template."""
        return [(letter, naam, vraag, [self[f] for f in velden if f in self.fields])
                for letter, naam, vraag, velden in SMART_STAPPEN]


class SubdoelForm(DoelForm):
    """A smaller step towards a main goal: what, how we know, when."""

    class Meta(DoelForm.Meta):
        fields = ["omschrijving", "indicator", "streefdatum"]
        labels = {
            "omschrijving": _("Wat is de stap?"),
            "indicator": _("Waaraan zien jullie dat de stap gezet is?"),
            "streefdatum": _("Streefdatum"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("acceptabel", None)
        self.fields["omschrijving"].help_text = gettext("Een kleine, concrete stap op weg naar het hoofddoel.")
        self.fields["indicator"].help_text = gettext("Bijvoorbeeld: 'aanvraag ingediend', 'eerste afspraak gehad'.")
        self.fields["streefdatum"].help_text = gettext("Op of vóór de streefdatum van het hoofddoel.")


class VoortgangForm(UitstapForm, forms.Form):
    datum = forms.DateField(label=_("datum"), initial=datetime.date.today)
    score = score_veld(_("score (optioneel)"))
    notitie = forms.CharField(label=_("notitie"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Wat is er gebeurd, wat is de volgende stap?"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].help_text = gettext("Hoe staat het er nu voor volgens de deelnemer (1–10)?")

    def clean(self):
        data = super().clean()
        if "score" not in self.errors and data.get("score") is None and not (data.get("notitie") or "").strip():
            self.add_error(None, gettext("Vul een score of een notitie in."))
        return data


class DoelStatusForm(VersionedForm, forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=DoelStatus.choices, widget=forms.RadioSelect)
    behaald_op = forms.DateField(label=_("behaald op"), required=False, initial=datetime.date.today,
                                 help_text=_("Alleen bij Behaald."))
    conditional_fields = ("behaald_op",)

    def clean(self):
        data = super().clean()
        if data.get("status") == DoelStatus.BEHAALD and not data.get("behaald_op") and "behaald_op" not in self.errors:
            self.add_error("behaald_op", gettext("Vul in op welke datum het doel is behaald."))
        return data
