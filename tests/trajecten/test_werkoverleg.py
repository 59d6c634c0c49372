"""The werkoverleg: planning rules, the generated agenda (consent on the meeting date, what changed, carry-over of
open afspraken), afspraken and their rules, who sees what (404 for another gemeente, 403 for a coach), the
consent taking participants off at once, and markers that never reach the agenda, the verslag or their PDFs."""

import datetime
import subprocess

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from clients.models import JuridischeRoute
from tests.factories import DeelnemerFactory, GebruikerFactory, GemeenteFactory, ToestemmingFactory
from tests.trajecten.test_gemeente_views import _dossier
from trajecten import selectors, services
from trajecten.models import FaseOvergang, Traject, Werkoverleg, WerkoverlegAfspraak
from uitstap.codes import Fase, Rol
from uitstap.locking import Conflict
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()


def dagen(n):
    return VANDAAG - datetime.timedelta(days=n)


@pytest.fixture
def gedeeld(deelnemer, gemeente):
    """Participant A shares basis and werk_inkomen with Almere since 200 days."""
    return ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, scopes=["basis", "werk_inkomen"],
                              gegeven_op=dagen(200))


def _plan(door, programma, gemeente, datum, aanwezigen="Sanne – klantmanager\nEva – coördinator"):
    return services.werkoverleg_plannen(programma=programma, gemeente=gemeente, datum=datum, aanwezigen=aanwezigen,
                                        door=door)


def _afspraak(wo, deelnemer, door, wat="Aanmelden werkfit-traject", deadline=None):
    return services.werkoverleg_afspraak_vastleggen(werkoverleg=wo, deelnemer=deelnemer, wat=wat, eigenaar="klantmanager",
                                                    deadline=deadline or wo.datum + datetime.timedelta(days=14),
                                                    door=door)


# --- planning ---------------------------------------------------------------------------------------


def test_coordinator_and_klantmanager_plan(coordinator, klantmanager, programma, gemeente):
    wo = _plan(coordinator, programma, gemeente, dagen(-7))
    assert wo.gepland_door == coordinator and wo.aanwezigen_lijst() == ["Sanne – klantmanager", "Eva – coördinator"]
    wo2 = _plan(klantmanager, programma, gemeente, dagen(-14))
    assert wo2.gemeente == gemeente
    assert AuditEvent.objects.filter(actie="create", object_type="werkoverleg").count() == 2


def test_planning_rules(coordinator, klantmanager, coach, programma, gemeente):
    with pytest.raises(ValidationError, match="Alleen een coördinator of een klantmanager"):
        _plan(coach, programma, gemeente, VANDAAG)
    elders = GemeenteFactory(naam="Zeewolde")
    with pytest.raises(ValidationError) as e:
        _plan(coordinator, programma, elders, VANDAAG)
    assert "gemeente" in e.value.message_dict
    km_elders = GebruikerFactory(username="km_zw", rol=Rol.KLANTMANAGER, organisatie=None, gemeente=elders)
    with pytest.raises(ValidationError) as e:
        _plan(km_elders, programma, elders, VANDAAG)  # the programme does not serve Zeewolde
    assert "programma" in e.value.message_dict
    with pytest.raises(ValidationError, match="hoogstens een jaar vooruit"):
        _plan(coordinator, programma, gemeente, dagen(-400))
    with pytest.raises(ValidationError, match="wie er bij het werkoverleg zijn"):
        _plan(coordinator, programma, gemeente, VANDAAG, aanwezigen="  ")
    _plan(coordinator, programma, gemeente, VANDAAG)
    with pytest.raises(ValidationError, match="al een werkoverleg"):
        _plan(klantmanager, programma, gemeente, VANDAAG)
    assert Werkoverleg.objects.count() == 1


def test_moving_a_meeting_is_versioned(coordinator, klantmanager, programma, gemeente):
    wo = _plan(coordinator, programma, gemeente, dagen(-7))
    services.werkoverleg_wijzigen(werkoverleg=wo, datum=dagen(-8), aanwezigen="Sanne", gelezen_versie=1, door=klantmanager)
    with pytest.raises(Conflict):
        services.werkoverleg_wijzigen(werkoverleg=wo, datum=dagen(-9), aanwezigen="Eva", gelezen_versie=1,
                                      door=coordinator)
    wo.refresh_from_db()
    assert wo.datum == dagen(-8) and wo.aanwezigen == "Sanne" and wo.versie == 2


