"""Forms of the programme and its yearly figures (edited by the coordinator)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from uitstap.forms.basis import VersionedForm
from uitstap.models import Programma, ProgrammaJaar


class ProgrammaForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Programma
        fields = [
            "naam", "regeling", "startdatum", "einddatum", "gemeenten", "centrumgemeente", "wachttijd_signaal_dagen",
            "bewaartermijn_jaren", "wettelijke_naam_op_pdf", "gezamenlijke_verwerking", "gezamenlijke_verwerking_sinds",
            "nazorg_duur_maanden", "nazorg_contact_dagen", "nacontrole_6m", "nacontrole_12m",
        ]
        widgets = {"gemeenten": forms.CheckboxSelectMultiple}

    def clean(self):
        data = super().clean()
        centrum, gemeenten = data.get("centrumgemeente"), data.get("gemeenten")
        if centrum is not None and gemeenten is not None and centrum not in gemeenten:
            self.add_error("centrumgemeente", _("Kies als centrumgemeente een van de gemeenten in de regio."))
        return data


class ProgrammaJaarForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = ProgrammaJaar
        fields = ["jaar", "verwacht_deelnemers", "intakes_begroot", "begroting", "uitgaven"]
