"""The klantmanager's pages: only what the consent covers, never notes, `gevoelig` never implied; the coach's
Toestemmingen tab: record, extend, withdraw, close a signal; withdrawal or expiry is a 404 on the next request."""

import datetime
import itertools

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from clients.models import Signaal, Toestemming
from tests.factories import KetenpartnerFactory, ToestemmingFactory
from trajecten.models import (
    Contactmoment,
    Doel,
    DoelVoortgang,
    FaseOvergang,
    Intake,
    Meting,
    MetingScore,
    Traject,
    Trajectplan,
    Verwijzing,
)
from uitstap.codes import Fase, IntakeBesluit, KetenpartnerSoort, Leefgebied, Verblijfsstatus
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db

NOOIT = ("MRKNOTITIE", "MRKINTAKE", "MRKMETING", "MRKVOORTGANG", "MRKEIGENWOORDEN", "MRKBSN", "MRKACHTERNAAM")
PLAN = ("MRKHUISDOEL",)


def _dossier(deelnemer, coach):
    """A dossier with a marker in every field a klantmanager may or may not see."""
    deelnemer.achternaam = "MRKACHTERNAAM"
    deelnemer.verblijfsstatus = Verblijfsstatus.VERBLIJFSREGELING_MENSENHANDEL
    deelnemer.signalen_mensenhandel = True
    deelnemer.save()
    vandaag = datetime.date.today()
    t = Traject.objects.create(deelnemer=deelnemer, aanmelddatum=vandaag - datetime.timedelta(days=90))
    FaseOvergang.objects.create(traject=t, fase=Fase.UITVOERING, datum=vandaag - datetime.timedelta(days=60), door=coach)
    Intake.objects.create(traject=t, datum=vandaag - datetime.timedelta(days=80), hulpvraag="MRKINTAKE",
                          aanleiding="MRKINTAKE", besluit=IntakeBesluit.TOEGELATEN, verslaving=True, door=coach)
    Contactmoment.objects.create(traject=t, datum=vandaag - datetime.timedelta(days=5), notitie="MRKNOTITIE", door=coach)
    meting = Meting.objects.create(traject=t, datum=vandaag - datetime.timedelta(days=50), notitie="MRKMETING")
    MetingScore.objects.create(meting=meting, leefgebied=Leefgebied.HUISVESTING, score=4)
    MetingScore.objects.create(meting=meting, leefgebied=Leefgebied.MIDDELENGEBRUIK, score=2)
    plan = Trajectplan.objects.create(traject=t, volgnummer=1, opgesteld_op=vandaag - datetime.timedelta(days=45),
                                      afspraken="MRKNOTITIE afspraken")
    doelen = {}
    for lg, tekst in ((Leefgebied.WERK_DAGBESTEDING, "MRKWERKDOEL"), (Leefgebied.HUISVESTING, "MRKHUISDOEL"),
                      (Leefgebied.MIDDELENGEBRUIK, "MRKVERSLAVING"), (Leefgebied.PSYCHISCH_FUNCTIONEREN, "MRKGEZONDHEID"),
                      (Leefgebied.JURIDISCH, "MRKVERBLIJF"), (Leefgebied.VEILIGHEID, "MRKMENSENHANDEL")):
        doelen[lg] = Doel.objects.create(plan=plan, leefgebied=lg, omschrijving=tekst,
                                         acceptabel_toelichting="MRKEIGENWOORDEN", startscore=3, doelscore=7)
    DoelVoortgang.objects.create(doel=doelen[Leefgebied.WERK_DAGBESTEDING], datum=vandaag, notitie="MRKVOORTGANG")
    schuld = KetenpartnerFactory(programma=deelnemer.programma, soort=KetenpartnerSoort.SCHULDHULPVERLENING)
    ggz = KetenpartnerFactory(programma=deelnemer.programma, soort=KetenpartnerSoort.GGZ)
    Verwijzing.objects.create(traject=t, ketenpartner=schuld, hulpvraag="MRKSCHULDHULP", verwezen=vandaag,
                              reden="MRKNOTITIE reden")
    Verwijzing.objects.create(traject=t, ketenpartner=ggz, hulpvraag="MRKGGZ", verwezen=vandaag,
                              doel=doelen[Leefgebied.WERK_DAGBESTEDING])
    return t


