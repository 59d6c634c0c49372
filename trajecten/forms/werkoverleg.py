"""Forms for the werkoverleg: plan or move a meeting, record an afspraak, mark one done."""

import datetime

from django import forms
from django.utils.translation import gettext, gettext_lazy as _

from trajecten.models import Werkoverleg, WerkoverlegAfspraak
from trajecten.selectors import werkoverleg as selectors
from uitstap.codes import Rol
from uitstap.forms import VersionedForm


class WerkoverlegForm(VersionedForm, forms.ModelForm):
    """Plan (programme, gemeente, date, attendees) or move one (date, attendees: the rest stays).
    A klantmanager plans with her own gemeente, so she does not choose it."""

    class Meta:
        model = Werkoverleg
        fields = ["programma", "gemeente", "datum", "aanwezigen"]
        widgets = {"aanwezigen": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["programma"], self.fields["gemeente"]
            return
        self.fields["programma"].queryset = selectors.programmas_voor_werkoverleg(user)
        self.fields["gemeente"].queryset = selectors.gemeenten_voor_werkoverleg(user)
        if user.rol == Rol.KLANTMANAGER:
            del self.fields["gemeente"]
        if self.fields["programma"].queryset.count() == 1:
            self.initial.setdefault("programma", self.fields["programma"].queryset.first().pk)

    def _post_clean(self):
        # The service checks programme and gemeente against the user and writes; the model's own checks
        # (a klantmanager's form has no gemeente yet) are not for the form.
        pass


class WerkoverlegAfspraakForm(VersionedForm, forms.ModelForm):
    """An afspraak about one participant on the agenda: what, who picks it up, by when."""

    deelnemer = forms.TypedChoiceField(label=_("deelnemer"), coerce=int, choices=())

    class Meta:
        model = WerkoverlegAfspraak
        fields = ["deelnemer", "wat", "eigenaar", "deadline"]
        widgets = {"wat": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, agenda=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk or agenda is None:
            del self.fields["deelnemer"]
        else:
            self.fields["deelnemer"].choices = [("", gettext("— kies —"))] + [
                (p.d.pk, f"{p.d.clientcode}" + (f" · {p.d.roepnaam}" if p.d.roepnaam else "")) for p in agenda.punten]
        if not self.instance.pk and agenda is not None and not self.is_bound:
            self.initial.setdefault("deadline", agenda.werkoverleg.datum + datetime.timedelta(days=28))

    def _post_clean(self):
        pass  # the service validates and writes


class AfspraakAfrondenForm(VersionedForm, forms.Form):
    afgerond_op = forms.DateField(label=_("afgerond op"), help_text=_("Meestal vandaag."))
