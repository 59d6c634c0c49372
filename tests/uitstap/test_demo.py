"""The demo as a whole: one seeded database for this module (seed_demo is slow), rolled back after it.

It tells every story the screens need (phases, plans, referrals, exits, relapses), and its export and
figures are pinned in tests/data/demo/ so a restructuring that changes what the demo produces is seen.
After a deliberate change of the demo or the export format: `python -m scripts.demo_golden`.
"""

import datetime
import io
import json
import pathlib

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.db.models import F

from clients.models import Deelnemer
from rapportage.cijfers import alle_cijfers
from rapportage.uitwisseling.exporteren import programma_exporteren
from rapportage.uitwisseling.importeren import historie_importeren
from rapportage.uitwisseling.valideren import validator
from tests.rapportage.helpers import programma_verwijderen
from trajecten.models import (
    Contactmoment,
    Doel,
    DoelVoortgang,
    FaseOvergang,
    Meting,
    Terugval,
    Traject,
    Trajectplan,
    Uitstroom,
    Verwijzing,
)
from uitstap.codes import VerwijzingStatus as S
from uitstap.models import Gebruiker, Ketenpartner, Programma

DEMO_DAG = datetime.datetime(2026, 12, 1, 10, 0)
DEMO_GROOTTE = {"deelnemers": 40, "seed": 7}
GOLDEN = pathlib.Path(__file__).resolve().parent.parent / "data" / "demo"
JAREN = (2024, 2025, 2026)


def _zonder_outreach(cijfers: dict) -> dict:
    return {k: v for k, v in cijfers.items() if k not in ("outreach_per_locatiesoort", "aanmeldingen_via_outreach")}


def _seed():
    call_command("seed_demo", verbosity=0, force_demo=True, **DEMO_GROOTTE)


def _uitvoer() -> dict[str, str]:
    """What the demo produces for the outside world: the export and the figures of three years."""
    uit = {"export.json": json.dumps(programma_exporteren(Programma.objects.get(slug="flevoland")),
                                     ensure_ascii=False, indent=1, sort_keys=True) + "\n"}
    for jaar in JAREN:
        out = io.StringIO()
        call_command("rups_verslag", programma="flevoland", jaar=jaar, stdout=out)
        uit[f"rups-{jaar}.json"] = out.getvalue()
    return uit


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """seed_demo once, on a fixed day, for every test of this module; rolled back afterwards."""
    with time_machine.travel(DEMO_DAG, tick=False), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            _seed()
            yield Programma.objects.get(slug="flevoland")
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.mark.django_db
def test_the_flevoland_programme_has_every_situation(demo):
    assert demo.naam == "Uitstapprogramma Flevoland"
    assert demo.organisaties.count() == 2
    assert sorted(demo.gemeenten.values_list("naam", flat=True)) == sorted(
        ["Almere", "Lelystad", "Dronten", "Zeewolde", "Noordoostpolder", "Urk"])
    assert set(Gebruiker.objects.values_list("username", flat=True)) >= {
        "coordinator", "begeleider1", "begeleider2", "begeleider3", "klantmanager", "beheerder"}
    assert Gebruiker.objects.get(username="klantmanager").gemeente.naam == "Almere"
    assert Deelnemer.objects.count() == 40 + 2  # plus the aanmelding via outreach and its likely duplicate (issue 19)
    assert set(FaseOvergang.objects.values_list("fase", flat=True)) == {"contact", "orientatie", "uitvoering", "nazorg"}
    assert Uitstroom.objects.filter(soort="uitgestapt").exists()
    assert Uitstroom.objects.filter(soort="gestopt").exists()
    assert Traject.objects.values("deelnemer").distinct().count() < Traject.objects.count()  # re-entries
    assert Terugval.objects.exists()
    assert Contactmoment.objects.filter(status="gepland").exists()
    assert Contactmoment.objects.filter(status="niet_verschenen").exists()


@pytest.mark.django_db
def test_plans_tell_a_story_within_the_traject_dates(demo):
    assert {"concept", "actief", "vervangen"} <= set(Trajectplan.objects.values_list("status", flat=True))
    assert Doel.objects.filter(ouder__isnull=False).exists()
    assert Doel.objects.filter(status="behaald", behaald_op__isnull=False).exists()
    assert DoelVoortgang.objects.exists() and Meting.objects.filter(scores__isnull=False).exists()
    assert not Meting.objects.filter(traject__einddatum__lt=F("datum")).exists()
    assert not DoelVoortgang.objects.filter(doel__plan__traject__einddatum__lt=F("datum")).exists()
    assert not Doel.objects.filter(plan__traject__einddatum__lt=F("behaald_op")).exists()
    # Copies in a later version point to their origin.
    assert Doel.objects.filter(plan__volgnummer=2, oorsprong__plan__volgnummer=1).exists()


