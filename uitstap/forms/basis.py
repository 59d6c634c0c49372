"""Shared form behaviour: Dutch labels with "(optioneel)", native date inputs, text inputs for numbers,
Dutch amounts, one placeholder style, constraint violations as Dutch messages at the field; no control
characters and bounded text in every form."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _, gettext_lazy, gettext_noop

from uitstap.locking import Conflict
from uitstap.validators import TEKST_MAX, geen_stuurtekens

# The one placeholder of every select in a form (filters say "Alle …" instead).
LEGE_KEUZE = gettext_lazy("— kies —")

# Every database constraint a form can run into, as (field, Dutch message). A test checks that each
# CheckConstraint and UniqueConstraint of the project has an entry, so no constraint name reaches a screen.
CONSTRAINT_MESSAGES = {
    "klantmanager_heeft_gemeente": ("gemeente", gettext_lazy("Kies de gemeente van de klantmanager.")),
    "programma_einddatum_na_start": ("einddatum", gettext_lazy("De einddatum ligt vóór de startdatum.")),
    "een_programmajaar_per_jaar": ("jaar", gettext_lazy("Voor dit jaar zijn de cijfers al ingevuld.")),
    "ketenpartner_naam_uniek": ("naam", gettext_lazy("Er staat al een ketenpartner met deze naam op de sociale kaart.")),
    "clientcode_uniek_per_programma": ("clientcode", gettext_lazy("Deze clientcode is al in gebruik.")),
    "achtervang_niet_begeleider": ("achtervang", gettext_lazy("Kies als achtervang iemand anders dan de trajectbegeleider.")),
    "bedenktijd_volgorde": ("bedenktijd_eind", gettext_lazy("Het einde van de bedenktijd ligt vóór het begin.")),
    "traject_einde_na_aanmelding": ("einddatum", gettext_lazy("De einddatum ligt vóór de aanmelddatum.")),
    "uitstroom_velden_passen_bij_soort": ("soort", gettext_lazy("Vul bij uitgestapt een resultaat in en bij tussentijds gestopt een reden.")),
    "branche_alleen_bij_betaald_werk": ("branche", gettext_lazy("Een branche hoort alleen bij betaald werk.")),
    "een_score_per_leefgebied": ("scores", gettext_lazy("Elk leefgebied krijgt één score per meting.")),
    "metingscore_1_tot_10": ("scores", gettext_lazy("Een score ligt tussen 1 en 10.")),
    "trajectplan_volgnummer_uniek": (None, gettext_lazy("Er is intussen al een nieuwe versie van dit plan gemaakt. Laad de pagina opnieuw.")),
    "actief_plan_is_ondertekend": ("ondertekend_deelnemer_op", gettext_lazy("Een actief plan is door de deelnemer en de trajectbegeleider ondertekend: vul beide datums in.")),
    "verwijzing_status_past_bij_datums": ("status", gettext_lazy("De status past niet bij de datums: gestart hoort bij een startdatum, afgerond, afgewezen en afgebroken bij een einddatum.")),
    "gebruikersnaam_uniek_hoofdletterongevoelig": ("username", gettext_lazy("Deze gebruikersnaam is al in gebruik (hoofdletters tellen niet mee).")),
    "accountverzoek_vier_ogen": (None, gettext_lazy("Een tweede persoon moet dit verzoek goedkeuren, niet wie het vroeg.")),
    "accountverzoek_een_open_per_soort": (None, gettext_lazy("Voor dit account staat al een verzoek van deze soort open.")),
    "auditevent_hash_uniek": (None, gettext_lazy("Deze gebeurtenis staat al in het auditlog.")),
    "een_open_traject_per_deelnemer": (None, gettext_lazy("Deze deelnemer heeft nog een lopend traject. Sluit dat eerst af.")),
    "doel_startscore_1_tot_10": ("startscore", gettext_lazy("Een score ligt tussen 1 en 10.")),
    "doel_doelscore_1_tot_10": ("doelscore", gettext_lazy("Een score ligt tussen 1 en 10.")),
    "behaald_op_alleen_bij_behaald": ("behaald_op", gettext_lazy("Een datum behaald hoort alleen bij de status Behaald.")),
    "voortgang_score_1_tot_10": ("score", gettext_lazy("Een score ligt tussen 1 en 10.")),
    "verwijzing_start_na_verwijzing": ("gestart", gettext_lazy("De hulp kan niet eerder starten dan de verwijzing.")),
    "verwijzing_einde_na_verwijzing": ("beeindigd", gettext_lazy("De verwijzing kan niet eerder eindigen dan ze begon.")),
    # issue 17: consent and joint processing
    "gezamenlijke_verwerking_heeft_datum": ("gezamenlijke_verwerking_sinds", gettext_lazy("Vul in wanneer de regeling voor gezamenlijke verwerking is vastgelegd.")),
    "toestemming_geldig_na_gegeven": ("geldig_tot", gettext_lazy("De toestemming kan niet aflopen voordat ze is gegeven.")),
    "toestemming_ingetrokken_door": (None, gettext_lazy("Bij een intrekking horen de datum en wie de toestemming introk.")),
    "toestemming_formulier_heeft_document": ("document", gettext_lazy("Kies het ondertekende formulier bij Documenten.")),
    "toestemming_gemeente_of_programma": (None, gettext_lazy("Een toestemming geldt voor één gemeente of, bij een overdracht, voor één ander programma.")),
    "overdracht_een_open_per_deelnemer": (None, gettext_lazy("Voor deze deelnemer staat al een overdracht open. Trek die eerst in.")),
    "overdracht_geaccepteerd_heeft_deelnemer": (None, gettext_lazy("Bij een geaccepteerde overdracht hoort de nieuwe deelnemer in het ontvangende programma.")),
    "overdracht_naar_ander_programma": ("naar_programma", gettext_lazy("Kies een ander programma dan het eigen programma.")),
    # issue 18: intake criteria, leefsituatie, nacontrole
    "toelatingscriterium_uniek": ("omschrijving", gettext_lazy("Dit criterium staat al op de lijst van het programma.")),
    "een_antwoord_per_criterium": (None, gettext_lazy("Elk criterium krijgt één antwoord per intake.")),
    "leefsituatie_niet_leeg": (None, gettext_lazy("Vul in wat er veranderd is.")),
    "nacontrole_termijn_bekend": ("termijn", gettext_lazy("Kies de termijn van de nacontrole: 6 of 12 maanden.")),
    "nacontrole_uitkomst_bekend": ("uitkomst", gettext_lazy("Kies wat de nacontrole opleverde.")),
    "afsluitreden_alleen_bij_einddatum": ("afsluitreden", gettext_lazy("Een afsluitreden hoort bij een afgesloten traject.")),
    # issue 19: safe contact, legal route, outreach
    "contactafspraak_versie_uniek": (None, gettext_lazy("Iemand anders heeft de contactafspraken intussen gewijzigd. Laad de pagina opnieuw.")),
    "juridische_route_versie_uniek": (None, gettext_lazy("Iemand anders heeft de juridische route intussen gewijzigd. Laad de pagina opnieuw.")),
    "route_bedenktijd_volgorde": ("bedenktijd_eind", gettext_lazy("De bedenktijd eindigt voor hij begint.")),
    "route_vergunning_volgorde": ("vergunning_eind", gettext_lazy("De vergunning eindigt voor hij begint.")),
    "route_aangifte_of_geen": ("geen_aangifte_op", gettext_lazy("Vul een aangiftedatum of een datum voor geen aangifte in, niet allebei.")),
    "samengevoegd_met_en_op": (None, gettext_lazy("Een samengevoegd dossier heeft een datum en een ander dossier waarin het is opgegaan.")),
    "geen_duplicaat_uniek": (None, gettext_lazy("Deze twee deelnemers zijn al als verschillende personen vastgelegd.")),
    "geen_duplicaat_volgorde": (None, gettext_lazy("Kies twee verschillende deelnemers.")),
    "outreachlocatie_naam_uniek": ("naam", gettext_lazy("Deze locatie staat al op de lijst van het programma.")),
    "outreach_gesprekken_niet_meer_dan_bereikt": ("gesprekken", gettext_lazy("Er kunnen niet meer gesprekken zijn dan mensen bereikt.")),
    # issue 16: the beschikking and the verslag
    "beschikking_nummer_uniek": ("nummer", gettext_lazy("Er is al een beschikking met dit nummer voor dit programma.")),
    "beschikking_einde_na_start": ("einddatum", gettext_lazy("De einddatum van de subsidieperiode ligt vóór de startdatum.")),
    "beschikking_bedrag_niet_negatief": ("bedrag", gettext_lazy("Het subsidiebedrag kan niet negatief zijn.")),
    "verslagperiode_nummer_uniek": (None, gettext_lazy("Deze verslagperiode bestaat al.")),
    "verslagperiode_tot_na_van": ("tot", gettext_lazy("Het einde van de periode ligt vóór het begin.")),
    "begrotingsregel_post_uniek": ("post", gettext_lazy("Deze begrotingspost staat er al.")),
    "begrotingsregel_post_bekend": ("post", gettext_lazy("Kies een begrotingspost uit de lijst.")),
    "besteding_post_uniek": ("post", gettext_lazy("Voor deze post is in deze periode al een besteding ingevuld.")),
    "besteding_post_bekend": ("post", gettext_lazy("Kies een begrotingspost uit de lijst.")),
    "cofinancier_naam_uniek": ("naam", gettext_lazy("Deze cofinancier staat er al.")),
    "verslag_versie_uniek": (None, gettext_lazy("Er is intussen al een nieuwe versie van dit verslag gemaakt. Laad de pagina opnieuw.")),
    "eindverslag_versie_uniek": (None, gettext_lazy("Er is intussen al een nieuwe versie van het eindverslag gemaakt. Laad de pagina opnieuw.")),
    "verslag_periode_past_bij_soort": (None, gettext_lazy("Een jaarverslag hoort bij een verslagperiode, een eindverslag bij de hele subsidieperiode.")),
    # issue 17: the werkoverleg
    "werkoverleg_een_per_dag": ("datum", gettext_lazy("Op deze datum staat al een werkoverleg met deze gemeente gepland.")),
    "werkoverleg_afspraak_afgerond_door": (None, gettext_lazy("Bij een afgeronde afspraak horen de datum en wie haar afrondde.")),
    "definitief_verslag_is_bevroren": (None, gettext_lazy("Een definitief verslag kan niet meer worden gewijzigd; maak een nieuwe versie.")),
}
ONBEKENDE_CONSTRAINT = gettext_lazy("Deze combinatie van gegevens kan niet. Controleer de gemarkeerde velden.")

GETAL_MELDING = gettext_lazy("Vul een heel getal in, zoals 60.")
BEDRAG_MELDING = gettext_lazy("Vul een bedrag in euro's in, zoals 205.000 of 205.000,50.")
# Per field name: a message with an example that fits the field.
GETAL_VOORBEELDEN = {
    "geboortejaar": gettext_lazy("Vul een jaartal in, zoals 1994."),
    "jaar": gettext_lazy("Vul een jaartal in, zoals 2026."),
    "duur_minuten": gettext_lazy("Vul de duur in minuten in, als heel getal, zoals 45."),
    "startscore": gettext_lazy("Vul een heel getal van 1 tot en met 10 in."),
    "doelscore": gettext_lazy("Vul een heel getal van 1 tot en met 10 in."),
    "score": gettext_lazy("Vul een heel getal van 1 tot en met 10 in."),
    "verwacht_deelnemers": gettext_lazy("Vul een aantal in, als heel getal, zoals 40."),
    "intakes_begroot": gettext_lazy("Vul een aantal in, als heel getal, zoals 40."),
}
_DUTCH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class GetalInput(forms.TextInput):
    """A number as text: the browser keeps what was typed ("19e"), so the message can say what is wrong."""

    def __init__(self, attrs=None, decimaal=False):
        base = {"inputmode": "decimal" if decimaal else "numeric", "autocomplete": "off"}
        if not decimaal:
            base["pattern"] = "[0-9]*"
        super().__init__(attrs={**base, **(attrs or {})})


class BedragField(forms.DecimalField):
    """An amount in Dutch notation: 205.000 and 205.000,50 (Django's localized input takes the comma)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("€", "").replace(" ", "")
            if _DUTCH_THOUSANDS.match(value):
                value = value.replace(".", "")
        return super().to_python(value)


def _maak_getalveld(naam, field):
    attrs = {k: v for k, v in field.widget.attrs.items() if k not in ("min", "max", "step")}
    decimaal = isinstance(field, forms.DecimalField)
    field.widget = GetalInput(attrs=attrs, decimaal=decimaal)
    if decimaal:
        field.__class__ = BedragField
        field.localize = True
        field.widget.is_localized = True
        melding = BEDRAG_MELDING
    else:
        melding = GETAL_VOORBEELDEN.get(naam, GETAL_MELDING)
    if "invalid" not in field.error_messages or field.error_messages["invalid"] in (
        forms.IntegerField.default_error_messages["invalid"], forms.DecimalField.default_error_messages["invalid"],
    ):
        field.error_messages["invalid"] = melding
    field.error_messages.setdefault("max_digits", _("Dit bedrag is te groot."))
    field.error_messages["max_decimal_places"] = _("Gebruik hoogstens twee cijfers na de komma, zoals 205.000,50.")
    field.error_messages["max_whole_digits"] = _("Dit bedrag is te groot.")


class UitstapForm:
    """Mixin: optional fields say so, dates use the browser's date picker, numbers are text with a Dutch
    message, selects share one placeholder, and constraint violations land at the field in Dutch.

    `conditional_fields`: fields that are required only for some answers (checked in clean()); they get
    no "(optioneel)". Every text field refuses control characters and has a maximum length (TEKST_MAX
    when the model gives none).
    """

    conditional_fields: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, field in self.fields.items():
            if isinstance(field, forms.CharField):
                field.validators.append(geen_stuurtekens)
                if field.max_length is None:
                    field.max_length = TEKST_MAX
                    field.validators.append(MaxLengthValidator(TEKST_MAX))
                    field.widget.attrs.setdefault("maxlength", str(TEKST_MAX))
            if isinstance(field.widget, forms.HiddenInput):
                continue
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs={k: v for k, v in field.widget.attrs.items() if k != "type"})
            if isinstance(field, forms.TimeField):
                field.widget = TimeInput()
            if isinstance(field, (forms.IntegerField, forms.DecimalField)):
                _maak_getalveld(naam, field)
            if isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField):
                if field.empty_label is not None:
                    field.empty_label = LEGE_KEUZE
            elif isinstance(field, forms.ChoiceField) and not isinstance(field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
                keuzes = list(field.choices)
                if keuzes and keuzes[0][0] in ("", None):
                    field.choices = [("", LEGE_KEUZE)] + keuzes[1:]
            if (
                not field.required
                and field.label
                and naam not in self.conditional_fields
                and not isinstance(field, forms.BooleanField)
                and "(optioneel)" not in str(field.label)
            ):
                field.label = _("%(label)s (optioneel)") % {"label": field.label}
            if field.label:
                label = str(field.label)
                field.label = label[:1].upper() + label[1:]

    def validate_constraints(self):
        """Each violated constraint as a Dutch message at its field (never its name)."""
        instance = getattr(self, "instance", None)
        if instance is None:
            return
        exclude = self._get_validation_exclusions()
        for model_class, constraints in instance.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, instance, exclude=exclude)
                except ValidationError:
                    veld, bericht = CONSTRAINT_MESSAGES.get(constraint.name, (None, ONBEKENDE_CONSTRAINT))
                    self.add_error(veld if veld in self.fields else None, bericht)

    def error_summary(self):
        """(field id or None, short label, message) for the error summary: one list for the whole form."""
        items = [(None, "", e) for e in self.non_field_errors()]
        for bound in self:
            for e in bound.errors:
                items.append((bound.id_for_label, kort_label(bound.label), e))
        return items


