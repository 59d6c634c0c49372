"""The sociale kaart: partner and contact-person services, roles, the partner page's access and audit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.forms import AanmeldingForm
from tests.factories import DeelnemerFactory, GemeenteFactory, KetenpartnerFactory, ProgrammaFactory
from trajecten import services
from trajecten.forms import TrajectStartForm
from trajecten.models import Traject
from trajecten.services import verwijzing_aanmaken, verwijzing_starten
from uitstap import services as kaart_services
from uitstap.codes import KetenpartnerSoort
from uitstap.models import AuditEvent, Contactpersoon, Ketenpartner

K = KetenpartnerSoort
VANDAAG_PER_TEST = True  # tests/conftest.py sets VANDAAG to today before every test (never at import time)
VANDAAG = None


def dagen_geleden(n):
    return VANDAAG - datetime.timedelta(days=n)


@pytest.fixture
def schuldhulp(programma, gemeente):
    p = KetenpartnerFactory(programma=programma, naam="Schuldhulp Test", soort=K.SCHULDHULPVERLENING)
    p.gemeenten.add(gemeente)
    return p


# --- services ------------------------------------------------------------------------------------


def test_coordinator_creates_partner_with_unique_name(programma, gemeente, coordinator):
    p = kaart_services.ketenpartner_aanmaken(programma=programma, door=coordinator, data={
        "naam": " Woonkans ", "soort": K.HUISVESTING, "gemeenten": [gemeente], "telefoon": "036-1234567"})
    assert (p.naam, p.actief, p.voorgesteld, list(p.gemeenten.all())) == ("Woonkans", True, False, [gemeente])
    assert AuditEvent.objects.filter(actie="create", object_type="ketenpartner", object_id=str(p.pk)).exists()
    with pytest.raises(ValidationError, match="al een ketenpartner met deze naam"):
        kaart_services.ketenpartner_aanmaken(programma=programma, door=coordinator, data={"naam": "woonkans", "soort": K.GGZ})
    # The same name in another programme is fine: the kaart is per programme.
    kaart_services.ketenpartner_aanmaken(programma=ProgrammaFactory(), door=coordinator, data={"naam": "Woonkans", "soort": K.GGZ})
    assert Ketenpartner.objects.count() == 2


def test_gemeente_outside_the_region_is_refused(programma, coordinator):
    with pytest.raises(ValidationError, match="regio van het programma"):
        kaart_services.ketenpartner_aanmaken(programma=programma, door=coordinator, data={
            "naam": "X", "soort": K.GGZ, "gemeenten": [GemeenteFactory(naam="Urk")]})
    assert not Ketenpartner.objects.exists()


def test_proposal_is_inactive_until_approved(programma, coach, coordinator):
    p = kaart_services.ketenpartner_voorstellen(programma=programma, door=coach, data={"naam": "Kledingbank", "soort": K.OVERIG})
    assert (p.actief, p.voorgesteld, p.voorgesteld_door) == (False, True, coach)
    with pytest.raises(ValidationError, match="Keur het voorstel goed"):
        kaart_services.ketenpartner_wijzigen(ketenpartner=p, data={"actief": True}, door=coordinator, gelezen_versie=p.versie)
    kaart_services.ketenpartner_goedkeuren(ketenpartner=p, door=coordinator)
    p.refresh_from_db()
    assert (p.actief, p.voorgesteld) == (True, False)
    with pytest.raises(ValidationError):
        kaart_services.ketenpartner_goedkeuren(ketenpartner=p, door=coordinator)


def test_rejected_proposal_is_removed(programma, coach, coordinator):
    p = kaart_services.ketenpartner_voorstellen(programma=programma, door=coach, data={"naam": "Kledingbank", "soort": K.OVERIG})
    kaart_services.ketenpartner_voorstel_afwijzen(ketenpartner=p, door=coordinator)
    assert not Ketenpartner.objects.exists()
    assert AuditEvent.objects.filter(actie="delete", object_type="ketenpartner").exists()


def test_deactivate_and_contact_persons(schuldhulp, coordinator):
    persoon = kaart_services.contactpersoon_aanmaken(ketenpartner=schuldhulp, door=coordinator, data={
        "naam": "Anouk de Boer", "functie": "Budgetcoach", "email": "anouk@example.org"})
    with pytest.raises(ValidationError):
        kaart_services.contactpersoon_aanmaken(ketenpartner=schuldhulp, door=coordinator, data={"naam": " "})
    kaart_services.contactpersoon_wijzigen(contactpersoon=persoon, door=coordinator, data={"actief": False, "naam": "Anouk de Boer"}, gelezen_versie=persoon.versie)
    persoon.refresh_from_db()
    assert persoon.actief is False and Contactpersoon.objects.count() == 1
    kaart_services.ketenpartner_wijzigen(ketenpartner=schuldhulp, data={"actief": False}, door=coordinator, gelezen_versie=schuldhulp.versie)
    schuldhulp.refresh_from_db()
    assert schuldhulp.actief is False


def test_registration_forms_pick_from_the_programmes_active_partners(programma, schuldhulp, coach, gemeente):
    KetenpartnerFactory(programma=programma, naam="Oud", actief=False)
    KetenpartnerFactory(programma=programma, naam="Voorstel", actief=False, voorgesteld=True)
    KetenpartnerFactory(programma=ProgrammaFactory(), naam="Elders")
    for form in (AanmeldingForm(programma=programma), TrajectStartForm(programma=programma)):
        assert list(form.fields["verwijzer_ketenpartner"].queryset) == [schuldhulp]


def test_registration_with_a_referring_partner(login, programma, schuldhulp, coach):
    response = login(coach).post(reverse("trajecten:deelnemer_nieuw"), {
        "roepnaam": "Mira", "gender": "vrouw", "sector": "raam", "verblijfsstatus": "eu_burger",
        "aanmelddatum": VANDAAG.isoformat(), "verwijzer": "ketenpartner",
        "verwijzer_ketenpartner": schuldhulp.pk})
    assert response.status_code == 302
    assert Traject.objects.get().verwijzer_ketenpartner == schuldhulp


# --- screens and roles -------------------------------------------------------------------------


def test_list_filters_by_soort_gemeente_and_name(login, programma, schuldhulp, coach):
    KetenpartnerFactory(programma=programma, naam="GGZ Polder", soort=K.GGZ)
    KetenpartnerFactory(programma=programma, naam="Gesloten Partner", actief=False)
    KetenpartnerFactory(programma=ProgrammaFactory(), naam="Ander Programma Partner")
    client = login(coach)
    url = reverse("trajecten:sociale_kaart")
    text = client.get(url).text
    assert "Schuldhulp Test" in text and "GGZ Polder" in text
    assert "Gesloten Partner" not in text and "Ander Programma Partner" not in text
    assert "Mediane wachttijd" not in text  # coordinators only
    text = client.get(url, {"soort": K.GGZ}).text
    assert "GGZ Polder" in text and "Schuldhulp Test" not in text
    gemeente = schuldhulp.gemeenten.get()
    text = client.get(url, {"gemeente": gemeente.pk}).text
    assert "Schuldhulp Test" in text and "GGZ Polder" not in text
    text = client.get(url, {"zoek": "polder"}).text
    assert "GGZ Polder" in text and "Schuldhulp Test" not in text
    assert "Gesloten Partner" in client.get(url, {"inactief": "on"}).text


def test_coach_proposes_but_cannot_edit_or_approve(login, programma, schuldhulp, coach):
    client = login(coach)
    form = client.get(reverse("trajecten:ketenpartner_nieuw")).text
    assert "Ketenpartner voorstellen" in form and 'name="actief"' not in form
    response = client.post(reverse("trajecten:ketenpartner_nieuw"), {"naam": "Kledingbank", "soort": K.OVERIG, "actief": "on"})
    assert response.status_code == 302
    voorstel = Ketenpartner.objects.get(naam="Kledingbank")
    assert (voorstel.voorgesteld, voorstel.actief, voorstel.voorgesteld_door) == (True, False, coach)
    for name in ("ketenpartner_bewerken", "contactpersoon_nieuw"):
        assert client.get(reverse(f"trajecten:{name}", args=[schuldhulp.pk])).status_code == 403
    for name in ("ketenpartner_goedkeuren", "ketenpartner_afwijzen", "ketenpartner_actief"):
        assert client.post(reverse(f"trajecten:{name}", args=[voorstel.pk])).status_code == 403
    voorstel.refresh_from_db()
    assert voorstel.voorgesteld


def test_coordinator_approves_edits_and_manages_contacts(login, programma, schuldhulp, coach, coordinator):
    voorstel = kaart_services.ketenpartner_voorstellen(programma=programma, door=coach, data={"naam": "Kledingbank", "soort": K.OVERIG})
    client = login(coordinator)
    assert "Kledingbank" in client.get(reverse("trajecten:sociale_kaart")).text  # listed under proposals
    detail = client.get(reverse("trajecten:ketenpartner_detail", args=[voorstel.pk])).text
    assert "Voorstel goedkeuren" in detail and "Voorstel afwijzen" in detail
    for url in (reverse("trajecten:ketenpartner_bewerken", args=[schuldhulp.pk]),
                reverse("trajecten:contactpersoon_nieuw", args=[schuldhulp.pk]), reverse("trajecten:ketenpartner_nieuw")):
        assert client.get(url).status_code == 200, url
    assert client.post(reverse("trajecten:ketenpartner_goedkeuren", args=[voorstel.pk])).status_code == 302
    voorstel.refresh_from_db()
    assert voorstel.actief and not voorstel.voorgesteld
    response = client.post(reverse("trajecten:ketenpartner_bewerken", args=[schuldhulp.pk]), {
        "naam": "Schuldhulp Flevo", "soort": K.SCHULDHULPVERLENING, "telefoon": "0320-123456", "actief": "on",
        "gelezen_versie": schuldhulp.versie})
    assert response.status_code == 302
    schuldhulp.refresh_from_db()
    assert (schuldhulp.naam, schuldhulp.telefoon) == ("Schuldhulp Flevo", "0320-123456")
    response = client.post(reverse("trajecten:contactpersoon_nieuw", args=[schuldhulp.pk]), {"naam": "Anouk de Boer", "functie": "Budgetcoach"})
    assert response.status_code == 302
    persoon = Contactpersoon.objects.get()
    assert client.post(reverse("trajecten:contactpersoon_bewerken", args=[persoon.pk]), {
        "naam": "Anouk de Boer", "gelezen_versie": persoon.versie}).status_code == 302
    persoon.refresh_from_db()
    assert persoon.actief is False  # unchecked box
    assert client.post(reverse("trajecten:ketenpartner_actief", args=[schuldhulp.pk]), {
        "actief": "0", "gelezen_versie": schuldhulp.versie}).status_code == 302
    schuldhulp.refresh_from_db()
    assert not schuldhulp.actief


def test_duplicate_name_in_form_gives_dutch_error(login, schuldhulp, coordinator):
    response = login(coordinator).post(reverse("trajecten:ketenpartner_nieuw"), {"naam": "schuldhulp test", "soort": K.GGZ})
    assert response.status_code == 200 and "al een ketenpartner met deze naam" in response.text


def test_partner_of_another_programme_is_404_and_other_roles_403(login, coordinator, klantmanager, beheerder):
    elders = KetenpartnerFactory(programma=ProgrammaFactory())
    assert login(coordinator).get(reverse("trajecten:ketenpartner_detail", args=[elders.pk])).status_code == 404
    assert login(coordinator).post(reverse("trajecten:ketenpartner_actief", args=[elders.pk]), {"actief": "0"}).status_code == 404
    for user in (klantmanager, beheerder):
        assert login(user).get(reverse("trajecten:sociale_kaart")).status_code == 403


@pytest.fixture
def twee_verwijzingen(programma, schuldhulp, coach, coach3, deelnemer, ander_deelnemer):
    """One referral of coach's participant (waited 10 days), one of coach3's (waited 40 days)."""
    uit = []
    for d, door, wacht in ((deelnemer, coach, 10), (ander_deelnemer, coach3, 40)):
        t = services.traject_starten(deelnemer=d, aanmelddatum=dagen_geleden(200), door=door)
        v = verwijzing_aanmaken(traject=t, ketenpartner=schuldhulp, verwezen=dagen_geleden(50 + wacht), door=door)
        verwijzing_starten(verwijzing=v, gestart=dagen_geleden(50), door=door, gelezen_versie=v.versie)
        uit.append(v)
    return uit


def test_coach_never_sees_another_coachs_participants_on_the_partner_page(login, schuldhulp, coach, twee_verwijzingen,
                                                                       deelnemer, ander_deelnemer):
    ander_deelnemer.roepnaam = "Zwaantje"
    ander_deelnemer.save()
    text = login(coach).get(reverse("trajecten:ketenpartner_detail", args=[schuldhulp.pk])).text
    assert deelnemer.clientcode in text
    assert ander_deelnemer.clientcode not in text
    assert "Zwaantje" not in text
    assert "mediane wachttijd" not in text.lower()  # no figures over other coaches' participants
    event = AuditEvent.objects.filter(actie="list", object_type="verwijzingen_ketenpartner").latest("id")
    assert event.clientcodes == [deelnemer.clientcode]


def test_coordinator_sees_all_referrals_counts_and_median(login, schuldhulp, coordinator, twee_verwijzingen,
                                                         deelnemer, ander_deelnemer):
    text = login(coordinator).get(reverse("trajecten:ketenpartner_detail", args=[schuldhulp.pk])).text
    assert deelnemer.clientcode in text and ander_deelnemer.clientcode in text
    assert "25 dagen" in text  # median of 10 and 40
    event = AuditEvent.objects.filter(actie="list", object_type="verwijzingen_ketenpartner").latest("id")
    assert event.clientcodes == sorted([deelnemer.clientcode, ander_deelnemer.clientcode])
    lijst = login(coordinator).get(reverse("trajecten:sociale_kaart")).text
    assert "Mediane wachttijd" in lijst and "25 dagen" in lijst


def test_backup_coach_sees_the_participants_referral_on_the_partner_page(login, schuldhulp, coach2, twee_verwijzingen, deelnemer):
    assert deelnemer.clientcode in login(coach2).get(reverse("trajecten:ketenpartner_detail", args=[schuldhulp.pk])).text


def test_partner_page_query_count_is_constant(login, programma, schuldhulp, coach):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def maak(n):
        for _ in range(n):
            d = DeelnemerFactory(programma=programma, begeleider=coach)
            t = services.traject_starten(deelnemer=d, aanmelddatum=dagen_geleden(20), door=coach)
            verwijzing_aanmaken(traject=t, ketenpartner=schuldhulp, verwezen=dagen_geleden(10), door=coach)

    def tel():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("trajecten:ketenpartner_detail", args=[schuldhulp.pk])).status_code == 200
        return len(ctx.captured_queries)

    client = login(coach)
    maak(2)
    twee = tel()
    maak(10)
    assert tel() == twee
