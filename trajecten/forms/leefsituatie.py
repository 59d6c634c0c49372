"""Forms for the situation over time and the follow-up checks after an exit."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from uitstap.codes import Inkomstenbron, NacontroleTermijn, NacontroleUitkomst, Schulden, SekswerkStatus, Woonsituatie
from uitstap.forms import UitstapForm

ONGEWIJZIGD = [("", _("— ongewijzigd / niet bekend —"))]
JA_NEE = [("ja", _("Ja")), ("nee", _("Nee"))]


class LeefsituatieForm(UitstapForm, forms.Form):
    """One short form: it shows the situation now; only what the coach changes is written."""

    datum = forms.DateField(label=_("datum"), initial=datetime.date.today,
                            help_text=_("Sinds wanneer geldt de nieuwe situatie?"))
    inkomstenbron = forms.ChoiceField(label=_("inkomstenbron"), choices=ONGEWIJZIGD + Inkomstenbron.choices,
                                      required=False)
    kvk_ingeschreven = forms.ChoiceField(label=_("ingeschreven bij de KvK / opting-in"), choices=ONGEWIJZIGD + JA_NEE,
                                         required=False)
    woonsituatie = forms.ChoiceField(label=_("woonsituatie"), choices=ONGEWIJZIGD + Woonsituatie.choices,
                                     required=False)
    schulden = forms.ChoiceField(label=_("schulden"), choices=ONGEWIJZIGD + Schulden.choices, required=False)
    sekswerk_status = forms.ChoiceField(
        label=_("sekswerk"), choices=ONGEWIJZIGD + SekswerkStatus.choices, required=False,
        help_text=_("Hervat tijdens het traject is een terugval; leg die hier vast met de datum."),
    )
    notitie = forms.CharField(label=_("notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, situatie: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for veld, waarde in (situatie or {}).items():
            if waarde is None:
                continue
            if veld == "kvk_ingeschreven":
                waarde = "ja" if waarde else "nee"
            self.initial.setdefault(veld, waarde)

    def clean_kvk_ingeschreven(self):
        waarde = self.cleaned_data.get("kvk_ingeschreven")
        return {"ja": True, "nee": False}.get(waarde)

    def situatie(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("datum", "notitie")}


class NacontroleForm(UitstapForm, forms.Form):
    datum = forms.DateField(label=_("datum van de nacontrole"), initial=datetime.date.today)
    termijn = forms.ChoiceField(label=_("termijn"), choices=NacontroleTermijn.choices, widget=forms.RadioSelect)
    uitkomst = forms.ChoiceField(
        label=_("uitkomst"), choices=NacontroleUitkomst.choices, widget=forms.RadioSelect,
        help_text=_("Niet bereikt? Kies onbekend: zonder contact weten we niet hoe het gaat."),
    )
    notitie = forms.CharField(label=_("notitie"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
