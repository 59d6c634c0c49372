"""Forms for the coach's day: phase, intake, contact, outcome, relapse, new traject. Fields listed explicitly."""

import datetime

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from trajecten.forms.afspraak import AfspraakControle
from trajecten.models import Contactmoment, Intake, Terugval, Traject, Uitstroom
from uitstap.codes import Afsluitreden, ContactStatus, Fase, IntakeBesluit, Leefgebied, UitstroomResultaat, UitstroomSoort
from trajecten.forms.leefsituatie import LeefsituatieForm
from uitstap.forms import UitstapForm, VersionedForm


def _niet_in_toekomst(form, veld="datum"):
    datum = form.cleaned_data.get(veld)
    if datum is not None and datum > datetime.date.today():
        form.add_error(veld, gettext("Deze datum ligt in de toekomst."))
from uitstap.models import Ketenpartner


class FaseForm(UitstapForm, forms.Form):
    fase = forms.ChoiceField(label=_("nieuwe fase"), choices=Fase.choices, widget=forms.RadioSelect)
    datum = forms.DateField(label=_("datum"), initial=datetime.date.today)
    reden = forms.CharField(
        label=_("reden"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Verplicht bij een terugstap naar een eerdere fase."),
    )
    conditional_fields = ("reden",)

    def __init__(self, *args, huidige_fase=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.huidige_fase = huidige_fase

    def clean(self):
        # Cross-field checks run even when a field failed, so every error shows in one round.
        data = super().clean()
        fase, huidig = data.get("fase"), self.huidige_fase
        if fase and huidig in Fase.values:
            if fase == huidig:
                self.add_error("fase", gettext("Het traject is al in de fase %(label)s.") % {"label": Fase(fase).label})
            elif Fase.values.index(fase) < Fase.values.index(huidig) and not (data.get("reden") or "").strip():
                self.add_error("reden", gettext("Geef een reden bij een stap terug naar een eerdere fase."))
        _niet_in_toekomst(self)
        return data


class IntakeForm(VersionedForm, forms.ModelForm):
    fase_naar_orientatie = forms.BooleanField(
        label=_("Bij toelating: fase naar oriëntatie op de intakedatum"), required=False, initial=True
    )
    # The situation at intake (issue 18): written as a Leefsituatie on the intake date.
    LEEFSITUATIE_VELDEN = ("inkomstenbron", "kvk_ingeschreven", "woonsituatie", "schulden", "sekswerk_status")
    inkomstenbron = LeefsituatieForm.base_fields["inkomstenbron"]
    kvk_ingeschreven = LeefsituatieForm.base_fields["kvk_ingeschreven"]
    woonsituatie = LeefsituatieForm.base_fields["woonsituatie"]
    schulden = LeefsituatieForm.base_fields["schulden"]
    sekswerk_status = LeefsituatieForm.base_fields["sekswerk_status"]
    clean_kvk_ingeschreven = LeefsituatieForm.clean_kvk_ingeschreven

    def leefsituatie(self) -> dict:
        return {k: self.cleaned_data.pop(k, None) for k in self.LEEFSITUATIE_VELDEN}

    class Meta:
        model = Intake
        fields = [
            "datum", "hulpvraag", "aanleiding", "levensverhaal", "wensen", "eerdere_pogingen", "hoe_gehoord",
            "verwachtingen_besproken", "vrijwillig_bevestigd", "spreekt_nederlands_of_engels",
            "verslaving", "psychiatrische_problematiek", "legaal_verblijf", "besluit", "besluit_reden",
        ]
        widgets = {
            "hulpvraag": forms.Textarea(attrs={"rows": 3}),
            "aanleiding": forms.Textarea(attrs={"rows": 3}),
            "levensverhaal": forms.Textarea(attrs={"rows": 3}),
            "wensen": forms.Textarea(attrs={"rows": 2}),
            "eerdere_pogingen": forms.Textarea(attrs={"rows": 2}),
            "besluit_reden": forms.Textarea(attrs={"rows": 2}),
            "besluit": forms.RadioSelect,
        }
        help_texts = {
            "besluit_reden": _("Verplicht als de deelnemer (nog) niet wordt toegelaten, of wordt toegelaten "
                             "ondanks een criterium of contra-indicatie."),
            "hoe_gehoord": _("Bijvoorbeeld via een lotgenoot, online of de GGD."),
        }

    conditional_fields = ("besluit_reden",)
    OUDE_CRITERIA = ("spreekt_nederlands_of_engels", "verslaving", "psychiatrische_problematiek", "legaal_verblijf")

    def clean(self):
        data = super().clean()
        besluit = data.get("besluit") or self.data.get("besluit")
        if besluit in (IntakeBesluit.NOG_NIET, IntakeBesluit.NIET_TOEGELATEN) and not (data.get("besluit_reden") or "").strip():
            self.add_error("besluit_reden", gettext("Licht toe waarom de deelnemer (nog) niet wordt toegelaten."))
        _niet_in_toekomst(self)
        return data

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["besluit"].choices = IntakeBesluit.choices
        if not self.instance.pk:
            self.initial.setdefault("datum", datetime.date.today())
        # A programme with its own list replaces the four fixed questions (older answers stay on the intake).
        self.criteria = list(criteria)
        if self.criteria:
            for veld in self.OUDE_CRITERIA:
                del self.fields[veld]
        antwoorden = {a.criterium_id: a.voldaan for a in self.instance.criteria.all()} if self.instance.pk else {}
        for c in self.criteria:
            hint = gettext("De deelnemer neemt hier zelf actie op.") if c.neemt_zelf_actie else ""
            self.fields[f"criterium_{c.pk}"] = forms.ChoiceField(
                label=f"{c.get_soort_display()}: {c.omschrijving}", required=False, help_text=hint,
                choices=[("", gettext("Niet besproken")), ("ja", gettext("Ja")), ("nee", gettext("Nee"))], widget=forms.RadioSelect,
                initial={True: "ja", False: "nee"}.get(antwoorden.get(c.pk), ""),
            )

    def criteria_antwoorden(self) -> dict:
        """{criterium pk: True/False/None}, taken out of cleaned_data."""
        return {c.pk: {"ja": True, "nee": False}.get(self.cleaned_data.pop(f"criterium_{c.pk}", "")) for c in self.criteria}


class ContactForm(AfspraakControle, VersionedForm, forms.ModelForm):
    leefgebieden = forms.MultipleChoiceField(
        label=_("besproken leefgebieden"), choices=Leefgebied.choices, required=False,
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

    def clean(self):
        data = super().clean()
        _check_contact_velden(self, data)
        if data.get("met_wie") == Contactmoment.MetWie.KETENPARTNER and not data.get("ketenpartner") \
                and "ketenpartner" not in self.errors:
            self.add_error("ketenpartner", gettext("Kies met welke ketenpartner het contact was."))
        return data


def _check_contact_velden(form, data):
    status = data.get("status")
    if status == ContactStatus.GEHOUDEN and not data.get("duur_minuten") and "duur_minuten" not in form.errors:
        form.add_error("duur_minuten", gettext("Vul de duur van het gehouden contact in."))
    if status and status != ContactStatus.GEPLAND:
        _niet_in_toekomst(form)


class SnelContactForm(AfspraakControle, UitstapForm, forms.ModelForm):
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

    @property
    def sleutel_leeg(self) -> str:
        """What an empty form's fields show besides fixed text: the initial values and the forbidden kinds (which
        add the deviation fields). The dossier keeps the rendered empty fields under this key (snel_contact.html)."""
        return f"{self.initial['datum']}|{self.initial['duur_minuten']}|{self.initial['status']}|{','.join(sorted(self.verboden))}"

    def clean(self):
        data = super().clean()
        _check_contact_velden(self, data)
        return data


class UitstroomForm(VersionedForm, forms.ModelForm):
    afsluiten = forms.BooleanField(
        label=_("Traject nu afsluiten"), required=False, initial=False,
        help_text=_("Bij uitgestapt gaat de deelnemer anders door in de nazorgfase; tussentijds gestopt sluit altijd af."),
    )

    class Meta:
        model = Uitstroom
        fields = ["soort", "datum", "resultaat", "branche", "reden", "toelichting"]
        widgets = {"soort": forms.RadioSelect, "toelichting": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "resultaat": _("Bij uitgestapt: waarnaar de deelnemer is uitgestroomd."),
            "branche": _("Bij betaald werk: in welke branche."),
            "reden": _("Bij tussentijds gestopt: waarom."),
        }

    # Required only for some answers; revealed by the choice (static/js/uitstap.js, data-toon-bij).
    conditional_fields = ("resultaat", "branche", "reden")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", datetime.date.today())
        self.fields["soort"].choices = UitstroomSoort.choices
        self.fields["soort"].error_messages["required"] = gettext("Kies uitgestapt of tussentijds gestopt.")
        self.fields["resultaat"].required = False
        self.fields["reden"].required = False
        self.fields["branche"].label = gettext("Branche")
        self.fields["resultaat"].help_text = gettext("Waarnaar de deelnemer is uitgestroomd.")
        self.fields["branche"].help_text = gettext("In welke branche werkt de deelnemer?")
        self.fields["reden"].help_text = gettext("Waarom is het traject gestopt?")

    def clean(self):
        """The fields that belong to the choice are required; the others are emptied (they were hidden)."""
        data = super().clean()
        soort = data.get("soort")
        if soort == UitstroomSoort.UITGESTAPT:
            data["reden"] = ""
            if not data.get("resultaat"):
                self.add_error("resultaat", gettext("Kies waarnaar de deelnemer is uitgestroomd."))
            elif data["resultaat"] == UitstroomResultaat.BETAALD_WERK:
                if not data.get("branche"):
                    self.add_error("branche", gettext("Kies in welke branche de deelnemer werkt."))
            else:
                data["branche"] = ""
        elif soort == UitstroomSoort.GESTOPT:
            data["resultaat"] = ""
            data["branche"] = ""
            if not data.get("reden"):
                self.add_error("reden", gettext("Kies de reden waarom het traject is gestopt."))
        _niet_in_toekomst(self)
        return data


class FoutiefForm(UitstapForm, forms.Form):
    reden = forms.CharField(
        label=_("waarom is dit contact foutief?"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld: dubbel geregistreerd, bij de verkeerde deelnemer."),
        error_messages={"required": _("Geef aan waarom dit contact foutief is geregistreerd.")},
    )


class BeeindigenForm(VersionedForm, forms.Form):
    einddatum = forms.DateField(label=_("einddatum"), initial=datetime.date.today)
    afsluitreden = forms.ChoiceField(
        label=_("reden van afsluiten"), required=False, choices=[("", "---------"), *Afsluitreden.choices],
        help_text=_("Het traject is nooit verder gekomen dan contact: het telt niet als uitval."),
    )


class IntakegesprekForm(UitstapForm, forms.Form):
    datum = forms.DateField(label=_("datum"), initial=datetime.date.today)
    notitie = forms.CharField(label=_("verslag"), widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("Levensverhaal, de situatie per leefgebied, wensen en verwachtingen."))


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
