"""Shared form behaviour: Dutch labels with "(optioneel)", native date inputs, explicit fields only."""

from django import forms
from django.core.exceptions import ValidationError

from uitstap.locking import Conflict
from uitstap.models import Programma, ProgrammaJaar


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class UitstapForm:
    """Mixin: optional fields say so, dates use the browser's date picker."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField) and not isinstance(field.widget, forms.HiddenInput):
                field.widget = DateInput()
            if isinstance(field, forms.TimeField) and not isinstance(field.widget, forms.HiddenInput):
                field.widget = TimeInput()
            if (
                not field.required
                and field.label
                and not isinstance(field, forms.BooleanField)
                and "(optioneel)" not in str(field.label)
            ):
                field.label = f"{field.label} (optioneel)"
            if field.label:
                label = str(field.label)
                field.label = label[:1].upper() + label[1:]


VEROUDERD = "Dit formulier is verouderd. Laad de pagina opnieuw en vul het opnieuw in."
CONFLICT = ("Iemand anders heeft dit intussen opgeslagen. Hieronder staat wat die persoon opsloeg; jouw invoer "
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
            widget=forms.HiddenInput, required=bestaand, error_messages={"required": VEROUDERD, "invalid": VEROUDERD},
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
    form.add_error(None, CONFLICT)
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


class ProgrammaForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Programma
        fields = [
            "naam", "regeling", "startdatum", "einddatum", "gemeenten", "wachttijd_signaal_dagen",
            "bewaartermijn_jaren", "wettelijke_naam_op_pdf",
        ]
        widgets = {"gemeenten": forms.CheckboxSelectMultiple}


class ProgrammaJaarForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = ProgrammaJaar
        fields = ["jaar", "verwacht_deelnemers", "intakes_begroot", "begroting", "uitgaven"]


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field where there is one, else on top."""
    if hasattr(error, "error_dict"):
        for field, errs in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, error)


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