@pytest.mark.django_db
def test_contact_persons_and_varied_referrals(demo):
    actief = Ketenpartner.objects.filter(actief=True)
    assert actief.count() >= 17
    assert not actief.filter(contactpersonen__isnull=True).exists()  # every partner has a vaste aanspreekpunt
    assert Ketenpartner.objects.filter(voorgesteld=True, actief=False).count() == 1  # one proposal awaits
    statussen = set(Verwijzing.objects.values_list("status", flat=True))
    assert {S.GESTART, S.AFGEROND, S.AFGEWEZEN, S.AFGEBROKEN} <= statussen
    assert statussen & {S.AANGEVRAAGD, S.WACHTLIJST}
    lang = [v for v in Verwijzing.objects.filter(gestart__isnull=True, beeindigd__isnull=True)
            if (DEMO_DAG.date() - v.verwezen).days > 30]
    assert len(lang) >= 2
    assert not Verwijzing.objects.filter(status__in=[S.AFGEWEZEN, S.AFGEBROKEN], reden="").exists()
    assert Verwijzing.objects.filter(terugkoppelingen__isnull=False).exists()


@pytest.mark.django_db
def test_export_and_figures_are_what_they_were(demo):
    """Byte for byte the pinned export and figures: a restructuring must not change what the demo says."""
    with time_machine.travel(DEMO_DAG, tick=False):
        uitvoer = _uitvoer()
    for naam, tekst in uitvoer.items():
        assert tekst == (GOLDEN / naam).read_text(encoding="utf-8"), f"{naam} differs from tests/data/demo/{naam}"


@pytest.mark.django_db
def test_round_trip_keeps_every_figure(demo):
    """The demo has plan versions, finished goals in older versions, referrals and relapses: a real history."""
    with time_machine.travel(DEMO_DAG, tick=False):
        # The outreach register (programme-wide, anonymous) is not part of the exchange format yet.
        voor = {j: _zonder_outreach(alle_cijfers(demo, datetime.date(j, 1, 1), datetime.date(j, 12, 31))) for j in JAREN}
        eerste = programma_exporteren(demo)
        assert validator.is_valid(eerste)
        programma_verwijderen(demo)
        historie_importeren(data=json.loads(json.dumps(eerste)))
        p = Programma.objects.get(slug="flevoland")
        assert programma_exporteren(p) == eerste
        for j in JAREN:
            assert _zonder_outreach(alle_cijfers(p, datetime.date(j, 1, 1), datetime.date(j, 12, 31))) == voor[j], j



@pytest.mark.django_db
def test_leefsituatie_step_tells_situations_over_time_checks_and_two_regimes(demo):
    """Issue 18: circuit and sex work -> room and benefit -> own rent and wages; checks with all three outcomes."""
    from trajecten.models import Leefsituatie, Nacontrole

    assert Leefsituatie.objects.filter(woonsituatie="in_het_circuit", inkomstenbron="sekswerk").exists()
    assert Leefsituatie.objects.filter(woonsituatie="particuliere_kamer", inkomstenbron="bijstand").exists()
    assert Leefsituatie.objects.filter(woonsituatie="eigen_huur", inkomstenbron="loon").exists()
    assert Leefsituatie.objects.filter(sekswerk_status="hervat").exists()
    assert set(Nacontrole.objects.values_list("termijn", flat=True)) == {"6m", "12m"}
    assert set(Nacontrole.objects.values_list("uitkomst", flat=True)) == {"uitgestapt_gebleven", "teruggevallen", "onbekend"}
    regimes = set(Programma.objects.values_list("slug", "nazorg_duur_maanden", "nazorg_contact_dagen", "nacontrole_12m"))
    assert regimes == {("flevoland", 12, 42, True), ("haaglanden", 6, 30, False)}
    for n in Nacontrole.objects.select_related("traject__uitstroom"):
        assert n.datum >= n.traject.uitstroom.datum and n.traject.uitstroom.soort == "uitgestapt"


@pytest.mark.django_db
def test_consent_step_shares_with_almere_and_lelystad(demo):
    """Issue 17: Almere sees participants under different scopes, Lelystad one; one expired, one withdrawn."""
    from clients.models import Signaal, Toestemming
    from clients.selectors import deelnemers_visible_to, scopes_voor
    from trajecten.selectors.gemeente import gedeelde_deelnemers

    with time_machine.travel(DEMO_DAG, tick=False):
        almere = Gebruiker.objects.get(username="klantmanager")
        lelystad = Gebruiker.objects.get(username="klantmanager_lelystad")
        gedeeld = list(deelnemers_visible_to(almere))
        assert len(gedeeld) == 5
        assert {frozenset(scopes_voor(almere, d)) for d in gedeeld} >= {
            frozenset({"basis"}), frozenset({"basis", "werk_inkomen"}), frozenset({"basis", "werk_inkomen", "gevoelig"})}
        assert deelnemers_visible_to(lelystad).count() == 1
        vandaag = DEMO_DAG.date()
        assert Toestemming.objects.filter(gemeente__naam="Almere", geldig_tot__lt=vandaag).count() == 1
        assert Toestemming.objects.filter(ingetrokken_op__isnull=False).count() == 1
        assert Signaal.objects.filter(afgesloten_op__isnull=True).count() == 1
        assert len(gedeelde_deelnemers(almere)) == 5


