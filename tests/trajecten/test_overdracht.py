"""The warm handover (overdracht): prepare, accept, decline, withdraw; what B sees; who may decide."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.models import Deelnemer, Toestemming
from clients.selectors import deelnemers_visible_to, toestemmingen_actueel, toestemmingen_geldig
from tests.factories import GebruikerFactory, KetenpartnerFactory, OrganisatieFactory, ProgrammaFactory
from trajecten import selectors, services
from trajecten.models import Overdracht, Overdrachtssamenvatting, Traject, Uitstroom
from uitstap.codes import KetenpartnerSoort, Rol
from uitstap.locking import Conflict
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db

NOTITIE = "NOTITIE-MARKER-7731"
VERSLAVING = "VERSLAVING-MARKER-5512"
WERK = "WERK-MARKER-2290"


def dagen(n):
    return datetime.date.today() - datetime.timedelta(days=n)


@pytest.fixture
def b(db):
    """Programme B, run by another organisation, with its coordinator and a coach."""
    org = OrganisatieFactory(naam="Stichting Elders")
    programma = ProgrammaFactory(naam="Uitstapprogramma Elders", slug="elders", code="ELD", organisaties=[org])
    return {
        "programma": programma,
        "coord": GebruikerFactory(username="coord_b", rol=Rol.COORDINATOR, organisatie=org),
        "coach": GebruikerFactory(username="coach_b", rol=Rol.TRAJECTBEGELEIDER, organisatie=org),
    }


@pytest.fixture
def dossier_a(deelnemer, coach, programma):
    """A's participant in uitvoering with a work goal, an addiction goal, referrals on both and a contact note."""
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen(120), door=coach)
    services.fase_wijzigen(traject=traject, fase="orientatie", datum=dagen(110), door=coach)
    services.fase_wijzigen(traject=traject, fase="uitvoering", datum=dagen(90), door=coach)
    plan = services.trajectplan_opstellen(traject=traject, opgesteld_op=dagen(80), door=coach)
    smart = {"indicator": "Afspraak staat", "acceptabel": True, "realistisch": "Met hulp",
             "streefdatum": datetime.date.today() + datetime.timedelta(days=60)}
    werk = services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "werk_dagbesteding", "omschrijving": WERK, **smart})
    verslaving = services.doel_aanmaken(plan=plan, door=coach, data={
        "leefgebied": "middelengebruik", "omschrijving": VERSLAVING, **smart})
    reintegratie = KetenpartnerFactory(programma=programma, naam="Werkstart", soort=KetenpartnerSoort.WERK_REINTEGRATIE)
    zorg = KetenpartnerFactory(programma=programma, naam="Verslavingszorg Test", soort=KetenpartnerSoort.VERSLAVINGSZORG)
    services.verwijzing_aanmaken(traject=traject, ketenpartner=reintegratie, verwezen=dagen(60), door=coach,
                                 doel=werk, hulpvraag="Werkervaringsplek")
    services.verwijzing_aanmaken(traject=traject, ketenpartner=zorg, verwezen=dagen(50), door=coach, doel=verslaving,
                                 hulpvraag="Ambulante behandeling " + VERSLAVING)
    services.contactmoment_vastleggen(traject=traject, door=coach, data={
        "datum": dagen(10), "soort": "gesprek", "status": "gehouden", "duur_minuten": 30, "notitie": NOTITIE})
    return traject


def voorbereiden(deelnemer, naar, door, scopes=("basis", "werk_inkomen")):
    return services.overdracht_voorbereiden(
        deelnemer=deelnemer, naar_programma=naar, scopes=list(scopes), bericht="Verhuist naar de regio van B.",
        gegeven_op=datetime.date.today(), wijze=Toestemming.Wijze.MONDELING,
        verklaring="Mondeling gegeven; uitgelegd wat meegaat.", door=door)


def test_prepare_records_a_consent_for_the_programme_and_the_summary_in_scope(deelnemer, coach, dossier_a, b):
    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    t = overdracht.toestemming
    assert t.programma == b["programma"] and t.gemeente is None and t.scopes == ["basis", "werk_inkomen"]
    s = overdracht.samenvatting
    assert s["basis"]["clientcode"] == deelnemer.clientcode
    assert [f["fase"] for f in s["fasen"]] == ["Contact", "Oriëntatie", "Uitvoering"]
    tekst = str(s)
    assert WERK in tekst and "Werkervaringsplek" in tekst
    assert VERSLAVING not in tekst and NOTITIE not in tekst and "gevoelig" not in s
    # A gemeente-consent selector never sees the consent for the transfer.
    assert toestemmingen_actueel(deelnemer) == []
    assert not toestemmingen_geldig(gemeente=None).exists()
    assert AuditEvent.objects.filter(object_type="overdracht", clientcode=deelnemer.clientcode, actie="create").exists()


