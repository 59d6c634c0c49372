"""Forms for the beheerder's account screens. Fields listed explicitly; rules live in services_accounts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from uitstap.codes import Rol
from uitstap.forms.basis import UitstapForm
from uitstap.models import Gemeente, Organisatie


class _RolVelden(forms.Form):
    first_name = forms.CharField(label=_("voornaam"), max_length=150, required=False)
    last_name = forms.CharField(label=_("achternaam"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("e-mailadres"), required=False,
        help_text=_("Hierheen gaat de link om een wachtwoord te kiezen. Zonder adres geef je de link zelf door."),
    )
    rol = forms.ChoiceField(label=_("rol"), choices=Rol.choices, widget=forms.RadioSelect)
    organisatie = forms.ModelChoiceField(
        label=_("organisatie"), queryset=Organisatie.objects.all(), required=False, empty_label=_("— geen —"),
        help_text=_("Verplicht voor trajectbegeleiders en coördinatoren."),
    )
    gemeente = forms.ModelChoiceField(
        label=_("gemeente"), queryset=Gemeente.objects.all(), required=False, empty_label=_("— geen —"),
        help_text=_("Alleen voor een klantmanager: de gemeente waarvoor die werkt."),
    )


class GebruikerNieuwForm(UitstapForm, _RolVelden):
    username = forms.RegexField(
        label=_("gebruikersnaam"), max_length=150, regex=r"^[\w.@+-]+\Z",
        error_messages={"invalid": _("Gebruik alleen letters, cijfers en de tekens . @ + - _ (geen spaties).")},
    )
    field_order = ["username", "first_name", "last_name", "email", "rol", "organisatie", "gemeente"]


class GebruikerWijzigenForm(UitstapForm, _RolVelden):
    field_order = ["first_name", "last_name", "email", "rol", "organisatie", "gemeente"]
