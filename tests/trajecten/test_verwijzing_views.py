"""The Verwijzingen tab and referral actions: access (404 for others), audit, forms that refuse bad input."""

import datetime

import pytest
from django.urls import reverse

from trajecten import services
from trajecten.models import Terugkoppeling, Verwijzing
from trajecten.services import verwijzing_aanmaken
from uitstap.codes import VerwijzingStatus
from uitstap.models import AuditEvent, Contactpersoon
from uitstap.forms import CONFLICT

S = VerwijzingStatus
VANDAAG_PER_TEST = True  # tests/conftest.py sets VANDAAG to today before every test (never at import time)
VANDAAG = None


def dagen_geleden(n):
    return VANDAAG - datetime.timedelta(days=n)


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen_geleden(100), door=coach)


@pytest.fixture
def verwijzing(traject, schuldhulp, coach):
    return verwijzing_aanmaken(traject=traject, ketenpartner=schuldhulp, verwezen=dagen_geleden(40), door=coach,
                             hulpvraag="Schuldenoverzicht")


def referral_urls(verwijzing):
    pk = verwijzing.pk
    return [
        reverse("trajecten:verwijzingen", args=[verwijzing.traject.deelnemer_id]),
        reverse("trajecten:verwijzing_nieuw", args=[verwijzing.traject_id]),
        reverse("trajecten:verwijzing_bewerken", args=[pk]),
        reverse("trajecten:verwijzing_status", args=[pk]),
        reverse("trajecten:verwijzing_intake", args=[pk]),
        reverse("trajecten:terugkoppeling_nieuw", args=[pk]),
    ]


def test_other_coach_gets_404_on_every_referral_url_backup_gets_200(login, verwijzing, coach2, coach3):
    client = login(coach3)
    for url in referral_urls(verwijzing):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"status": "gestart", "datum": VANDAAG.isoformat(), "notitie": "x"}).status_code == 404, url
    assert AuditEvent.objects.filter(actie="denied", gebruiker=coach3, clientcode=verwijzing.traject.deelnemer.clientcode).exists()
    v = Verwijzing.objects.get()
    assert (v.status, v.versie, Terugkoppeling.objects.count()) == (S.AANGEVRAAGD, 1, 0)
    client = login(coach2)
    for url in referral_urls(verwijzing):
        assert client.get(url).status_code == 200, url


def test_missing_referral_is_404(login, coach):
    assert login(coach).get(reverse("trajecten:verwijzing_status", args=[999999])).status_code == 404


def test_tab_shows_referrals_with_waiting_days_and_logs_the_read(login, verwijzing, coach):
    response = login(coach).get(reverse("trajecten:verwijzingen", args=[verwijzing.traject.deelnemer_id]))
    text = response.text
    assert "Schuldhulp Test" in text and "Aangevraagd" in text and "wacht al 40 dagen" in text
    assert "langer dan 30 dagen" in text
    assert reverse("trajecten:verwijzing_nieuw", args=[verwijzing.traject_id]) in text  # "Verwijzen" one click away
    e = AuditEvent.objects.filter(actie="view", object_type="verwijzingen").latest("id")
    assert (e.clientcode, e.gebruiker, e.grondslag) == (verwijzing.traject.deelnemer.clientcode, coach, "eigen_caseload")
    # The caseload shows the same long wait as a signal.
    assert "1 verwijzing(en) wachten lang" in login(coach).get(reverse("trajecten:caseload")).text


def test_empty_tab_says_what_to_do(login, traject, coach):
    text = login(coach).get(reverse("trajecten:verwijzingen", args=[traject.deelnemer_id])).text
    assert "Nog geen verwijzingen." in text


def test_refer_through_the_form(login, traject, schuldhulp, coach):
    persoon = Contactpersoon.objects.create(ketenpartner=schuldhulp, naam="Anouk de Boer")
    client = login(coach)
    url = reverse("trajecten:verwijzing_nieuw", args=[traject.pk])
    form = client.get(url).text
    assert "Schuldhulp Test (Schuldhulpverlening)" in form
    response = client.post(url, {
        "ketenpartner": schuldhulp.pk, "hulpvraag": "Budgetbeheer", "verwezen": dagen_geleden(3).isoformat(),
        "contactpersoon": persoon.pk, "status": "wachtlijst",
        # fields the short form does not have must change nothing
        "gestart": dagen_geleden(1).isoformat(), "door": "",
    })
    assert response.status_code == 302
    v = Verwijzing.objects.get()
    assert (v.status, v.gestart, v.contactpersoon, v.door, v.hulpvraag) == (S.WACHTLIJST, None, persoon, coach, "Budgetbeheer")
    assert response["Location"].endswith(f"#verwijzing-{v.pk}")


