"""Shared form behaviour: Dutch labels with "(optioneel)", native date inputs, explicit fields only,
no control characters and bounded text in every form."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from uitstap.models import Programma, ProgrammaJaar
from uitstap.validators import TEKST_MAX, geen_stuurtekens


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class UitstapForm:
    """Mixin: optional fields say so, dates use the browser's date picker; every text field refuses
    control characters and has a maximum length (TEKST_MAX when the model gives none)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators.append(geen_stuurtekens)
                if field.max_length is None:
                    field.max_length = TEKST_MAX
                    field.validators.append(MaxLengthValidator(TEKST_MAX))
                    field.widget.attrs.setdefault("maxlength", str(TEKST_MAX))
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