# --- afspraken --------------------------------------------------------------------------------------


def test_afspraak_only_for_a_participant_on_the_agenda(coordinator, programma, gemeente, deelnemer, ander_deelnemer,
                                                       gedeeld):
    wo = _plan(coordinator, programma, gemeente, VANDAAG)
    a = _afspraak(wo, deelnemer, coordinator)
    assert a.deelnemer == deelnemer and not a.afgerond_op
    with pytest.raises(ValidationError) as e:
        _afspraak(wo, ander_deelnemer, coordinator)  # no consent for Almere
    assert e.value.message_dict["deelnemer"] == ["Kies een deelnemer die op de agenda van dit werkoverleg staat."]
    assert WerkoverlegAfspraak.objects.count() == 1


def test_deadline_and_timing_rules(coordinator, programma, gemeente, deelnemer, gedeeld):
    wo = _plan(coordinator, programma, gemeente, dagen(3))
    with pytest.raises(ValidationError, match="vóór het werkoverleg"):
        _afspraak(wo, deelnemer, coordinator, deadline=dagen(4))
    with pytest.raises(ValidationError, match="binnen een jaar"):
        _afspraak(wo, deelnemer, coordinator, deadline=dagen(3) + datetime.timedelta(days=400))
    with pytest.raises(ValidationError, match="Vul in wat er is afgesproken"):
        _afspraak(wo, deelnemer, coordinator, wat=" ")
    later = _plan(coordinator, programma, gemeente, dagen(-10))
    with pytest.raises(ValidationError, match="tijdens of na het werkoverleg"):
        _afspraak(later, deelnemer, coordinator)
    assert not WerkoverlegAfspraak.objects.exists()


def test_afronden_is_versioned_and_once(coordinator, klantmanager, programma, gemeente, deelnemer, gedeeld):
    wo = _plan(coordinator, programma, gemeente, dagen(10))
    a = _afspraak(wo, deelnemer, coordinator)
    with pytest.raises(ValidationError, match="toekomst"):
        services.werkoverleg_afspraak_afronden(afspraak=a, afgerond_op=dagen(-1), gelezen_versie=1, door=klantmanager)
    with pytest.raises(ValidationError, match="vóór het werkoverleg"):
        services.werkoverleg_afspraak_afronden(afspraak=a, afgerond_op=dagen(11), gelezen_versie=1, door=klantmanager)
    services.werkoverleg_afspraak_afronden(afspraak=a, afgerond_op=dagen(1), gelezen_versie=1, door=klantmanager)
    with pytest.raises(Conflict):
        services.werkoverleg_afspraak_afronden(afspraak=a, afgerond_op=VANDAAG, gelezen_versie=1, door=coordinator)
    a.refresh_from_db()
    with pytest.raises(ValidationError, match="al afgerond"):
        services.werkoverleg_afspraak_afronden(afspraak=a, afgerond_op=VANDAAG, gelezen_versie=a.versie, door=coordinator)
    assert a.afgerond_op == dagen(1) and a.afgerond_door == klantmanager


# --- the agenda -------------------------------------------------------------------------------------


