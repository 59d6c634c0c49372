"""Documenten tab: upload and list, and the permission-checked download (always as attachment, logged)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import format_lazy
from django.views.decorators.http import require_GET, require_http_methods
from django.utils.translation import gettext, gettext_lazy as _

from clients.access import deelnemer_or_404
from clients.documents import TOEGESTAAN, document_aanmaken, document_downloaden, downloadnaam
from clients.models import Document
from trajecten.views.dossier import dossier_context, dossier_deelnemer_or_404
from uitstap.forms import UitstapForm, add_errors


class DocumentForm(UitstapForm, forms.Form):
    bestand = forms.FileField(label=_("bestand"), help_text=format_lazy(_("{toegestaan}; het type wordt aan de inhoud gecontroleerd."),
                                                                    toegestaan=TOEGESTAAN))
    soort = forms.ChoiceField(label=_("soort document"), choices=Document.Soort.choices, initial=Document.Soort.OVERIG)
    omschrijving = forms.CharField(label=_("omschrijving"), max_length=200, required=False,
                                   help_text=_("Kort, zonder namen: bijvoorbeeld 'trajectplan versie 2'."))


@require_http_methods(["GET", "POST"])
def documenten(request, pk):
    """The list of documents with an upload form (coach, achtervang and coordinator)."""
    deelnemer = dossier_deelnemer_or_404(request, pk, object_type="documenten")
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document_aanmaken(deelnemer=deelnemer, bestand=form.cleaned_data["bestand"], door=request.user,
                               soort=form.cleaned_data["soort"], omschrijving=form.cleaned_data["omschrijving"])
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, gettext("Document opgeslagen."))
            return redirect("trajecten:documenten", pk=deelnemer.pk)
    context = dossier_context(request, deelnemer, tab="documenten")
    context |= {
        "form": form,
        "documenten": deelnemer.documenten.select_related("geupload_door"),
        "gewist": deelnemer.gewist_op is not None,
        "max_mb": settings.DOCUMENT_MAX_BYTES // (1024 * 1024),
    }
    return render(request, "trajecten/documenten.html", context, status=400 if form.errors else 200)


@require_GET
def document_download(request, pk, document_pk):
    """Send one document as an attachment; starts from deelnemer_or_404 so outsiders get a 404."""
    deelnemer = deelnemer_or_404(request, pk, object_type="document", log=False)
    document = deelnemer.documenten.filter(pk=document_pk).first()
    if document is None:
        raise Http404(gettext("Document niet gevonden."))
    try:
        data = document_downloaden(document=document, door=request.user)
    except (OSError, ValidationError):
        raise Http404(gettext("Het bestand is niet beschikbaar.")) from None
    response = HttpResponse(data, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=downloadnaam(document))
    response["Content-Length"] = str(len(data))
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