def _pages(client, deelnemer):
    return "".join(client.get(url).content.decode() for url in (
        reverse("trajecten:gemeente_start"), reverse("trajecten:gemeente_deelnemer", args=[deelnemer.pk])))


SCOPES = ("werk_inkomen", "trajectplan", "gevoelig")


@pytest.mark.parametrize("extra", [c for n in range(4) for c in itertools.combinations(SCOPES, n)])
def test_markers_only_within_scope(client, deelnemer, coach, klantmanager, gemeente, extra):
    _dossier(deelnemer, coach)
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, scopes=["basis", *extra])
    client.force_login(klantmanager)
    html = _pages(client, deelnemer)
    assert deelnemer.clientcode in html and deelnemer.roepnaam in html
    for marker in NOOIT:
        assert marker not in html
    assert ("MRKWERKDOEL" in html) == ("werk_inkomen" in extra or "trajectplan" in extra)  # trajectplan: all goals
    assert ("MRKSCHULDHULP" in html) == ("werk_inkomen" in extra)  # referrals: werk_inkomen only
    for marker in PLAN:
        assert (marker in html) == ("trajectplan" in extra), marker
    gevoelig_getoond = "gevoelig" in extra
    assert ("Verblijfsregeling mensenhandel" in html) == gevoelig_getoond
    # sensitive goals and referrals need gevoelig and a scope that shows goals or referrals
    for marker in ("MRKVERSLAVING", "MRKGEZONDHEID", "MRKVERBLIJF", "MRKMENSENHANDEL"):
        assert (marker in html) == (gevoelig_getoond and ("trajectplan" in extra or "werk_inkomen" in extra)), marker
    assert ("MRKGGZ" in html) == (gevoelig_getoond and ("trajectplan" in extra or "werk_inkomen" in extra))


def test_basis_shows_phase_and_coach(client, deelnemer, coach, klantmanager, gemeente):
    coach.email = "coach@example.org"
    coach.save()
    _dossier(deelnemer, coach)
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente)
    client.force_login(klantmanager)
    html = client.get(reverse("trajecten:gemeente_deelnemer", args=[deelnemer.pk])).content.decode()
    assert "Uitvoering" in html and "coach@example.org" in html and coach.last_name in html


def test_every_read_is_audited_with_the_consent(client, deelnemer, coach, klantmanager, gemeente):
    t = ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente)
    client.force_login(klantmanager)
    client.get(reverse("trajecten:gemeente_start"))
    client.get(reverse("trajecten:gemeente_deelnemer", args=[deelnemer.pk]))
    events = AuditEvent.objects.filter(gebruiker=klantmanager, clientcode=deelnemer.clientcode)
    assert events.count() == 2
    assert set(events.values_list("grondslag", flat=True)) == {f"toestemming:{t.pk}"}


def test_klantmanager_never_reaches_the_coach_dossier(client, deelnemer, coach, klantmanager, gemeente):
    _dossier(deelnemer, coach)
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, scopes=["basis", "werk_inkomen", "trajectplan", "gevoelig"])
    client.force_login(klantmanager)
    for name in ("trajecten:dossier", "trajecten:contacten", "trajecten:trajectplan", "trajecten:verwijzingen",
                 "trajecten:documenten", "trajecten:toestemmingen", "trajecten:persoonsgegevens"):
        assert client.get(reverse(name, args=[deelnemer.pk])).status_code in (403, 404), name


def test_withdrawal_is_a_404_on_the_next_request(client, deelnemer, coach, klantmanager, gemeente):
    t = ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente)
    url = reverse("trajecten:gemeente_deelnemer", args=[deelnemer.pk])
    client.force_login(klantmanager)
    assert client.get(url).status_code == 200
    coach_client = client.__class__()
    coach_client.force_login(coach)
    bevestig = coach_client.get(reverse("trajecten:toestemming_intrekken", args=[t.pk]))
    assert bevestig.status_code == 200
    r = coach_client.post(reverse("trajecten:toestemming_intrekken", args=[t.pk]),
                          {"reden": "wil niet meer", "gelezen_versie": t.versie})  # not confirmed
    assert r.status_code == 400
    r = coach_client.post(reverse("trajecten:toestemming_intrekken", args=[t.pk]),
                          {"reden": "wil niet meer", "bevestigd": "on", "gelezen_versie": t.versie})
    assert r.status_code == 302
    assert client.get(url).status_code == 404
    assert deelnemer.clientcode not in client.get(reverse("trajecten:gemeente_start")).content.decode()


