"""The coach's screens: access per participant, constant queries on the caseload, forms that refuse bad input."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import DeelnemerFactory
from trajecten import services
from trajecten.models import Contactmoment, Traject
from uitstap.codes import ContactStatus, Fase
from uitstap.models import AuditEvent

D = datetime.date


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)


@pytest.fixture
def ander_traject(ander_deelnemer, coach3):
    return services.traject_starten(deelnemer=ander_deelnemer, aanmelddatum=D(2025, 1, 10), door=coach3)


def participant_urls(deelnemer, traject):
    pk, t = deelnemer.pk, traject.pk
    c = services.contactmoment_vastleggen(traject=traject, door=traject.deelnemer.begeleider, data={
        "datum": D(2025, 1, 12), "status": ContactStatus.GEHOUDEN, "duur_minuten": 30})
    return [
        reverse("trajecten:dossier", args=[pk]), reverse("trajecten:contacten", args=[pk]),
        reverse("trajecten:persoonsgegevens", args=[pk]), reverse("trajecten:traject_nieuw", args=[pk]),
        reverse("trajecten:trajectplan", args=[pk]), reverse("trajecten:verwijzingen", args=[pk]),
        reverse("trajecten:documenten", args=[pk]),
        reverse("trajecten:fase", args=[t]), reverse("trajecten:intake", args=[t]),
        reverse("trajecten:contact_nieuw", args=[t]), reverse("trajecten:uitstroom", args=[t]),
        reverse("trajecten:beeindigen", args=[t]), reverse("trajecten:terugval", args=[t]),
        reverse("trajecten:contact_bewerken", args=[c.pk]),
        reverse("trajecten:leefsituatie", args=[pk]), reverse("trajecten:leefsituatie_nieuw", args=[t]),
        reverse("trajecten:nacontrole_nieuw", args=[t]), reverse("trajecten:intakegesprek_nieuw", args=[t]),
    ]


def test_other_coach_gets_404_everywhere_backup_gets_200(login, traject, coach2, coach3):
    urls = participant_urls(traject.deelnemer, traject)
    client = login(coach3)
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert AuditEvent.objects.filter(actie="denied", gebruiker=coach3).count() >= len(urls)
    client = login(coach2)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_dossier_read_is_logged_with_basis(login, traject, coach, coach2):
    login(coach).get(reverse("trajecten:dossier", args=[traject.deelnemer.pk]))
    e = AuditEvent.objects.filter(actie="view", object_type="deelnemer").latest("id")
    assert (e.gebruiker, e.grondslag, e.clientcode) == (coach, "eigen_caseload", traject.deelnemer.clientcode)
    login(coach2).get(reverse("trajecten:dossier", args=[traject.deelnemer.pk]))
    assert AuditEvent.objects.filter(actie="view", object_type="deelnemer").latest("id").grondslag == "achtervang"


def _maak_caseload(programma, coach, n):
    for i in range(n):
        d = DeelnemerFactory(programma=programma, begeleider=coach)
        t = services.traject_starten(deelnemer=d, aanmelddatum=D(2025, 1, 1), door=coach)
        services.contactmoment_vastleggen(traject=t, door=coach, data={
            "datum": D(2025, 1, 2), "status": ContactStatus.GEHOUDEN, "duur_minuten": 30})
        if i % 2:
            services.fase_wijzigen(traject=t, fase=Fase.ORIENTATIE, datum=D(2025, 2, 1), door=coach)


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_caseload_query_count_is_constant(login, programma, coach):
    client = login(coach)
    _maak_caseload(programma, coach, 5)
    vijf = _count_queries(client, reverse("trajecten:caseload"))
    _maak_caseload(programma, coach, 45)
    vijftig = _count_queries(client, reverse("trajecten:caseload"))
    assert vijf == vijftig


def test_coordinator_list_query_count_is_constant(login, programma, coach, coordinator):
    client = login(coordinator)
    _maak_caseload(programma, coach, 5)
    vijf = _count_queries(client, reverse("trajecten:deelnemers") + "?fase=orientatie")
    _maak_caseload(programma, coach, 45)
    assert _count_queries(client, reverse("trajecten:deelnemers") + "?fase=orientatie") == vijf


def test_caseload_lists_with_one_audit_event_per_page(login, programma, coach, deelnemer, ander_deelnemer):
    response = login(coach).get(reverse("trajecten:caseload"))
    assert deelnemer.clientcode in response.text and ander_deelnemer.clientcode not in response.text
    event = AuditEvent.objects.filter(actie="list").latest("id")
    assert event.clientcodes == [deelnemer.clientcode]


def test_caseload_search(login, programma, coach):
    a = DeelnemerFactory(programma=programma, begeleider=coach, roepnaam="Mirela")
    b = DeelnemerFactory(programma=programma, begeleider=coach, roepnaam="Sandra")
    client = login(coach)
    response = client.post(reverse("trajecten:caseload"), {"zoek": "mire"})
    assert response.status_code == 302 and "mire" not in response["Location"]  # no names in URLs
    response = client.get(response["Location"])
    assert a.clientcode in response.text and b.clientcode not in response.text
    assert AuditEvent.objects.latest("id").actie == "search"
    client.post(reverse("trajecten:caseload"), {"wissen": "1"})
    assert b.clientcode in client.get(reverse("trajecten:caseload")).text


def test_caseload_warns_about_no_contact_and_no_shows(login, programma, coach):
    d = DeelnemerFactory(programma=programma, begeleider=coach)
    vandaag = datetime.date.today()
    t = services.traject_starten(deelnemer=d, aanmelddatum=vandaag - datetime.timedelta(days=80), door=coach)
    for dagen in (20, 10):
        services.contactmoment_vastleggen(traject=t, door=coach, data={
            "datum": vandaag - datetime.timedelta(days=dagen), "status": ContactStatus.NIET_VERSCHENEN})
    text = login(coach).get(reverse("trajecten:caseload")).text
    assert "Geen contact sinds 80 dagen" in text
    assert "2× niet verschenen" in text


def test_registration_form_creates_participant_and_traject(login, programma, coach, gemeente):
    response = login(coach).post(reverse("trajecten:deelnemer_nieuw"), {
        "roepnaam": "Mira", "gender": "vrouw", "herkomstland": "ro", "sector": "raam", "verblijfsstatus": "eu_burger",
        "aanmelddatum": datetime.date.today().isoformat(), "verwijzer": "ggd", "woongemeente": gemeente.pk,
        # extra fields must change nothing
        "begeleider": "", "programma": "",
    })
    assert response.status_code == 302
    t = Traject.objects.get()
    assert t.deelnemer.roepnaam == "Mira" and t.deelnemer.herkomstland == "RO" and t.deelnemer.begeleider == coach


def test_bad_phase_date_shows_dutch_error_and_writes_nothing(login, traject, coach):
    response = login(coach).post(reverse("trajecten:fase", args=[traject.pk]), {"fase": "orientatie", "datum": "2025-01-01"})
    assert response.status_code == 200
    assert "vóór de aanmelddatum" in response.text
    assert "Er is een probleem" in response.text
    assert traject.fase_overgangen.count() == 1


def test_quick_contact_from_dossier(login, traject, coach):
    client = login(coach)
    response = client.post(reverse("trajecten:contact_nieuw", args=[traject.pk]), {
        "snel": "1", "datum": datetime.date.today().isoformat(), "soort": "telefonisch", "status": "gehouden",
        "duur_minuten": "15", "notitie": "Kort gebeld"})
    assert response.status_code == 302
    assert Contactmoment.objects.get().notitie == "Kort gebeld"
    response = client.post(reverse("trajecten:contact_nieuw", args=[traject.pk]), {
        "snel": "1", "datum": datetime.date.today().isoformat(), "soort": "telefonisch", "status": "gehouden"},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "duur" in response.text
    assert Contactmoment.objects.count() == 1


def test_notes_are_escaped(login, traject, coach):
    services.contactmoment_vastleggen(traject=traject, door=coach, data={
        "datum": D(2025, 1, 12), "status": ContactStatus.GEHOUDEN, "duur_minuten": 30, "notitie": "<script>alert(1)</script>"})
    text = login(coach).get(reverse("trajecten:dossier", args=[traject.deelnemer.pk])).text
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text


def test_legal_name_only_on_personal_data_tab(login, traject, coach):
    d = traject.deelnemer
    d.voornamen, d.achternaam = "Geheimevoornaam", "Geheimeachternaam"
    d.save()
    client = login(coach)
    for url in (reverse("trajecten:dossier", args=[d.pk]), reverse("trajecten:caseload"), reverse("trajecten:contacten", args=[d.pk])):
        assert "Geheimeachternaam" not in client.get(url).text
    assert "Geheimeachternaam" in client.get(reverse("trajecten:persoonsgegevens", args=[d.pk])).text


def test_coordinator_filters_and_reassigns(login, programma, coach, coach3, coordinator, traject):
    client = login(coordinator)
    assert traject.deelnemer.clientcode in client.get(reverse("trajecten:deelnemers"), {"fase": "contact"}).text
    assert traject.deelnemer.clientcode not in client.get(reverse("trajecten:deelnemers"), {"fase": "nazorg"}).text
    response = client.post(reverse("trajecten:begeleiding", args=[traject.deelnemer.pk]), {
        "begeleider": coach3.pk, "achtervang": coach.pk, "gelezen_versie": traject.deelnemer.versie})
    assert response.status_code == 302
    traject.deelnemer.refresh_from_db()
    assert traject.deelnemer.begeleider == coach3


def test_coach_cannot_reassign(login, traject, coach):
    assert login(coach).get(reverse("trajecten:begeleiding", args=[traject.deelnemer.pk])).status_code == 403


def test_caseload_hides_closed_trajecten_unless_asked(login, programma, coach):
    from uitstap.codes import UitstroomSoort

    open_ = DeelnemerFactory(programma=programma, begeleider=coach)
    services.traject_starten(deelnemer=open_, aanmelddatum=D(2025, 1, 1), door=coach)
    dicht = DeelnemerFactory(programma=programma, begeleider=coach)
    t = services.traject_starten(deelnemer=dicht, aanmelddatum=D(2025, 1, 1), door=coach)
    services.fase_wijzigen(traject=t, fase="orientatie", datum=D(2025, 1, 15), door=coach)
    services.uitstroom_vastleggen(traject=t, soort=UitstroomSoort.GESTOPT, reden="verhuisd", datum=D(2025, 2, 1), door=coach,
                                  gelezen_versie=t.versie)
    client = login(coach)
    text = client.get(reverse("trajecten:caseload")).text
    assert open_.clientcode in text and dicht.clientcode not in text
    assert dicht.clientcode in client.get(reverse("trajecten:caseload"), {"afgesloten": "1"}).text


def test_timeline_shows_referrals(login, traject, coach):
    from tests.factories import KetenpartnerFactory
    from trajecten.models import Verwijzing

    partner = KetenpartnerFactory(programma=traject.deelnemer.programma, naam="Schuldhulp Test")
    Verwijzing.objects.create(traject=traject, ketenpartner=partner, verwezen=D(2025, 2, 1), gestart=D(2025, 3, 1), status="gestart")
    text = login(coach).get(reverse("trajecten:dossier", args=[traject.deelnemer.pk])).text
    assert "Verwezen naar Schuldhulp Test" in text and "Hulp gestart bij Schuldhulp Test" in text


def test_contact_only_traject_is_closed_with_a_reason_not_an_uitstroom(login, traject, coach):
    client = login(coach)
    dossier = client.get(reverse("trajecten:dossier", args=[traject.deelnemer.pk])).text
    assert "Afsluiten zonder instroom" in dossier and "Uitstroom vastleggen" not in dossier
    url = reverse("trajecten:beeindigen", args=[traject.pk])
    assert "reden van afsluiten" in client.get(url).text.lower()
    response = client.post(url, {"einddatum": "2025-02-01", "gelezen_versie": traject.versie})
    assert response.status_code == 200 and "Dit veld is verplicht" in response.text
    traject.refresh_from_db()
    assert traject.einddatum is None
    response = client.post(url, {"einddatum": "2025-02-01", "afsluitreden": "geen_hulpvraag",
                                 "gelezen_versie": traject.versie})
    assert response.status_code == 302
    traject.refresh_from_db()
    assert (traject.einddatum, traject.afsluitreden) == (D(2025, 2, 1), "geen_hulpvraag")
    assert not hasattr(traject, "uitstroom")


def test_the_coordinators_list_offers_the_active_coaches_of_their_first_programme(login, programma, coordinator, coach,
                                                                                   coach2):
    """The coach filter lists the active coaches of the organisations that run the coordinator's first programme
    (read as a subquery with the choices); a coordinator without a programme gets no choices."""
    from tests.factories import GebruikerFactory, OrganisatieFactory, ProgrammaFactory
    from uitstap.codes import Rol

    coach2.is_active = False
    coach2.save()
    elders = OrganisatieFactory(naam="Elders")
    ProgrammaFactory(naam="Ander programma", slug="ander", code="AND", organisaties=[elders])
    GebruikerFactory(username="coach-elders", rol=Rol.TRAJECTBEGELEIDER, organisatie=elders)
    keuzes = lambda user: [str(k) for k, _ in login(user).get(reverse("trajecten:deelnemers")).context[  # noqa: E731
        "filter"].form.fields["begeleider"].choices if k]
    assert keuzes(coordinator) == [str(coach.pk)]
    zonder = GebruikerFactory(username="coord-zonder", rol=Rol.COORDINATOR, organisatie=OrganisatieFactory(naam="Geen"))
    assert keuzes(zonder) == []


def test_the_list_filters_read_their_choices_once_per_form(programma, coach, django_assert_num_queries):
    """Django's model choice iterator queries again whenever the choices are looked at (their number, each render);
    the list's filter form reads the coaches and the gemeenten once each, and then validates against the database."""
    from clients.models import Deelnemer
    from trajecten.forms import DeelnemerFilter
    from uitstap.selectors import begeleiders_for

    filterset = DeelnemerFilter(None, queryset=Deelnemer.objects.none(), begeleiders=begeleiders_for(programma))
    with django_assert_num_queries(2):
        html = str(filterset.form) + str(filterset.form)
        assert len(filterset.form.fields["begeleider"].choices) == 2
    assert html.count(f'<option value="{coach.pk}">{coach}</option>') == 2
    gefilterd = DeelnemerFilter({"begeleider": str(coach.pk + 999)}, queryset=Deelnemer.objects.none(),
                                begeleiders=begeleiders_for(programma))
    assert not gefilterd.form.is_valid() and "begeleider" in gefilterd.form.errors


