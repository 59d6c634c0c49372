"""Forms of the warm handover: preparing it (the consent for the transfer), accepting, declining, withdrawing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clients.forms import ToestemmingForm
from uitstap.forms import VersionedForm
from uitstap.models import Programma


class OverdrachtForm(ToestemmingForm):
    """The consent for the transfer, recorded like every consent, with the receiving programme and a message."""

    gemeente = None  # the recipient is a programme here
    geldig_tot = None  # a consent for a transfer runs the standard year; it is used once
    naar_programma = forms.ModelChoiceField(
        label=_("naar programma"), queryset=Programma.objects.none(),
        help_text=_("Het programma waar de deelnemer verder gaat. Daar beslist de coördinator over de overdracht."),
    )
    bericht = forms.CharField(
        label=_("bericht voor het ontvangende programma"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        help_text=_("Waarom de deelnemer overgaat en wat het andere programma moet weten. Geen gevoelige inhoud "
                    "die de deelnemer niet heeft aangevinkt."),
    )
    field_order = ["naar_programma", "scopes", "bericht", "gegeven_op", "wijze", "document", "verklaring", "tekstversie"]

    def __init__(self, *args, programmas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar_programma"].queryset = programmas
        self.fields["scopes"].label = _("Wat gaat mee")
        self.fields["scopes"].help_text = _(
            "De deelnemer kiest per onderdeel. Gevoelige gegevens gaan alleen mee als 'Gevoelig' is aangevinkt. "
            "Notities van contacten gaan nooit mee.")


class OverdrachtAccepterenForm(VersionedForm, forms.Form):
    begeleider = forms.ModelChoiceField(
        label=_("trajectbegeleider (optioneel)"), queryset=None, required=False,
        help_text=_("Kan ook later, via Begeleiding wijzigen in het dossier."),
    )
    achtervang = forms.ModelChoiceField(label=_("achtervang (optioneel)"), queryset=None, required=False)

    def __init__(self, *args, begeleiders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begeleider"].queryset = begeleiders
        self.fields["achtervang"].queryset = begeleiders


class OverdrachtAfwijzenForm(VersionedForm, forms.Form):
    reden = forms.CharField(
        label=_("reden van afwijzen"), max_length=500, widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
        help_text=_("De trajectbegeleider van het andere programma ziet deze reden."),
    )


class OverdrachtIntrekkenForm(VersionedForm, forms.Form):
    PROGRAMMA, TOESTEMMING = "programma", "toestemming"
    wie = forms.ChoiceField(
        label=_("wie trekt in"), widget=forms.RadioSelect, initial=PROGRAMMA, choices=[
            (PROGRAMMA, _("Wij trekken de overdracht in (de toestemming blijft staan, maar wordt niet gebruikt)")),
            (TOESTEMMING, _("De deelnemer trekt haar toestemming voor de overdracht in")),
        ],
    )
    reden = forms.CharField(label=_("reden (optioneel)"), max_length=300, required=False,
                            help_text=_("Kort, zonder gevoelige inhoud. De deelnemer hoeft geen reden te geven."))
    bevestigd = forms.BooleanField(label=_("Ja, trek de overdracht nu in. Het andere programma ziet er vanaf nu niets meer van."))