def test_expiry_is_a_404_on_the_next_request(client, deelnemer, klantmanager, gemeente):
    t = ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente)
    url = reverse("trajecten:gemeente_deelnemer", args=[deelnemer.pk])
    laatste_avond = datetime.datetime.combine(t.geldig_tot, datetime.time(23, 50), tzinfo=timezone.get_current_timezone())
    with time_machine.travel(laatste_avond, tick=False) as reis:
        client.force_login(klantmanager)  # sessions are short; log in on the last valid day
        assert client.get(url).status_code == 200
        reis.shift(datetime.timedelta(minutes=15))  # just past midnight: the consent has expired
        assert client.get(url).status_code == 404


def test_signaal_from_klantmanager_to_coach(client, deelnemer, coach, klantmanager, gemeente):
    Traject.objects.create(deelnemer=deelnemer, aanmelddatum=datetime.date.today())
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente)
    client.force_login(klantmanager)
    r = client.post(reverse("trajecten:gemeente_deelnemer", args=[deelnemer.pk]), {"tekst": "Plek bij werkfit-traject vrij"})
    assert r.status_code == 302
    signaal = Signaal.objects.get()
    client.force_login(coach)
    tab = client.get(reverse("trajecten:toestemmingen", args=[deelnemer.pk])).content.decode()
    assert "Plek bij werkfit-traject vrij" in tab
    dossier = client.get(reverse("trajecten:dossier", args=[deelnemer.pk])).content.decode()
    assert "signaal van de gemeente" in dossier
    r = client.post(reverse("trajecten:signaal_afsluiten", args=[signaal.pk]), {"gelezen_versie": signaal.versie})
    assert r.status_code == 302
    signaal.refresh_from_db()
    assert signaal.afgesloten_door == coach
    assert "Plek bij werkfit-traject vrij" not in client.get(reverse("trajecten:toestemmingen", args=[deelnemer.pk])).content.decode()


def test_coach_records_and_extends_on_the_dossier(client, deelnemer, coach, gemeente):
    client.force_login(coach)
    url = reverse("trajecten:toestemming_nieuw", args=[deelnemer.pk])
    assert client.get(url).status_code == 200
    r = client.post(url, {"gemeente": gemeente.pk, "scopes": ["basis", "werk_inkomen"], "gegeven_op": datetime.date.today(),
                          "wijze": "mondeling", "verklaring": "In het gesprek gevraagd", "tekstversie": "2026-1"})
    assert r.status_code == 302, r.content.decode()
    t = Toestemming.objects.get()
    assert t.scopes == ["basis", "werk_inkomen"] and t.vastgelegd_door == coach
    tab = client.get(reverse("trajecten:toestemmingen", args=[deelnemer.pk])).content.decode()
    assert "Almere" in tab and "geldig" in tab
    r = client.post(reverse("trajecten:toestemming_verlengen", args=[t.pk]), {
        "gegeven_op": datetime.date.today(), "geldig_tot": datetime.date.today() + datetime.timedelta(days=600),
        "wijze": "mondeling", "verklaring": "Opnieuw gevraagd", "gelezen_versie": t.versie})
    assert r.status_code == 302
    assert Toestemming.objects.count() == 2
    r = client.post(reverse("trajecten:toestemming_verlengen", args=[t.pk]), {  # the stale version
        "gegeven_op": datetime.date.today(), "wijze": "mondeling", "verklaring": "x", "gelezen_versie": t.versie})
    assert r.status_code == 400


def test_caseload_signal_a_month_before_expiry(client, deelnemer, coach, gemeente):
    vandaag = datetime.date.today()
    Traject.objects.create(deelnemer=deelnemer, aanmelddatum=vandaag)
    ToestemmingFactory(deelnemer=deelnemer, gemeente=gemeente, gegeven_op=vandaag - datetime.timedelta(days=340),
                       geldig_tot=vandaag + datetime.timedelta(days=25))
    client.force_login(coach)
    assert "Toestemming gemeente loopt binnen een maand af" in client.get(reverse("trajecten:caseload")).content.decode()