def test_open_afspraken_carry_over_to_the_next_agenda(coordinator, programma, gemeente, deelnemer, gedeeld):
    eerste = _plan(coordinator, programma, gemeente, dagen(40))
    open_ = _afspraak(eerste, deelnemer, coordinator, wat="Open afspraak")
    klaar = _afspraak(eerste, deelnemer, coordinator, wat="Klaar voor het volgende overleg")
    services.werkoverleg_afspraak_afronden(afspraak=klaar, afgerond_op=dagen(30), gelezen_versie=1, door=coordinator)
    tweede = _plan(coordinator, programma, gemeente, dagen(10))
    derde = _plan(coordinator, programma, gemeente, dagen(-20))
    agenda = selectors.agenda(tweede, coordinator)
    (punt,) = agenda.punten
    assert agenda.vorige == eerste
    assert [a["wat"] for a in punt.open_afspraken] == ["Open afspraak"]
    assert punt.afspraken == []
    # Done after the second meeting: still open on the second's agenda, gone from the third.
    services.werkoverleg_afspraak_afronden(afspraak=open_, afgerond_op=dagen(5), gelezen_versie=1, door=coordinator)
    assert [a["wat"] for a in selectors.agenda(tweede, coordinator).punten[0].open_afspraken] == ["Open afspraak"]
    assert selectors.agenda(derde, coordinator).punten[0].open_afspraken == []
    assert [a["wat"] for a in selectors.agenda(eerste, coordinator).punten[0].afspraken] == [
        "Open afspraak", "Klaar voor het volgende overleg"]


def test_agenda_shows_what_changed_since_the_previous_meeting(coordinator, coach, programma, gemeente, deelnemer,
                                                              gedeeld):
    t = Traject.objects.create(deelnemer=deelnemer, aanmelddatum=dagen(150))
    FaseOvergang.objects.create(traject=t, fase=Fase.ORIENTATIE, datum=dagen(100), door=coach)
    FaseOvergang.objects.create(traject=t, fase=Fase.UITVOERING, datum=dagen(20), door=coach)
    eerste = _plan(coordinator, programma, gemeente, dagen(60))
    tweede = _plan(coordinator, programma, gemeente, dagen(5))
    teksten = [w.tekst for w in selectors.agenda(tweede, coordinator).punten[0].d.wijzigingen]
    assert teksten == ["Fase: Uitvoering"]
    # The first meeting looks back 90 days, and not past its own date.
    teksten = [w.tekst for w in selectors.agenda(eerste, coordinator).punten[0].d.wijzigingen]
    assert teksten == ["Fase: Oriëntatie"]


def test_consent_on_the_meeting_date_counts(coordinator, programma, gemeente, deelnemer, ander_deelnemer):
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, gegeven_op=dagen(10))
    ToestemmingFactory(deelnemer=ander_deelnemer, gemeente=gemeente, gegeven_op=dagen(100))
    wo = _plan(coordinator, programma, gemeente, dagen(30))
    assert [p.d.pk for p in selectors.agenda(wo, coordinator).punten] == [ander_deelnemer.pk]
    # Expires before an upcoming meeting: not on its agenda.
    ToestemmingFactory(deelnemer=DeelnemerFactory(programma=programma), gemeente=gemeente, vastgelegd_door=coordinator,
                       gegeven_op=dagen(300),
                       geldig_tot=dagen(-5))
    komend = _plan(coordinator, programma, gemeente, dagen(-10))
    assert {p.d.pk for p in selectors.agenda(komend, coordinator).punten} == {deelnemer.pk, ander_deelnemer.pk}


# --- who sees what -----------------------------------------------------------------------------------


def test_klantmanager_of_another_gemeente_gets_404(client, coordinator, programma, gemeente, deelnemer, gedeeld):
    wo = _plan(coordinator, programma, gemeente, VANDAAG)
    a = _afspraak(wo, deelnemer, coordinator)
    elders = GemeenteFactory(naam="Zeewolde")
    programma.gemeenten.add(elders)
    ToestemmingFactory(deelnemer=deelnemer, gemeente=elders, scopes=["basis", "werk_inkomen", "trajectplan", "gevoelig"])
    km = GebruikerFactory(username="km_zw", rol=Rol.KLANTMANAGER, organisatie=None, gemeente=elders)
    client.force_login(km)
    assert client.get(reverse("trajecten:werkoverleggen")).status_code == 200
    for url in (reverse("trajecten:werkoverleg", args=[wo.pk]), reverse("trajecten:werkoverleg_agenda_pdf", args=[wo.pk]),
                reverse("trajecten:werkoverleg_verslag_pdf", args=[wo.pk]),
                reverse("trajecten:werkoverleg_afspraak_nieuw", args=[wo.pk]),
                reverse("trajecten:werkoverleg_afspraak_afronden", args=[a.pk]),
                reverse("trajecten:werkoverleg_afspraak_bewerken", args=[a.pk])):
        assert client.get(url).status_code == 404, url
    assert "Aanmelden werkfit-traject" not in client.get(reverse("trajecten:gemeente_deelnemer",
                                                                 args=[deelnemer.pk])).content.decode()
    assert AuditEvent.objects.filter(gebruiker=km, actie="denied").count() >= 6