def test_gemeente_consent_selectors_ignore_the_consent_for_a_transfer(deelnemer, coach, dossier_a, b, klantmanager):
    from clients.selectors import toestemmingen_verlopen_binnenkort

    services.overdracht_voorbereiden(
        deelnemer=deelnemer, naar_programma=b["programma"], scopes=["basis"], bericht="Verhuist.",
        gegeven_op=dagen(340), wijze="mondeling", verklaring="Mondeling.", door=coach)  # ends within a month
    alleen = Deelnemer.objects.filter(pk=deelnemer.pk)
    assert not toestemmingen_verlopen_binnenkort(alleen).exists()
    assert not selectors.annoteer_toestemming(alleen, datetime.date.today()).get().toestemming_verloopt
    assert not deelnemers_visible_to(klantmanager).exists()
    assert toestemmingen_actueel(deelnemer) == []


def test_gevoelig_goes_along_only_when_chosen(deelnemer, coach, dossier_a, b):
    overdracht = voorbereiden(deelnemer, b["programma"], coach, scopes=("basis", "werk_inkomen", "gevoelig"))
    tekst = str(overdracht.samenvatting)
    assert VERSLAVING in tekst and "gevoelig" in overdracht.samenvatting
    assert NOTITIE not in tekst  # contact notes: never


def test_prepare_refuses_own_programme_a_second_open_one_and_no_basis(deelnemer, coach, dossier_a, b, programma):
    with pytest.raises(ValidationError):
        voorbereiden(deelnemer, programma, coach)
    with pytest.raises(ValidationError):
        voorbereiden(deelnemer, b["programma"], coach, scopes=("werk_inkomen",))
    voorbereiden(deelnemer, b["programma"], coach)
    with pytest.raises(ValidationError):
        voorbereiden(deelnemer, b["programma"], coach)
    assert Overdracht.objects.count() == 1


def test_accept_creates_b_participant_and_closes_a_with_verhuisd(deelnemer, coach, dossier_a, b):
    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    nieuw = services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie, door=b["coord"],
                                           begeleider=b["coach"])
    vandaag = datetime.date.today()
    assert nieuw.programma == b["programma"] and nieuw.clientcode.startswith(f"ELD-{vandaag.year}-")
    assert nieuw.roepnaam == deelnemer.roepnaam and nieuw.begeleider == b["coach"]
    traject_b = nieuw.trajecten.get()
    assert traject_b.aanmelddatum == vandaag and traject_b.verwijzer == "ketenpartner" and traject_b.einddatum is None
    ontvangen = Overdrachtssamenvatting.objects.get(deelnemer=nieuw)
    assert WERK in str(ontvangen.inhoud) and VERSLAVING not in str(ontvangen.inhoud) and NOTITIE not in str(ontvangen.inhoud)
    # A: closed through the ordinary uitstroom (gestopt, verhuisd) on the acceptance date; the dossier stays A's.
    uitstroom = Uitstroom.objects.get(traject=dossier_a)
    assert (uitstroom.soort, uitstroom.reden, uitstroom.datum) == ("gestopt", "verhuisd", vandaag)
    assert Traject.objects.get(pk=dossier_a.pk).einddatum == vandaag
    assert Deelnemer.objects.get(pk=deelnemer.pk).programma_id == deelnemer.programma_id
    overdracht.refresh_from_db()
    assert overdracht.status == "geaccepteerd" and overdracht.nieuwe_deelnemer == nieuw and overdracht.samenvatting == {}
    # Logged on both sides.
    assert AuditEvent.objects.filter(object_type="overdracht_geaccepteerd", clientcode=deelnemer.clientcode,
                                     grondslag=f"overdracht:{overdracht.pk}").exists()
    assert AuditEvent.objects.filter(clientcode=nieuw.clientcode, actie="create",
                                     object_type="overdrachtssamenvatting").exists()
    # B's coach sees B's new participant, not A's; B's coordinator neither sees A's.
    assert list(deelnemers_visible_to(b["coach"])) == [nieuw]
    assert deelnemer not in deelnemers_visible_to(b["coord"])


def test_accept_of_a_traject_still_in_contact_closes_without_uitstroom(deelnemer, coach, b):
    traject = services.traject_starten(deelnemer=deelnemer, aanmelddatum=dagen(20), door=coach)
    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie, door=b["coord"])
    traject.refresh_from_db()
    assert traject.einddatum == datetime.date.today() and traject.afsluitreden == "doorverwezen"
    assert not Uitstroom.objects.filter(traject=traject).exists()


