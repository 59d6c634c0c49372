"""The coordinator's list of a programme's admission criteria and contra-indications."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from django import forms
from django.utils.translation import gettext
from uitstap.codes import Rol
from uitstap.forms import UitstapForm, add_errors
from uitstap.models import Toelatingscriterium
from uitstap.permissions import rol_vereist
from uitstap.selectors import programmas_of
from uitstap.services import toelatingscriterium_aanmaken, toelatingscriterium_actief_wijzigen


class ToelatingscriteriumForm(UitstapForm, forms.ModelForm):
    class Meta:
        model = Toelatingscriterium
        fields = ["soort", "omschrijving", "neemt_zelf_actie", "volgorde"]


@rol_vereist(Rol.COORDINATOR)
@require_http_methods(["GET", "POST"])
def criteria(request, slug):
    programma = get_object_or_404(programmas_of(request.user), slug=slug)
    form = ToelatingscriteriumForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            toelatingscriterium_aanmaken(programma=programma, data=form.cleaned_data, door=request.user)
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("Criterium toegevoegd."))
            return redirect("programma_criteria", slug=slug)
    return render(request, "uitstap/criteria.html", {
        "programma": programma, "form": form, "criteria": programma.toelatingscriteria.all(),
        "breadcrumbs": [(programma.naam, reverse("programma_detail", args=[slug])), (gettext("Toelatingscriteria"), None)],
    })


@rol_vereist(Rol.COORDINATOR)
@require_POST
def criterium_actief(request, slug, pk):
    programma = get_object_or_404(programmas_of(request.user), slug=slug)
    criterium = get_object_or_404(Toelatingscriterium, programma=programma, pk=pk)
    toelatingscriterium_actief_wijzigen(criterium=criterium, actief=not criterium.actief, door=request.user)
    messages.success(request, gettext("Criterium aangezet.") if criterium.actief else gettext("Criterium uitgezet."))
    return redirect("programma_criteria", slug=slug)