def test_a_coach_cannot_plan_or_open_one(client, coach, coordinator, programma, gemeente):
    wo = _plan(coordinator, programma, gemeente, VANDAAG)
    client.force_login(coach)
    assert client.get(reverse("trajecten:werkoverleggen")).status_code == 403
    assert client.get(reverse("trajecten:werkoverleg", args=[wo.pk])).status_code == 403
    response = client.post(reverse("trajecten:werkoverleg_nieuw"), {
        "programma": programma.pk, "gemeente": gemeente.pk, "datum": VANDAAG.isoformat(), "aanwezigen": "Ik"})
    assert response.status_code == 403
    assert Werkoverleg.objects.count() == 1


def test_plan_and_record_through_the_pages(client, klantmanager, programma, gemeente, deelnemer, gedeeld):
    client.force_login(klantmanager)
    response = client.post(reverse("trajecten:werkoverleg_nieuw"), {
        "programma": programma.pk, "gemeente": 999, "datum": VANDAAG.isoformat(), "aanwezigen": "Sanne – klantmanager"})
    wo = Werkoverleg.objects.get()
    assert response.status_code == 302 and wo.gemeente == gemeente  # a posted gemeente changes nothing
    html = client.get(reverse("trajecten:werkoverleg", args=[wo.pk])).content.decode()
    assert deelnemer.clientcode in html
    url = reverse("trajecten:werkoverleg_afspraak_nieuw", args=[wo.pk])
    response = client.post(url, {"deelnemer": deelnemer.pk, "wat": "Gesprek over werkfit", "eigenaar": "klantmanager",
                                 "deadline": (VANDAAG - datetime.timedelta(days=1)).isoformat()})
    assert response.status_code == 200 and "De deadline ligt vóór het werkoverleg" in response.content.decode()
    response = client.post(url, {"deelnemer": deelnemer.pk, "wat": "Gesprek over werkfit", "eigenaar": "klantmanager",
                                 "deadline": VANDAAG.isoformat()})
    assert response.status_code == 302
    a = WerkoverlegAfspraak.objects.get()
    response = client.post(reverse("trajecten:werkoverleg_afspraak_afronden", args=[a.pk]) + f"?terug={wo.pk}",
                           {"afgerond_op": VANDAAG.isoformat(), "gelezen_versie": a.versie})
    assert response.status_code == 302 and response["Location"].endswith(f"#deelnemer-{deelnemer.pk}")
    a.refresh_from_db()
    assert a.afgerond_op == VANDAAG
    events = AuditEvent.objects.filter(gebruiker=klantmanager, clientcode=deelnemer.clientcode)
    assert events.exists() and set(events.values_list("grondslag", flat=True)) == {f"toestemming:{gedeeld.pk}"}


def test_afspraken_on_both_sides(client, coach, klantmanager, coordinator, programma, gemeente, deelnemer, gedeeld):
    wo = _plan(coordinator, programma, gemeente, VANDAAG)
    _afspraak(wo, deelnemer, coordinator, wat="Plek bij werkfit regelen")
    client.force_login(klantmanager)
    assert "Plek bij werkfit regelen" in client.get(reverse("trajecten:gemeente_deelnemer",
                                                            args=[deelnemer.pk])).content.decode()
    client.force_login(coach)
    assert "Plek bij werkfit regelen" in client.get(reverse("trajecten:toestemmingen",
                                                            args=[deelnemer.pk])).content.decode()


