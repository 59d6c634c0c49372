"""The confirmation a contact form asks for when its soort is one the safe-contact arrangement forbids."""

from django import forms
from django.utils.translation import gettext


class AfspraakControle:
    """Mixin for the contact forms: `verboden` = {soort: why} of the arrangement in force.

    A forbidden soort is a form error until the coach ticks the confirmation and gives a reason.
    """

    def __init__(self, *args, verboden: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.verboden = verboden or {}
        if self.verboden:
            self.fields["afwijking_bevestigd"] = forms.BooleanField(
                label=gettext("Ik wijk bewust af van de contactafspraken"), required=False,
            )
            self.fields["afwijking_reden"] = forms.CharField(
                label=gettext("Reden van de afwijking (verplicht bij afwijken)"), required=False, max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        data = super().clean()
        soort = data.get("soort")
        instance = getattr(self, "instance", None)
        ongewijzigd = instance is not None and instance.pk and instance.soort == soort
        if soort in self.verboden and not ongewijzigd:
            if not data.get("afwijking_bevestigd") or not (data.get("afwijking_reden") or "").strip():
                self.add_error("soort", gettext("Volgens de contactafspraken %(afspraak)s. Vink aan dat je bewust afwijkt en geef een reden.") % {"afspraak": self.verboden[soort]})
        else:
            data["afwijking_reden"] = ""
        return data
