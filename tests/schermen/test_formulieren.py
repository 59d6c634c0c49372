"""Issue 20, findings 1-4: forms right the first time, no constraint names, no lost input, one save per click."""

import datetime
import re

import pytest
from django.apps import apps
from django.urls import reverse

from clients.forms import AanmeldingForm, PersoonsgegevensForm
from trajecten import services
from trajecten.forms import DoelForm, FaseForm, IntakeForm, MetingForm, UitstroomForm, VerwijzingStatusForm
from trajecten.models import Contactmoment, Uitstroom
from uitstap.codes import Fase
from uitstap.forms import CONSTRAINT_MESSAGES, ProgrammaJaarForm

D = datetime.date
pytestmark = pytest.mark.django_db
ENGELS = re.compile(r"Constraint|violated|Beperking|geschonden|Select an option|Enter a", re.I)


@pytest.fixture
def traject(deelnemer, coach):
    """A traject that has started (instroom): only such a traject ends with an Uitstroom."""
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=D(2025, 1, 20), door=coach)
    traject.refresh_from_db()
    return traject


def _fouten(form):
    assert not form.is_valid()
    return {k: [str(m) for m in v] for k, v in form.errors.items()}


# --- finding 1: uitstroom ---------------------------------------------------------------------


@pytest.mark.parametrize("data, veld, bericht", [
    ({"soort": "uitgestapt"}, "resultaat", "Kies waarnaar de deelnemer is uitgestroomd."),
    ({"soort": "gestopt"}, "reden", "Kies de reden waarom het traject is gestopt."),
    ({"soort": "uitgestapt", "resultaat": "betaald_werk"}, "branche", "Kies in welke branche de deelnemer werkt."),
    ({}, "soort", "Kies uitgestapt of tussentijds gestopt."),
])
def test_uitstroom_every_constraint_combination_gives_a_dutch_field_message(login, traject, coach, data, veld, bericht):
    response = login(coach).post(reverse("trajecten:uitstroom", args=[traject.pk]),
                                 {"datum": D(2025, 3, 1).isoformat(), "gelezen_versie": traject.versie, **data})
    assert response.status_code == 200
    html = response.content.decode()
    assert not ENGELS.search(html)
    assert "uitstroom_velden_passen_bij_soort" not in html
    assert response.context["form"].errors[veld] == [bericht]
    assert bericht in html.split('class="error-summary"')[1]
    assert not Uitstroom.objects.exists()


def test_uitstroom_hidden_fields_are_emptied_and_labels_have_no_optioneel(login, traject, coach):
    form = UitstroomForm()
    for veld in ("resultaat", "branche", "reden"):
        assert "(optioneel)" not in form.fields[veld].label
    response = login(coach).post(reverse("trajecten:uitstroom", args=[traject.pk]), {
        "soort": "gestopt", "datum": D(2025, 3, 1).isoformat(), "reden": "verhuisd", "gelezen_versie": traject.versie,
        "resultaat": "opleiding", "branche": "zorg",  # left over from a choice the user changed
    })
    assert response.status_code == 302
    u = Uitstroom.objects.get()
    assert (u.reden, u.resultaat, u.branche) == ("verhuisd", "", "")