def kort_label(label) -> str:
    """A label short enough for an error summary: "S – specifiek: wat precies?" -> "Specifiek"."""
    label = str(label or "").replace(" (optioneel)", "")
    m = re.match(r"^[A-Z] – ([^:]+):", label)
    if m:
        label = m.group(1)
    label = label.split(":")[0].rstrip("?")
    return label[:1].upper() + label[1:]


# Plain strings (tests and other modules compare them); marked for makemessages and translated where used.
VEROUDERD = gettext_noop("Dit formulier is verouderd. Laad de pagina opnieuw en vul het opnieuw in.")
CONFLICT = gettext_noop("Iemand anders heeft dit intussen opgeslagen. Hieronder staat wat die persoon opsloeg; jouw invoer "
            "staat nog in het formulier. Sla opnieuw op om jouw versie te bewaren.")


class VersionedForm(UitstapForm):
    """A form that edits a record two people may edit at once: carries the version the user saw.

    The record is the ModelForm's instance, or `versie_van=` for a plain form that edits one. For an
    existing record the version is required: without it a save would overwrite blindly.
    """

    version_field = "versie"

    def __init__(self, *args, versie_van=None, **kwargs):
        super().__init__(*args, **kwargs)
        record = versie_van if versie_van is not None else getattr(self, "instance", None)
        bestaand = record is not None and record.pk is not None
        self.fields["gelezen_versie"] = forms.IntegerField(
            widget=forms.HiddenInput, required=bestaand, error_messages={"required": _(VEROUDERD), "invalid": _(VEROUDERD)},
        )
        if bestaand and not self.is_bound:
            self.initial["gelezen_versie"] = getattr(record, self.version_field)
        self.conflict_waarden = []
        self._record = record if bestaand else None

    def clean(self):
        data = super().clean()
        # Seen early, the conflict is what the user hears, not a check that only fails because the
        # record changed underneath (a status that is no longer a choice). The service checks again.
        gelezen = data.get("gelezen_versie")
        if self._record is not None and gelezen is not None:
            actueel = type(self._record).objects.get(pk=self._record.pk)
            if getattr(actueel, self.version_field) != gelezen:
                toon_conflict(self, Conflict(actueel))
        return data


