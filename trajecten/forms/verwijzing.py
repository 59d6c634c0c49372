"""Forms for referrals: refer, correct, move the status on, record the partner's intake, add feedback."""

import datetime

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from trajecten.models import Doel, Terugkoppeling, Verwijzing
from uitstap.codes import VerwijzingStatus
from uitstap.forms import UitstapForm, VersionedForm
from uitstap.models import Contactpersoon, Ketenpartner

S = VerwijzingStatus


class PartnerKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.naam} ({obj.get_soort_display()})"


class ContactpersoonKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.naam} – {obj.ketenpartner.naam}" + (f" ({obj.functie})" if obj.functie else "")


class VerwijzingForm(VersionedForm, forms.ModelForm):
    """A new referral (short: partner, help, date, contact person) or a full correction of one."""

    ketenpartner = PartnerKeuze(label=_("ketenpartner"), queryset=Ketenpartner.objects.none())
    contactpersoon = ContactpersoonKeuze(
        label=_("contactpersoon"), queryset=Contactpersoon.objects.none(), required=False,
        help_text=_("De vaste contactpersoon bij deze partner, als je die hebt gebruikt."),
    )

    class Meta:
        model = Verwijzing
        fields = ["ketenpartner", "hulpvraag", "doel", "verwezen", "contactpersoon", "status", "intake_partner",
                  "gestart", "beeindigd", "reden"]
        widgets = {"reden": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "hulpvraag": _("Waarvoor verwijs je? Bijvoorbeeld: schuldenoverzicht en budgetbeheer."),
            "doel": _("Hoort de verwijzing bij een doel in het trajectplan?"),
            "reden": _("Verplicht als de verwijzing is afgewezen of afgebroken."),
        }

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        programma_id = traject.deelnemer.programma_id
        partners = Ketenpartner.objects.filter(programma_id=programma_id, actief=True)
        personen = Contactpersoon.objects.filter(ketenpartner__programma_id=programma_id, actief=True)
        if self.instance.pk:
            # A partner or person made inactive later stays choosable on the referrals that already name them.
            partners = partners | Ketenpartner.objects.filter(pk=self.instance.ketenpartner_id)
            personen = personen | Contactpersoon.objects.filter(pk=self.instance.contactpersoon_id)
        self.fields["ketenpartner"].queryset = partners.order_by("naam")
        self.fields["contactpersoon"].queryset = personen.select_related("ketenpartner").order_by("ketenpartner__naam", "naam")
        self.fields["doel"].queryset = Doel.objects.filter(plan__traject=traject).order_by("leefgebied", "volgorde", "id")
        self.fields["doel"].required = False
        self.fields["status"].choices = S.choices
        if not self.instance.pk:
            # A new referral is short; dates further on are recorded with the actions on the tab.
            for veld in ("intake_partner", "gestart", "beeindigd", "reden"):
                del self.fields[veld]
            self.fields["status"].choices = [(S.AANGEVRAAGD, S.AANGEVRAAGD.label), (S.WACHTLIJST, S.WACHTLIJST.label)]
            self.fields["status"].widget = forms.RadioSelect(choices=self.fields["status"].choices)
            self.initial.setdefault("verwezen", datetime.date.today())
            self.initial.setdefault("status", S.AANGEVRAAGD)
        if not self.fields["doel"].queryset.exists():
            del self.fields["doel"]

    conditional_fields = ("reden",)

    def validate_constraints(self):
        # The service checks the same rules with a Dutch message at the right field.
        pass

    def clean(self):
        # The date order and the reason, also when another field failed (one round of errors).
        data = super().clean()
        verwezen = data.get("verwezen")
        for veld, bericht in (("intake_partner", gettext("De intake bij de partner kan niet vóór de verwijzing liggen.")),
                              ("gestart", gettext("De hulp kan niet eerder starten dan de verwijzing.")),
                              ("beeindigd", gettext("De einddatum kan niet vóór de verwijzing liggen."))):
            if verwezen and data.get(veld) and data[veld] < verwezen:
                self.add_error(veld, bericht)
        if "reden" in self.fields and data.get("status") in (S.AFGEWEZEN, S.AFGEBROKEN) \
                and not (data.get("reden") or "").strip():
            self.add_error("reden", gettext("Geef een reden: waarom is de verwijzing afgewezen of afgebroken?"))
        return data


class VerwijzingStatusForm(VersionedForm, forms.Form):
    """Move a referral on, with the date it happened and (when refused or broken off) the reason."""

    status = forms.ChoiceField(label=_("nieuwe status"), choices=S.choices, widget=forms.RadioSelect)
    datum = forms.DateField(
        label=_("datum"), initial=datetime.date.today, required=False,
        help_text=_("Bij Gestart: de dag dat de hulp begon. Bij Afgerond, Afgewezen of Afgebroken: de dag dat het eindigde."),
    )
    reden = forms.CharField(label=_("reden"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=_("Verplicht bij Afgewezen en Afgebroken."))
    conditional_fields = ("datum", "reden")

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status in (S.GESTART, S.AFGEROND, S.AFGEWEZEN, S.AFGEBROKEN) and not data.get("datum") \
                and "datum" not in self.errors:
            self.add_error("datum", gettext("Vul de datum in."))
        if status in (S.AFGEWEZEN, S.AFGEBROKEN) and not (data.get("reden") or "").strip():
            self.add_error("reden", gettext("Geef een reden: waarom is de verwijzing afgewezen?") if status == S.AFGEWEZEN
                           else gettext("Geef een reden: waarom is de hulp afgebroken?"))
        return data

    def __init__(self, *args, verwijzing: Verwijzing, **kwargs):
        super().__init__(*args, versie_van=verwijzing, **kwargs)
        self.fields["datum"].label = gettext("Datum")
        keuzes = [(s, s.label) for s in S if s != verwijzing.status and s != S.AANGEVRAAGD]
        self.fields["status"].choices = keuzes
        self.fields["status"].widget.choices = keuzes


class VerwijzingIntakeForm(VersionedForm, forms.Form):
    intake_partner = forms.DateField(label=_("datum intake bij de partner"), initial=datetime.date.today,
                                     help_text=_("Mag in de toekomst liggen als de intake gepland is."))


class TerugkoppelingForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Terugkoppeling
        fields = ["datum", "notitie"]
        widgets = {"notitie": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"notitie": _("Wat meldde de partner? Bijvoorbeeld: intake geweest, staat op de wachtlijst tot maart.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", datetime.date.today())