@pytest.mark.parametrize("einde", ["ingetrokken", "verlopen"])
def test_withdrawn_or_expired_consent_leaves_the_agenda(client, coach, klantmanager, coordinator, programma, gemeente,
                                                        deelnemer, gedeeld, einde):
    wo = _plan(coordinator, programma, gemeente, dagen(1))
    a = _afspraak(wo, deelnemer, coordinator, wat="Plek bij werkfit regelen")
    client.force_login(klantmanager)
    assert deelnemer.clientcode in client.get(reverse("trajecten:werkoverleg", args=[wo.pk])).content.decode()
    if einde == "ingetrokken":
        from clients import services as client_services

        client_services.toestemming_intrekken(toestemming=gedeeld, reden="Wil niet meer delen", gelezen_versie=gedeeld.versie,
                                              door=coach)
        reis = time_machine.travel(timezone.now(), tick=True)
    else:
        reis = time_machine.travel(gedeeld.geldig_tot + datetime.timedelta(days=1), tick=False)
    with reis:
        for user in (klantmanager, coordinator):
            client.force_login(user)
            html = client.get(reverse("trajecten:werkoverleg", args=[wo.pk])).content.decode()
            assert deelnemer.clientcode not in html and "Plek bij werkfit regelen" not in html
            assert selectors.agenda(wo, user).punten == []
        client.force_login(klantmanager)
        assert client.get(reverse("trajecten:werkoverleg_afspraak_afronden", args=[a.pk])).status_code == 404
        assert client.get(reverse("trajecten:gemeente_deelnemer", args=[deelnemer.pk])).status_code == 404
        assert selectors.afspraken_voor_gemeente(klantmanager, deelnemer.pk) == []
        client.force_login(coach)  # the coach keeps the afspraak on the dossier
        assert "Plek bij werkfit regelen" in client.get(reverse("trajecten:toestemmingen",
                                                                args=[deelnemer.pk])).content.decode()


# --- markers never on the agenda, the verslag or their PDFs ----------------------------------------

NOOIT = ("MRKNOTITIE", "MRKINTAKE", "MRKMETING", "MRKVOORTGANG", "MRKEIGENWOORDEN", "MRKACHTERNAAM", "MRKJURIDISCH",
         "Verblijfsregeling mensenhandel")
GEVOELIG = ("MRKVERSLAVING", "MRKGEZONDHEID", "MRKVERBLIJF", "MRKMENSENHANDEL")


def _pdf_tekst(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("scopes", [["basis"], ["basis", "werk_inkomen", "trajectplan"],
                                    ["basis", "werk_inkomen", "trajectplan", "gevoelig"]])
def test_markers_never_reach_agenda_or_verslag(client, coach, coordinator, klantmanager, programma, gemeente, deelnemer,
                                               scopes):
    _dossier(deelnemer, coach)
    JuridischeRoute.objects.create(deelnemer=deelnemer, toelichting="MRKJURIDISCH", door=coach)
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, scopes=scopes, gegeven_op=dagen(100))
    wo = _plan(coordinator, programma, gemeente, VANDAAG)
    _afspraak(wo, deelnemer, coordinator, wat="MRKAFSPRAAK")
    for user in (coordinator, klantmanager):
        client.force_login(user)
        html = client.get(reverse("trajecten:werkoverleg", args=[wo.pk])).content.decode()
        teksten = {"pagina": html}
        for soort in ("agenda", "verslag"):
            response = client.get(reverse(f"trajecten:werkoverleg_{soort}_pdf", args=[wo.pk]))
            assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
            teksten[soort] = _pdf_tekst(response.content)
        for soort, tekst in teksten.items():
            assert deelnemer.clientcode in tekst
            for marker in NOOIT:
                assert marker not in tekst, (marker, soort, user)
            for marker in GEVOELIG:  # goals in sensitive leefgebieden: page and agenda, only under gevoelig
                assert (marker in tekst) == ("gevoelig" in scopes and soort != "verslag"), (marker, soort, user)
        assert "MRKAFSPRAAK" in html and "MRKAFSPRAAK" in teksten["verslag"]  # the verslag lists the afspraken made
        assert ("MRKHUISDOEL" in html) == ("trajectplan" in scopes)
    prints = AuditEvent.objects.filter(actie="print", clientcode=deelnemer.clientcode, gebruiker=klantmanager)
    assert prints.count() == 2 and prints.first().grondslag.startswith("toestemming:")