def test_uitstroom_asks_branche_only_for_betaald_werk(login, traject, coach):
    response = login(coach).get(reverse("trajecten:uitstroom", args=[traject.pk]))
    html = response.content.decode()
    assert 'data-toon-bij="resultaat=betaald_werk"' in html
    assert "<script>" not in html
    form = UitstroomForm(data={"soort": "uitgestapt", "datum": "2025-03-01", "resultaat": "opleiding", "branche": "zorg"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["branche"] == ""


def test_every_constraint_of_the_project_has_a_dutch_message():
    namen = {c.name for m in apps.get_models() for c in m._meta.constraints
             if m._meta.app_label in ("uitstap", "clients", "trajecten", "rapportage")}
    assert namen - set(CONSTRAINT_MESSAGES) == set()


def test_a_service_constraint_error_becomes_the_dutch_field_message():
    from django.core.exceptions import ValidationError

    from uitstap.forms import add_errors

    form = UitstroomForm(data={})
    form.is_valid()
    add_errors(form, ValidationError("Beperking ‘branche_alleen_bij_betaald_werk’ is geschonden."))
    add_errors(form, ValidationError(str(Uitstroom._meta.constraints[1].get_violation_error_message())))
    assert "Een branche hoort alleen bij betaald werk." in form.errors["branche"]


# --- finding 2: one round of errors -----------------------------------------------------------


def test_intake_empty_date_and_nog_niet_without_reason_in_one_round():
    errors = _fouten(IntakeForm(data={"datum": "", "besluit": "nog_niet"}))
    assert set(errors) >= {"datum", "besluit_reden"}


def test_fase_empty_date_and_step_back_without_reason_in_one_round():
    errors = _fouten(FaseForm(data={"fase": Fase.CONTACT, "datum": ""}, huidige_fase=Fase.UITVOERING))
    assert set(errors) == {"datum", "reden"}


def test_meting_bad_date_and_no_score_in_one_round():
    errors = _fouten(MetingForm(data={"datum": "gisteren"}))
    assert "datum" in errors and "Vul voor minstens één leefgebied een score in." in errors["__all__"]


def test_doel_missing_fields_and_not_agreed_without_words_in_one_round():
    errors = _fouten(DoelForm(data={"leefgebied": "financien", "omschrijving": "Schulden op orde", "acceptabel": "nee",
                                    "startscore": "6", "doelscore": "3"}))
    assert {"indicator", "streefdatum", "acceptabel_toelichting", "doelscore"} <= set(errors)


def test_verwijzing_status_missing_date_and_reason_in_one_round(traject, coach, programma):
    from uitstap.models import Ketenpartner

    partner = Ketenpartner.objects.create(programma=programma, naam="Schuldhulp Test", soort="schuldhulp")
    v = services.verwijzing_aanmaken(traject=traject, door=coach, ketenpartner=partner, verwezen=D(2025, 2, 1))
    errors = _fouten(VerwijzingStatusForm(data={"status": "afgewezen", "datum": "", "gelezen_versie": v.versie}, verwijzing=v))
    assert set(errors) == {"datum", "reden"}


def test_error_summary_uses_short_labels(login, traject, coach):
    form = DoelForm(data={"acceptabel": "ja"})
    form.is_valid()
    from django.template.loader import render_to_string

    html = render_to_string("includes/form_errors.html", {"form": form})
    assert "Specifiek: Beschrijf" in html
    assert "S – specifiek: wat precies?:" not in html


# --- finding 3: no input silently lost --------------------------------------------------------


def test_numbers_are_text_inputs_with_a_clear_message_and_the_value_kept(programma):
    form = AanmeldingForm(data={"geboortejaar": "19e", "aanmelddatum": "2025-01-01", "gender": "vrouw",
                                "sector": "raam", "verblijfsstatus": "eu_burger"}, programma=programma)
    assert form.errors["geboortejaar"] == ["Vul een jaartal in, zoals 1994."]
    html = str(form["geboortejaar"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html and 'value="19e"' in html
    doel = DoelForm(data={"doelscore": "acht"})
    assert doel.errors["doelscore"] == ["Vul een heel getal van 1 tot en met 10 in."]
    jaar = ProgrammaJaarForm(data={"jaar": "2026", "verwacht_deelnemers": "veertig"})
    assert jaar.errors["verwacht_deelnemers"] == ["Vul een aantal in, als heel getal, zoals 40."]


@pytest.mark.parametrize("invoer, bedrag", [
    ("205.000", "205000"), ("205.000,50", "205000.50"), ("205000", "205000"), ("1.205.000", "1205000"),
    ("12,5", "12.5"), ("€ 3.000", "3000"),
])
def test_amounts_accept_dutch_notation(invoer, bedrag):
    from decimal import Decimal

    form = ProgrammaJaarForm(data={"jaar": "2026", "begroting": invoer})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["begroting"] == Decimal(bedrag)


def test_amount_with_text_keeps_the_value_and_says_how():
    form = ProgrammaJaarForm(data={"jaar": "2026", "begroting": "veel"})
    assert form.errors["begroting"] == ["Vul een bedrag in euro's in, zoals 205.000 of 205.000,50."]
    assert 'value="veel"' in str(form["begroting"])


def test_country_picker_dutch_names_iso_codes(programma, deelnemer):
    form = AanmeldingForm(programma=programma)
    html = str(form["herkomstland"])
    assert '<option value="RO">Roemenië</option>' in html
    assert "maxlength" not in html
    bad = AanmeldingForm(data={"herkomstland": "Roemenië"}, programma=programma)
    assert bad.errors["herkomstland"] == ["Kies een land uit de lijst."]
    pg = PersoonsgegevensForm(instance=deelnemer)
    assert 'value="NG"' in str(pg["herkomstland"])


def test_one_placeholder_style_no_english(programma):
    html = str(AanmeldingForm(programma=programma))
    assert "---------" not in html and "Select" not in html
    assert "— kies —" in html


# --- finding 4: double submits and foutief ----------------------------------------------------


def test_second_post_of_the_same_quick_contact_saves_nothing(login, traject, coach):
    client = login(coach)
    data = {"snel": "1", "datum": D(2025, 2, 3).isoformat(), "soort": "gesprek", "status": "gehouden",
            "duur_minuten": "45", "notitie": "", "_eenmalig": "abc123"}
    url = reverse("trajecten:contact_nieuw", args=[traject.pk])
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == 302 and second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Contactmoment.objects.filter(traject=traject).count() == 1
    htmx = client.post(url, data, HTTP_HX_REQUEST="true")
    assert htmx["HX-Refresh"] == "true"
    assert Contactmoment.objects.filter(traject=traject).count() == 1
    # A form with an error can be corrected and sent again with the same token.
    data2 = {**data, "_eenmalig": "def456", "duur_minuten": ""}
    assert client.post(url, data2).status_code == 200
    assert client.post(url, {**data2, "duur_minuten": "30"}).status_code == 302
    assert Contactmoment.objects.filter(traject=traject).count() == 2


def test_every_post_form_on_the_dossier_carries_a_one_time_token(login, traject, coach):
    html = login(coach).get(reverse("trajecten:dossier", args=[traject.deelnemer.pk])).content.decode()
    assert 'name="_eenmalig"' in html