@pytest.mark.parametrize("data", [None, {"fase": "uitvoering", "status": "lopend"}, {"fase": "bestaat-niet", "status": "lopend"}])
def test_the_list_filters_render_the_same_select_as_django(programma, coach, coach2, gemeente, data):
    """The filter's selects write their options in one template (uitstap/widgets/select.html) instead of one
    included template per option: the HTML is Django's own, for every field, with and without a chosen value."""
    from django import forms

    from clients.models import Deelnemer
    from trajecten.forms import DeelnemerFilter
    from uitstap.selectors import begeleiders_for

    if data is not None:
        data = {**data, "begeleider": str(coach2.pk), "woongemeente": str(gemeente.pk)}
    form = DeelnemerFilter(data, queryset=Deelnemer.objects.none(), begeleiders=begeleiders_for(programma)).form
    for naam in ("fase", "status", "begeleider", "woongemeente"):
        veld = form[naam]
        assert veld.field.widget.template_name == "uitstap/widgets/select.html"
        eigen = str(veld)
        django_select = forms.Select(attrs=veld.field.widget.attrs, choices=veld.field.choices)
        assert eigen == veld.as_widget(widget=django_select), naam
        assert eigen.count("<option") == len(list(veld.field.choices))
        if data is not None and (naam != "fase" or data["fase"] == "uitvoering"):
            assert " selected>" in eigen, naam
