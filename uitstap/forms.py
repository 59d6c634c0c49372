"""Shared form behaviour: Dutch labels with "(optioneel)", native date inputs, explicit fields only."""

from django import forms
from django.core.exceptions import ValidationError

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


class VersionedForm(UitstapForm):
    """A form for a record two people may edit at once: carries the version it was read at."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        bestaand = instance is not None and instance.pk is not None
        # Editing an existing record without knowing which version was read would overwrite blindly.
        self.fields["gelezen_versie"] = forms.IntegerField(
            widget=forms.HiddenInput, required=bestaand,
            error_messages={"required": "Dit formulier is verouderd. Laad de pagina opnieuw en vul het opnieuw in."},
        )
        if bestaand and not self.is_bound:
            self.initial["gelezen_versie"] = getattr(instance, self.version_field)

    version_field = "versie"


class ProgrammaForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Programma
        fields = [
            "naam", "regeling", "startdatum", "einddatum", "gemeenten", "wachttijd_signaal_dagen",
            "bewaartermijn_jaren", "wettelijke_naam_op_pdf",
            "nazorg_duur_maanden", "nazorg_contact_dagen", "nacontrole_6m", "nacontrole_12m",
        ]
        widgets = {"gemeenten": forms.CheckboxSelectMultiple}


class ProgrammaJaarForm(UitstapForm, forms.ModelForm):
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
