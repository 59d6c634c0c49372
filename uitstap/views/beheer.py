"""Screens for the beheerder: user accounts (no dossier content here), and the four-eyes requests that
a second beheerder or the account's coordinator approves."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import devices_for_user
from django.utils.translation import gettext, gettext_lazy

from uitstap.services import accounts
from uitstap.codes import Rol
from uitstap.forms import add_errors
from uitstap.forms import GebruikerNieuwForm, GebruikerWijzigenForm
from uitstap.models import Accountverzoek, Gebruiker
from uitstap.permissions import rol_vereist


def _basis_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _crumbs(gebruiker=None, label=None):
    crumbs = [(gettext("Gebruikers"), reverse("gebruikers"))]
    if gebruiker is not None:
        crumbs.append((gebruiker.username, reverse("gebruiker_detail", args=[gebruiker.pk]) if label else None))
    if label:
        crumbs.append((label, None))
    return crumbs


@rol_vereist(Rol.BEHEERDER)
def gebruikers(request):
    qs = Gebruiker.objects.select_related("organisatie", "gemeente").order_by("-is_active", "username")
    geblokkeerd = accounts.geblokkeerde_gebruikersnamen()
    from django_otp.plugins.otp_totp.models import TOTPDevice

    met_app = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    rijen = [(g, g.username.lower() in geblokkeerd, g.pk in met_app) for g in qs]
    return render(request, "uitstap/gebruikers.html", {"rijen": rijen})


@rol_vereist(Rol.BEHEERDER)
def gebruiker_detail(request, pk):
    gebruiker = get_object_or_404(Gebruiker.objects.select_related("organisatie", "gemeente"), pk=pk)
    return render(request, "uitstap/gebruiker_detail.html", {
        "gebruiker": gebruiker,
        "geblokkeerd": gebruiker.username.lower() in accounts.geblokkeerde_gebruikersnamen(),
        "heeft_tweede_factor": any(devices_for_user(gebruiker, confirmed=True)),
        "verzoeken": gebruiker.accountverzoeken.filter(status=Accountverzoek.Status.OPEN).select_related("gevraagd_door"),
        "breadcrumbs": _crumbs(gebruiker),
    })


@rol_vereist(Rol.BEHEERDER)
@require_http_methods(["GET", "POST"])
def gebruiker_nieuw(request):
    form = GebruikerNieuwForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            gebruiker, link, gemaild = accounts.gebruiker_aanmaken(
                **form.cleaned_data, basis_url=_basis_url(request), door=request.user
            )
        except ValidationError as e:
            add_errors(form, e)
        else:
            if not gebruiker.is_active:
                messages.success(request, gettext(
                    "Account %(username)s aangemaakt. Het werkt zodra een tweede persoon (een andere beheerder of een "
                    "coördinator van de organisatie) het goedkeurt; daarna krijgt de gebruiker de wachtwoordlink."
                ) % {"username": gebruiker.username})
                return redirect("gebruiker_detail", pk=gebruiker.pk)
            messages.success(request, gettext("Account %(username)s aangemaakt.") % {"username": gebruiker.username})
            return render(request, "uitstap/gebruiker_link.html", {
                "gebruiker": gebruiker, "link": link, "gemaild": gemaild, "nieuw": True,
                "breadcrumbs": _crumbs(gebruiker, gettext("Wachtwoordlink")),
            })
    return render(request, "form_page.html", {
        "form": form, "title": gettext("Nieuwe gebruiker"), "submit_label": gettext("Account aanmaken"),
        "intro": gettext("De nieuwe gebruiker kiest zelf een wachtwoord via een link die één keer werkt, "
                 "en stelt bij de eerste keer inloggen de authenticator-app in."),
        "cancel_url": reverse("gebruikers"), "breadcrumbs": _crumbs(label=gettext("Nieuwe gebruiker")),
    })


@rol_vereist(Rol.BEHEERDER)
@require_http_methods(["GET", "POST"])
def gebruiker_bewerken(request, pk):
    gebruiker = get_object_or_404(Gebruiker, pk=pk)
    form = GebruikerWijzigenForm(request.POST or None, initial={
        "first_name": gebruiker.first_name, "last_name": gebruiker.last_name, "email": gebruiker.email,
        "rol": gebruiker.rol, "organisatie": gebruiker.organisatie, "gemeente": gebruiker.gemeente,
    })
    if request.method == "POST" and form.is_valid():
        try:
            verzoek = accounts.gebruiker_wijzigen(gebruiker=gebruiker, **form.cleaned_data, door=request.user)
        except ValidationError as e:
            gebruiker.refresh_from_db()
            add_errors(form, e)
        else:
            messages.success(request, gettext("Gegevens van %(username)s opgeslagen.") % {"username": gebruiker.username})
            if verzoek is not None:
                messages.info(request, gettext("De nieuwe rol of organisatie gaat in zodra een tweede persoon het goedkeurt."))
            return redirect("gebruiker_detail", pk=gebruiker.pk)
    return render(request, "form_page.html", {
        "form": form, "title": gettext("%(username)s wijzigen") % {"username": gebruiker.username},
        "intro": gettext("Bij een nieuwe rol wordt de gebruiker uitgelogd; de nieuwe rechten gelden bij de volgende keer inloggen."),
        "cancel_url": reverse("gebruiker_detail", args=[gebruiker.pk]),
        "breadcrumbs": _crumbs(gebruiker, gettext("Wijzigen")),
    })


def _actie(request, pk, service, bericht, **kwargs):
    gebruiker = get_object_or_404(Gebruiker, pk=pk)
    try:
        service(gebruiker=gebruiker, door=request.user, **kwargs)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, bericht.format(naam=gebruiker.username))
    return redirect("gebruiker_detail", pk=gebruiker.pk)


_WACHT = (gettext_lazy("{wat} van {{naam}} is aangevraagd. Het gebeurt zodra een tweede persoon (een andere beheerder of "
          "een coördinator van de organisatie) het binnen 24 uur goedkeurt."))


@rol_vereist(Rol.BEHEERDER)
@require_POST
def gebruiker_deactiveren(request, pk):
    return _actie(request, pk, accounts.gebruiker_deactiveren,
                  gettext("{naam} is gedeactiveerd en op alle apparaten uitgelogd."))


@rol_vereist(Rol.BEHEERDER)
@require_POST
def gebruiker_activeren(request, pk):
    return _actie(request, pk, accounts.accountverzoek_indienen, _WACHT.format(wat=gettext("Het activeren")),
                  soort=Accountverzoek.Soort.ACTIVEREN)


@rol_vereist(Rol.BEHEERDER)
@require_POST
def gebruiker_tweede_factor_resetten(request, pk):
    return _actie(request, pk, accounts.accountverzoek_indienen, _WACHT.format(wat=gettext("Het resetten van de tweede factor")),
                  soort=Accountverzoek.Soort.TWEEDE_FACTOR)


@rol_vereist(Rol.BEHEERDER)
@require_POST
def gebruiker_deblokkeren(request, pk):
    return _actie(request, pk, accounts.blokkade_opheffen, gettext("De blokkade van {naam} is opgeheven."))


@rol_vereist(Rol.BEHEERDER)
@require_POST
def gebruiker_wachtwoordlink(request, pk):
    gebruiker = get_object_or_404(Gebruiker, pk=pk)
    try:
        link, gemaild, verzoek = accounts.wachtwoordlink_aanvragen(
            gebruiker=gebruiker, basis_url=_basis_url(request), door=request.user
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("gebruiker_detail", pk=gebruiker.pk)
    if verzoek is not None:
        messages.success(request, _WACHT.format(wat=gettext("Een nieuwe wachtwoordlink (per e-mail)")).format(naam=gebruiker.username))
        return redirect("gebruiker_detail", pk=gebruiker.pk)
    return render(request, "uitstap/gebruiker_link.html", {
        "gebruiker": gebruiker, "link": link, "gemaild": gemaild, "nieuw": False,
        "breadcrumbs": _crumbs(gebruiker, gettext("Wachtwoordlink")),
    })


@rol_vereist(Rol.BEHEERDER, Rol.COORDINATOR)
def accountverzoeken(request):
    """Open requests the user may approve, and the recent history (names and kinds only, no dossier data)."""
    rijen = [(v, accounts.mag_goedkeuren(request.user, v)) for v in accounts.accountverzoeken_voor(request.user)[:200]]
    return render(request, "uitstap/accountverzoeken.html", {"rijen": rijen, "geldigheid_uren": 24})


def _verzoek_actie(request, pk, service, bericht):
    verzoek = get_object_or_404(accounts.accountverzoeken_voor(request.user), pk=pk)
    try:
        link = service(verzoek=verzoek, door=request.user, **(
            {"basis_url": _basis_url(request)} if service is accounts.accountverzoek_goedkeuren else {}))
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("accountverzoeken")
    messages.success(request, bericht.format(naam=verzoek.gebruiker.username))
    if isinstance(link, str) and link:
        return render(request, "uitstap/gebruiker_link.html", {
            "gebruiker": verzoek.gebruiker, "link": link, "gemaild": False, "nieuw": True,
            "breadcrumbs": [(gettext("Accountverzoeken"), reverse("accountverzoeken")), (gettext("Wachtwoordlink"), None)],
        })
    return redirect("accountverzoeken")


@rol_vereist(Rol.BEHEERDER, Rol.COORDINATOR)
@require_POST
def accountverzoek_goedkeuren(request, pk):
    return _verzoek_actie(request, pk, accounts.accountverzoek_goedkeuren, gettext("Goedgekeurd en uitgevoerd voor {naam}."))


@rol_vereist(Rol.BEHEERDER, Rol.COORDINATOR)
@require_POST
def accountverzoek_afwijzen(request, pk):
    return _verzoek_actie(request, pk, accounts.accountverzoek_afwijzen, gettext("Het verzoek voor {naam} is afgewezen."))