@pytest.mark.django_db
def test_safe_registration_step_has_the_issue_19_situations(demo):
    """Issue 19: a likely duplicate, arrangements of several kinds, a bedenktijd ending next week, a month of
    outreach with a linked aanmelding, and an English convenant."""
    from clients.models import Contactafspraak, JuridischeRoute
    from clients.selectors import Reden, duplicaat_paren, mogelijke_duplicaten
    from trajecten import selectors
    from trajecten.models import OutreachActie
    from uitstap.models import AuditEvent

    with time_machine.travel(DEMO_DAG, tick=False):
        vandaag = DEMO_DAG.date()
        p = Programma.objects.get(slug="flevoland")
        assert Contactafspraak.objects.values("deelnemer").distinct().count() >= 4
        assert Contactafspraak.objects.filter(huisbezoek="nee").exists() and Contactafspraak.objects.filter(bellen="nee").exists()
        route = JuridischeRoute.objects.get(bedenktijd_eind=vandaag + datetime.timedelta(days=6))
        coach = route.deelnemer.begeleider
        rij = selectors.caseload(coach).get(pk=route.deelnemer_id)
        assert any(s.tekst.startswith("Bedenktijd eindigt over 6 dagen") and s.ernst == "danger"
                   for s in selectors.signalen_voor(rij))
        acties = OutreachActie.objects.filter(programma=p)
        assert acties.count() == 10 and min(a.datum for a in acties) >= vandaag - datetime.timedelta(days=30)
        assert Traject.objects.filter(outreach_actie__isnull=False).count() == 1
        # the likely duplicate: begeleider1 registering "Mirela" again is warned about her own participant
        r = mogelijke_duplicaten(Gebruiker.objects.get(username="begeleider1"), programma=p, roepnaam="Mirela",
                                 geboortejaar=1998, herkomstland="RO")
        assert len(r.zichtbaar) == 1 and r.buiten_beeld
        assert AuditEvent.objects.filter(object_type="duplicaat_ander_persoon").count() == 1
        # ... and the coordinator finds the pair in her list of likely duplicates
        paren = {(p.a.roepnaam, p.b.roepnaam): p.redenen
                 for p in duplicaat_paren(Gebruiker.objects.get(username="coordinator"))}
        assert paren[("Mirela", "Mirella")] == (Reden.LIJKT,)
        assert Deelnemer.objects.filter(documenttaal="en").count() == 1
        assert Deelnemer.objects.get(documenttaal="en").trajecten.filter(plannen__isnull=False).exists()


@pytest.mark.django_db
def test_werkoverleg_step_has_two_meetings_with_almere(demo):
    """Issue 17: a held meeting with Almere (afspraken done and one open) and an upcoming one whose agenda
    carries the open afspraak over."""
    from trajecten import selectors
    from trajecten.models import Werkoverleg, WerkoverlegAfspraak

    with time_machine.travel(DEMO_DAG, tick=False):
        km = Gebruiker.objects.get(username="klantmanager")
        coordinator = Gebruiker.objects.get(username="coordinator")
        geweest, komend = Werkoverleg.objects.filter(gemeente__naam="Almere").order_by("datum")
        assert geweest.datum < DEMO_DAG.date() < komend.datum
        assert WerkoverlegAfspraak.objects.filter(werkoverleg=geweest, afgerond_op__isnull=False).count() == 2
        (open_,) = WerkoverlegAfspraak.objects.filter(werkoverleg=geweest, afgerond_op__isnull=True)
        for user in (km, coordinator):
            agenda = selectors.agenda(komend, user)
            assert len(agenda.punten) >= 3 and agenda.vorige == geweest
            assert [a["pk"] for p in agenda.punten for a in p.open_afspraken] == [open_.pk]
        assert set(selectors.werkoverleggen_voor(km)) == {geweest, komend}


@pytest.mark.django_db
def test_overdracht_step_leaves_one_handover_pending(demo):
    """Issue 17: one handover from Flevoland to the Haaglanden programme waits for its coordinator."""
    from clients.selectors import deelnemers_visible_to
    from trajecten.models import Overdracht
    from trajecten.selectors import overdrachten_te_beoordelen

    with time_machine.travel(DEMO_DAG, tick=False):
        haaglanden = Gebruiker.objects.get(username="coordinator_haaglanden")
        open_ = list(overdrachten_te_beoordelen(haaglanden))
        assert len(open_) == 1
        overdracht = Overdracht.objects.select_related("deelnemer__programma").get(pk=open_[0].pk)
        assert overdracht.deelnemer.programma.slug == "flevoland" and overdracht.naar_programma.slug == "haaglanden"
        assert overdracht.toestemming.scopes == ["basis", "werk_inkomen"]
        # Haaglanden's coordinator sees the summary, never Flevoland's participants; Flevoland's has nothing to decide.
        assert not deelnemers_visible_to(haaglanden).exists()
        assert not overdrachten_te_beoordelen(Gebruiker.objects.get(username="coordinator")).exists()
