"""Hypothesis over the main forms through the test client: generated input never causes a 500."""

import datetime

import pytest
from django import forms
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trajecten.services import traject_starten

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=12, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

tekst = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
getal = st.integers(min_value=-10**12, max_value=10**12).map(str)
datum = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(lambda d: d.isoformat())
rommel = st.one_of(tekst, getal, datum, st.just(""), st.sampled_from(["0", "-1", "1e9", "NaN", "2026-02-30", "x" * 500]))


def field_strategy(field):
    options = [rommel]
    choices = getattr(field, "choices", None)
    if choices:
        values = [str(v) for v, _ in choices if v not in ("", None) and not isinstance(v, (list, tuple))]
        values = [str(getattr(v, "value", v)) for v in values]
        if values:
            options.append(st.sampled_from(values))
            if isinstance(field, forms.MultipleChoiceField):
                options.append(st.lists(st.sampled_from(values), max_size=3))
    if isinstance(field, forms.DateField):
        options.append(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2027, 1, 1)).map(
            lambda d: d.isoformat()))
    if isinstance(field, forms.BooleanField):
        options.append(st.sampled_from(["on", "true", "false", ""]))
    return st.one_of(*options)


def form_strategy(form):
    fields = {form.add_prefix(name): field_strategy(field) for name, field in form.fields.items()}
    extra = st.dictionaries(st.sampled_from(["begeleider", "programma", "clientcode", "versie", "id"]), rommel,
                            max_size=2)
    return st.tuples(st.fixed_dictionaries({}, optional=fields), extra).map(lambda t: {**t[1], **t[0]})


@pytest.fixture
def traject(deelnemer, coach):
    return traject_starten(deelnemer=deelnemer, aanmelddatum=datetime.date(2026, 1, 5), door=coach)


def fuzz(client, user, url, data_strategy_from_form=form_strategy):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    strategy = data_strategy_from_form(response.context["form"])

    @FUZZ
    @given(data=strategy)
    def run(data):
        client.force_login(user)
        response = client.post(url, data)
        assert response.status_code < 500

    run()


def test_fuzz_registration(client, programma, coach):
    fuzz(client, coach, reverse("trajecten:deelnemer_nieuw"))


def test_fuzz_personal_data(client, deelnemer, coach):
    fuzz(client, coach, reverse("trajecten:persoonsgegevens", args=[deelnemer.pk]))


def test_fuzz_contact(client, traject, coach):
    fuzz(client, coach, reverse("trajecten:contact_nieuw", args=[traject.pk]))


def test_fuzz_phase(client, traject, coach):
    fuzz(client, coach, reverse("trajecten:fase", args=[traject.pk]))


def test_fuzz_intake(client, traject, coach):
    fuzz(client, coach, reverse("trajecten:intake", args=[traject.pk]))


def test_fuzz_uitstroom(client, traject, coach):
    fuzz(client, coach, reverse("trajecten:uitstroom", args=[traject.pk]))


def test_fuzz_account_creation(client, beheerder):
    fuzz(client, beheerder, reverse("gebruiker_nieuw"))


def test_fuzz_login(client, coach):
    url = reverse("two_factor:login")

    @FUZZ
    @given(username=rommel, password=rommel)
    def run(username, password):
        response = client.post(url, {"uitstap_login_view-current_step": "auth", "auth-username": username,
                                     "auth-password": password})
        assert response.status_code < 500

    run()