def toon_conflict(form, conflict) -> None:
    """Show a Conflict on the form: the message, the other person's saved values, and their version,
    so saving again is a knowing overwrite. The user's own input stays in the form."""
    actueel = conflict.actueel
    form.add_error(None, _(CONFLICT))
    waarden = []
    for naam, field in form.fields.items():
        if naam == "gelezen_versie" or not hasattr(actueel, naam):
            continue
        weergave = getattr(actueel, f"get_{naam}_display", None)
        waarde = weergave() if callable(weergave) else getattr(actueel, naam)
        if hasattr(waarde, "all"):
            waarde = ", ".join(str(x) for x in waarde.all())
        waarden.append((field.label, "—" if waarde in (None, "") else waarde))
    if not waarden:
        # A form about a record it does not show field by field (closing a traject): its stored state.
        for f in actueel._meta.concrete_fields:
            if f.editable and not f.primary_key and not f.is_relation and f.name != "versie":
                waarde = getattr(actueel, f"get_{f.name}_display", lambda: getattr(actueel, f.name))()
                waarden.append((str(f.verbose_name)[:1].upper() + str(f.verbose_name)[1:], "—" if waarde in (None, "") else waarde))
    form.conflict_waarden = waarden
    form.data = form.data.copy()
    form.data["gelezen_versie"] = getattr(actueel, getattr(form, "version_field", "versie"))