def test_only_bs_coordinator_decides(deelnemer, coach, coordinator, dossier_a, b):
    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    for wie in (coordinator, b["coach"], coach):
        with pytest.raises(ValidationError):
            services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie, door=wie)
    with pytest.raises(Conflict):
        services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie + 5, door=b["coord"])
    assert Overdracht.objects.get(pk=overdracht.pk).status == "voorbereid"


def test_decline_needs_a_reason_and_leaves_a_running(deelnemer, coach, dossier_a, b):
    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    with pytest.raises(ValidationError):
        services.overdracht_afwijzen(overdracht=overdracht, reden=" ", gelezen_versie=overdracht.versie, door=b["coord"])
    services.overdracht_afwijzen(overdracht=overdracht, reden="Geen plek tot de zomer.", gelezen_versie=overdracht.versie,
                                 door=b["coord"])
    overdracht.refresh_from_db()
    assert overdracht.status == "afgewezen" and overdracht.samenvatting == {}
    assert Traject.objects.get(pk=dossier_a.pk).einddatum is None
    assert not Deelnemer.objects.filter(programma=b["programma"]).exists()
    assert selectors.overdracht_melding(deelnemer) == overdracht  # A's coach hears the reason on the dossier
    with pytest.raises(ValidationError):
        services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie, door=b["coord"])


def test_withdraw_by_the_programme_and_by_withdrawing_the_consent(deelnemer, coach, dossier_a, b):
    eerste = voorbereiden(deelnemer, b["programma"], coach)
    services.overdracht_intrekken(overdracht=eerste, gelezen_versie=eerste.versie, door=coach)
    eerste.refresh_from_db()
    assert eerste.status == "ingetrokken" and eerste.toestemming.ingetrokken_op is None
    tweede = voorbereiden(deelnemer, b["programma"], coach)
    assert selectors.overdrachten_te_beoordelen(b["coord"]).count() == 1
    services.overdracht_intrekken(overdracht=tweede, toestemming_ingetrokken=True, reden="Wil toch blijven.",
                                  gelezen_versie=tweede.versie, door=coach)
    tweede.refresh_from_db()
    assert tweede.status == "toestemming_ingetrokken" and tweede.toestemming.ingetrokken_op is not None
    assert not selectors.overdrachten_te_beoordelen(b["coord"]).exists()
    with pytest.raises(ValidationError):
        services.overdracht_accepteren(overdracht=tweede, gelezen_versie=tweede.versie, door=b["coord"])


def test_a_consent_withdrawn_elsewhere_hides_the_overdracht_at_once(deelnemer, coach, dossier_a, b):
    from clients import services as client_services

    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    t = overdracht.toestemming
    client_services.toestemming_intrekken(toestemming=t, reden="", gelezen_versie=t.versie, door=coach)
    assert not selectors.overdrachten_te_beoordelen(b["coord"]).exists()
    with pytest.raises(ValidationError):
        services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie, door=b["coord"])


def test_an_expired_consent_no_longer_blocks_a_new_overdracht(deelnemer, coach, dossier_a, b):
    oud = voorbereiden(deelnemer, b["programma"], coach)
    Toestemming.objects.filter(pk=oud.toestemming_id).update(
        gegeven_op=dagen(400), geldig_tot=dagen(35))  # as if prepared long ago and never decided
    assert not selectors.overdrachten_te_beoordelen(b["coord"]).exists()
    nieuw = voorbereiden(deelnemer, b["programma"], coach)
    oud.refresh_from_db()
    assert oud.status == "toestemming_ingetrokken" and oud.samenvatting == {}
    assert list(selectors.overdrachten_te_beoordelen(b["coord"])) == [nieuw]


# --- the screens: who reaches what ------------------------------------------------------------------


def test_bs_coordinator_sees_only_the_summary_and_accepts(client, deelnemer, coach, dossier_a, b):
    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    client.force_login(b["coord"])
    lijst = client.get(reverse("trajecten:overdrachten"))
    assert lijst.status_code == 200 and reverse("trajecten:overdracht_beoordelen", args=[overdracht.pk]) in lijst.content.decode()
    html = client.get(reverse("trajecten:overdracht_beoordelen", args=[overdracht.pk])).content.decode()
    assert WERK in html and deelnemer.clientcode in html
    assert VERSLAVING not in html and NOTITIE not in html
    # Never A's dossier.
    assert client.get(reverse("trajecten:dossier", args=[deelnemer.pk])).status_code == 404
    response = client.post(reverse("trajecten:overdracht_accepteren", args=[overdracht.pk]), {
        "gelezen_versie": overdracht.versie, "begeleider": b["coach"].pk})
    assert response.status_code == 302
    nieuw = Deelnemer.objects.get(programma=b["programma"])
    client.force_login(b["coach"])
    html = client.get(reverse("trajecten:overdracht_ontvangen", args=[nieuw.pk])).content.decode()
    assert WERK in html and NOTITIE not in html and VERSLAVING not in html
    assert client.get(reverse("trajecten:dossier", args=[nieuw.pk])).status_code == 200