def test_inactive_partner_cannot_be_chosen(login, traject, schuldhulp, coach):
    schuldhulp.actief = False
    schuldhulp.save()
    response = login(coach).post(reverse("trajecten:verwijzing_nieuw", args=[traject.pk]), {
        "ketenpartner": schuldhulp.pk, "verwezen": VANDAAG.isoformat(), "status": "aangevraagd"})
    assert response.status_code == 200 and not Verwijzing.objects.exists()


def test_record_start_and_see_waiting_time(login, verwijzing, coach):
    client = login(coach)
    response = client.post(reverse("trajecten:verwijzing_status", args=[verwijzing.pk]), {
        "status": "gestart", "datum": dagen_geleden(12).isoformat(), "gelezen_versie": 1})
    assert response.status_code == 302
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.gestart) == (S.GESTART, dagen_geleden(12))
    text = client.get(reverse("trajecten:verwijzingen", args=[verwijzing.traject.deelnemer_id])).text
    assert "28 dagen gewacht" in text


def test_start_before_referral_shows_dutch_error_and_writes_nothing(login, verwijzing, coach):
    response = login(coach).post(reverse("trajecten:verwijzing_status", args=[verwijzing.pk]), {
        "status": "gestart", "datum": dagen_geleden(41).isoformat(), "gelezen_versie": 1})
    assert response.status_code == 200
    assert "Er is een probleem" in response.text
    assert "De hulp kan niet eerder starten dan de verwijzing" in response.text
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.gestart, verwijzing.versie) == (S.AANGEVRAAGD, None, 1)


def test_stale_form_shows_conflict(login, verwijzing, coach, coach2):
    login(coach2).post(reverse("trajecten:verwijzing_intake", args=[verwijzing.pk]), {
        "intake_partner": dagen_geleden(30).isoformat(), "gelezen_versie": 1})
    response = login(coach).post(reverse("trajecten:verwijzing_status", args=[verwijzing.pk]), {
        "status": "afgewezen", "datum": dagen_geleden(1).isoformat(), "reden": "Buiten doelgroep", "gelezen_versie": 1})
    assert response.status_code == 200 and CONFLICT in response.text
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.intake_partner) == (S.AANGEVRAAGD, dagen_geleden(30))


def test_full_edit_and_feedback(login, verwijzing, coach):
    client = login(coach)
    response = client.post(reverse("trajecten:verwijzing_bewerken", args=[verwijzing.pk]), {
        "ketenpartner": verwijzing.ketenpartner_id, "hulpvraag": "Schuldregeling", "verwezen": dagen_geleden(40).isoformat(),
        "status": "afgebroken", "gestart": dagen_geleden(20).isoformat(), "beeindigd": dagen_geleden(2).isoformat(),
        "reden": "Niet meer verschenen", "gelezen_versie": 1})
    assert response.status_code == 302, response.text
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.reden, verwijzing.versie) == (S.AFGEBROKEN, "Niet meer verschenen", 2)
    response = client.post(reverse("trajecten:terugkoppeling_nieuw", args=[verwijzing.pk]), {
        "datum": dagen_geleden(1).isoformat(), "notitie": "<b>Dossier</b> gesloten bij partner"})
    assert response.status_code == 302
    text = client.get(reverse("trajecten:verwijzingen", args=[verwijzing.traject.deelnemer_id])).text
    assert "&lt;b&gt;Dossier&lt;/b&gt; gesloten bij partner" in text and "Niet meer verschenen" in text


def test_edit_form_with_start_before_referral_gives_field_error_not_constraint_text(login, verwijzing, coach):
    response = login(coach).post(reverse("trajecten:verwijzing_bewerken", args=[verwijzing.pk]), {
        "ketenpartner": verwijzing.ketenpartner_id, "verwezen": dagen_geleden(40).isoformat(),
        "status": "gestart", "gestart": dagen_geleden(50).isoformat(), "gelezen_versie": 1})
    assert response.status_code == 200
    assert "De hulp kan niet eerder starten dan de verwijzing" in response.text
    assert "Constraint" not in response.text


def test_after_a_conflict_saving_again_is_a_knowing_overwrite(login, verwijzing, coach, coach2):
    login(coach2).post(reverse("trajecten:verwijzing_intake", args=[verwijzing.pk]), {
        "intake_partner": dagen_geleden(30).isoformat(), "gelezen_versie": 1})
    client = login(coach)
    data = {"status": "gestart", "datum": dagen_geleden(20).isoformat(), "gelezen_versie": 1}
    response = client.post(reverse("trajecten:verwijzing_status", args=[verwijzing.pk]), data)
    assert CONFLICT in response.text and 'name="gelezen_versie" value="2"' in response.text
    data["gelezen_versie"] = 2
    assert client.post(reverse("trajecten:verwijzing_status", args=[verwijzing.pk]), data).status_code == 302
    verwijzing.refresh_from_db()
    assert (verwijzing.status, verwijzing.intake_partner, verwijzing.versie) == (S.GESTART, dagen_geleden(30), 3)