def _constraint_by_message():
    from django.apps import apps

    berichten = {}
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if hasattr(constraint, "get_violation_error_message"):
                berichten[str(constraint.get_violation_error_message())] = constraint.name
    return berichten


def _dutch(field, message):
    """A service's message, with a constraint violation replaced by its Dutch field message."""
    naam = _constraint_by_message().get(str(message))
    if naam is None:
        return field, message
    veld, bericht = CONSTRAINT_MESSAGES.get(naam, (None, ONBEKENDE_CONSTRAINT))
    return (veld or field), bericht


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field where there is one, else on top."""
    if hasattr(error, "error_dict"):
        paren = [(field, m) for field, errs in error.error_dict.items() for e in errs for m in e.messages]
    else:
        paren = [(None, m) for m in error.messages]
    for field, message in paren:
        field, message = _dutch(field, message)
        if field not in form.fields:
            field = None
        if field is not None and message in form.errors.get(field, []):
            continue
        form.add_error(field, message)


def schrijf_via_form(form, schrijf) -> bool:
    """Run one service write for a valid form: a Conflict shows the other person's values on the form, a
    ValidationError lands at its fields. True when the write happened (then the view redirects)."""
    try:
        schrijf()
    except Conflict as conflict:
        toon_conflict(form, conflict)
    except ValidationError as error:
        add_errors(form, error)
    else:
        return True
    return False