def test_others_cannot_reach_or_decide(client, deelnemer, coach, coordinator, dossier_a, b):
    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    org_c = OrganisatieFactory(naam="Stichting Derde")
    ProgrammaFactory(naam="Derde programma", slug="derde", code="DRD", organisaties=[org_c])
    coord_c = GebruikerFactory(username="coord_c", rol=Rol.COORDINATOR, organisatie=org_c)
    urls = [reverse(n, args=[overdracht.pk]) for n in ("trajecten:overdracht_beoordelen",)]
    for wie, verwacht in ((coord_c, 404), (coordinator, 404), (b["coach"], 403), (coach, 403)):
        client.force_login(wie)
        for url in urls:
            assert client.get(url).status_code == verwacht, (wie, url)
        response = client.post(reverse("trajecten:overdracht_accepteren", args=[overdracht.pk]),
                               {"gelezen_versie": overdracht.versie})
        assert response.status_code == verwacht
    assert Overdracht.objects.get(pk=overdracht.pk).status == "voorbereid"
    assert AuditEvent.objects.filter(gebruiker=coord_c, actie="denied", object_type="overdracht").exists()


def test_coach_prepares_and_withdraws_on_the_dossier(client, deelnemer, coach, dossier_a, b):
    client.force_login(coach)
    url = reverse("trajecten:overdracht_nieuw", args=[deelnemer.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"naar_programma": b["programma"].pk, "scopes": ["basis", "werk_inkomen"],
                                 "bericht": "Verhuist.", "gegeven_op": datetime.date.today().isoformat(),
                                 "wijze": "mondeling", "verklaring": "Mondeling.", "tekstversie": "2026-1"})
    assert response.status_code == 302, response.content.decode()[:3000]
    overdracht = Overdracht.objects.get()
    tab = client.get(reverse("trajecten:toestemmingen", args=[deelnemer.pk])).content.decode()
    assert "Uitstapprogramma Elders" in tab
    url = reverse("trajecten:overdracht_intrekken", args=[overdracht.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"gelezen_versie": overdracht.versie, "wie": "toestemming", "bevestigd": "on"})
    assert response.status_code == 302
    assert Overdracht.objects.get().status == "toestemming_ingetrokken"


# --- AVG: the overdracht is part of A's records, the summary part of B's -------------------------------


def test_inzage_and_erasure_reach_the_overdracht_on_each_side(deelnemer, coach, dossier_a, b):
    from clients import avg

    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    inzage_a = str(avg.inzage_gegevens(deelnemer))
    assert "Verhuist naar de regio van B." in inzage_a and WERK in inzage_a
    nieuw = services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie, door=b["coord"])
    assert WERK in str(avg.inzage_gegevens(nieuw))
    avg.deelnemer_wissen(deelnemer=deelnemer, door=b["coord"], wettelijke_grond="art17_1d")
    overdracht.refresh_from_db()
    assert overdracht.samenvatting == {} and "Verhuist" not in overdracht.bericht
    avg.deelnemer_wissen(deelnemer=nieuw, door=b["coord"], wettelijke_grond="art17_1d")
    assert Overdrachtssamenvatting.objects.get(deelnemer=nieuw).inhoud == {}


def test_figures_count_the_handover_as_definitions_say(deelnemer, coach, dossier_a, b, programma):
    """A: one Uitstroom gestopt with stopreden verhuisd (tussentijds_gestopt); B: one aanmelding, no instroom yet."""
    from rapportage.cijfers import alle_cijfers

    overdracht = voorbereiden(deelnemer, b["programma"], coach)
    services.overdracht_accepteren(overdracht=overdracht, gelezen_versie=overdracht.versie, door=b["coord"])
    jaar = datetime.date.today().year
    van, tot = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    a = alle_cijfers(programma, van, tot)
    assert a["tussentijds_gestopt"] == 1 and a["gestopt_per_reden"]["verhuisd"] == 1 and a["uitgestapt"] == 0
    assert a["in_traject_op_einddatum"] == 0
    cijfers_b = alle_cijfers(b["programma"], van, tot)
    assert cijfers_b["aanmeldingen"] == 1 and cijfers_b["ingestroomd"] == 0 and cijfers_b["tussentijds_gestopt"] == 0
