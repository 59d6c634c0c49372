"""Issue 21: the caseload's signal flags come from the traject's kept columns (tweede_no_show_op, volgend_gepland_op,
vroegste_streefdatum) and from uncorrelated subqueries, and the lists count and cut pages on them. Every flag must
say exactly "count > 0" of the count its signal text shows, and the lists must show what they showed before."""

import datetime
import importlib
import random

import pytest
from django.urls import reverse

from clients.models import Signaal as GemeenteSignaal
from tests.factories import DeelnemerFactory, KetenpartnerFactory, ProgrammaFactory, ToestemmingFactory
from trajecten import selectors
from trajecten.models import Contactmoment, Doel, FaseOvergang, Traject, Trajectplan, Verwijzing

pytestmark = pytest.mark.django_db
VANDAAG = datetime.date(2026, 6, 15)
VLAGGEN = ("geen_contact", "no_show", "nazorg", "doelen", "verwijzingen", "toestemming", "gemeente")


def _dag(n: int) -> datetime.date:
    return VANDAAG + datetime.timedelta(days=n)


def _traject(d, aanmeld=-200, eind=None) -> Traject:
    return Traject.objects.create(deelnemer=d, aanmelddatum=_dag(aanmeld), einddatum=None if eind is None else _dag(eind))


def _contact(t, dag, status, foutief=False) -> Contactmoment:
    return Contactmoment.objects.create(
        traject=t, datum=_dag(dag), status=status,
        foutief_op=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC) if foutief else None)


def _rij(coach, d):
    return selectors.caseload(coach, vandaag=VANDAAG, afgesloten=True).get(pk=d.pk)


def _kolommen(t) -> dict:
    t.refresh_from_db()
    return {"tweede_no_show_op": t.tweede_no_show_op, "volgend_gepland_op": t.volgend_gepland_op,
            "vroegste_streefdatum": t.vroegste_streefdatum}


@pytest.fixture
def d(programma, coach):
    return DeelnemerFactory(programma=programma, begeleider=coach)


# --- the kept columns and their flags, by hand -----------------------------------------------------


def test_two_no_shows_in_the_last_sixty_days_the_day_sixty_days_ago_included(coach, d):
    t = _traject(d)
    _contact(t, -10, "niet_verschenen")
    eerste = _contact(t, -60, "niet_verschenen")
    rij = _rij(coach, d)
    assert _kolommen(t)["tweede_no_show_op"] == _dag(-60)
    assert (rij.signaal_no_show, rij.recente_no_shows) == (1, 2)
    eerste.datum = _dag(-61)
    eerste.save()
    rij = _rij(coach, d)
    assert _kolommen(t)["tweede_no_show_op"] == _dag(-61)
    assert (rij.signaal_no_show, rij.recente_no_shows) == (0, 1)


def test_a_no_show_marked_wrong_does_not_count(coach, d):
    t = _traject(d)
    _contact(t, -20, "niet_verschenen")
    tien = _contact(t, -10, "niet_verschenen")
    _contact(t, -5, "niet_verschenen", foutief=True)
    _contact(t, -3, "gehouden")
    assert _kolommen(t)["tweede_no_show_op"] == _dag(-20)
    assert (_rij(coach, d).signaal_no_show, _rij(coach, d).recente_no_shows) == (1, 2)
    tien.foutief_op = datetime.datetime(2026, 6, 2, tzinfo=datetime.UTC)
    tien.save()
    assert _kolommen(t)["tweede_no_show_op"] is None
    assert (_rij(coach, d).signaal_no_show, _rij(coach, d).recente_no_shows) == (0, 1)


def test_next_contact_skips_an_overdue_planned_one(coach, d):
    t = _traject(d)
    _contact(t, -3, "gepland")  # overdue: still planned, its day past
    _contact(t, 1, "gepland", foutief=True)
    later = _contact(t, 4, "gepland")
    assert _kolommen(t)["volgend_gepland_op"] == _dag(-3)
    assert _rij(coach, d).volgend_contact == _dag(4)
    later.delete()
    assert _kolommen(t)["volgend_gepland_op"] == _dag(-3)
    assert _rij(coach, d).volgend_contact is None
    _contact(t, 0, "gepland")
    assert _rij(coach, d).volgend_contact == VANDAAG


def test_next_contact_without_any_planned_one(coach, d):
    t = _traject(d)
    _contact(t, 2, "gehouden")
    assert _kolommen(t)["volgend_gepland_op"] is None
    assert _rij(coach, d).volgend_contact is None


def _plan(t, versie) -> Trajectplan:
    return Trajectplan.objects.create(traject=t, volgnummer=versie, opgesteld_op=_dag(-100 + versie))


def _doel(plan, streef, status="open", ouder=None) -> Doel:
    return Doel.objects.create(plan=plan, ouder=ouder, leefgebied="financien", omschrijving="doel", status=status,
                               streefdatum=None if streef is None else _dag(streef))


def test_goals_past_date_are_the_open_main_goals_of_the_newest_plan(coach, d):
    t = _traject(d)
    eerste = _plan(t, 1)
    hoofd = _doel(eerste, 30)
    _doel(eerste, -20, ouder=hoofd)  # a sub-goal does not count
    _doel(eerste, -30, status="behaald")
    _doel(eerste, None)
    _doel(eerste, 0)  # today is not past
    assert _kolommen(t)["vroegste_streefdatum"] == VANDAAG
    assert (_rij(coach, d).signaal_doelen, _rij(coach, d).doelen_verlopen) == (0, 0)
    verlopen = _doel(eerste, -10, status="bezig")
    assert _kolommen(t)["vroegste_streefdatum"] == _dag(-10)
    assert (_rij(coach, d).signaal_doelen, _rij(coach, d).doelen_verlopen) == (1, 1)
    # A new plan version without goals yet: the goals of the older version no longer count.
    tweede = _plan(t, 2)
    assert _kolommen(t)["vroegste_streefdatum"] is None
    assert (_rij(coach, d).signaal_doelen, _rij(coach, d).doelen_verlopen) == (0, 0)
    _doel(tweede, 5)
    assert _kolommen(t)["vroegste_streefdatum"] == _dag(5)
    # A goal moved into the newest version counts there; its status changing takes it out again.
    verlopen.plan = tweede
    verlopen.save()
    assert _kolommen(t)["vroegste_streefdatum"] == _dag(-10)
    assert (_rij(coach, d).signaal_doelen, _rij(coach, d).doelen_verlopen) == (1, 1)
    Doel.objects.filter(pk=verlopen.pk).update(status="niet_behaald")
    assert _kolommen(t)["vroegste_streefdatum"] == _dag(5)
    tweede.delete()
    assert _kolommen(t)["vroegste_streefdatum"] == VANDAAG


def _verwijzing(t, verwezen, gestart=None) -> Verwijzing:
    return Verwijzing.objects.create(traject=t, ketenpartner=KetenpartnerFactory(programma=t.deelnemer.programma),
                                     verwezen=_dag(verwezen), gestart=None if gestart is None else _dag(gestart),
                                     status="gestart" if gestart is not None else "wachtlijst")


def test_referrals_waiting_longer_than_the_programmes_threshold_over_all_trajecten(organisatie, coach):
    kort = ProgrammaFactory(wachttijd_signaal_dagen=30, organisaties=[organisatie])
    lang = ProgrammaFactory(wachttijd_signaal_dagen=90, organisaties=[organisatie])
    a, b = DeelnemerFactory(programma=kort, begeleider=coach), DeelnemerFactory(programma=lang, begeleider=coach)
    oud = _traject(a, -300, eind=-150)
    _traject(a, -100)
    _verwijzing(oud, -30)  # exactly the threshold: not longer
    assert (_rij(coach, a).signaal_verwijzingen, _rij(coach, a).lang_wachtend) == (0, 0)
    _verwijzing(oud, -31)  # in the closed traject: it still counts, as the text does
    assert (_rij(coach, a).signaal_verwijzingen, _rij(coach, a).lang_wachtend) == (1, 1)
    tb = _traject(b, -100)
    _verwijzing(tb, -31)
    _verwijzing(tb, -95, gestart=-10)
    assert (_rij(coach, b).signaal_verwijzingen, _rij(coach, b).lang_wachtend) == (0, 0)
    _verwijzing(tb, -91)
    assert (_rij(coach, b).signaal_verwijzingen, _rij(coach, b).lang_wachtend) == (1, 1)


def test_open_gemeente_signals_and_a_consent_that_ends_within_a_month(coach, d, gemeente):
    _traject(d)
    toestemming = ToestemmingFactory(deelnemer=d, gemeente=gemeente, vastgelegd_door=coach, gegeven_op=_dag(-300),
                                     geldig_tot=_dag(31))
    rij = _rij(coach, d)
    assert (rij.signaal_toestemming, rij.toestemming_verloopt) == (1, True)
    assert (rij.signaal_gemeente, rij.open_gemeente_signalen) == (0, 0)
    signaal = GemeenteSignaal.objects.create(deelnemer=d, gemeente=gemeente, toestemming=toestemming, datum=_dag(-2),
                                             tekst="plek vrij", door=coach)
    assert (_rij(coach, d).signaal_gemeente, _rij(coach, d).open_gemeente_signalen) == (1, 1)
    signaal.afgesloten_op, signaal.afgesloten_door = datetime.datetime(2026, 6, 14, tzinfo=datetime.UTC), coach
    signaal.save()
    toestemming.geldig_tot = _dag(32)
    toestemming.save()
    rij = _rij(coach, d)
    assert (rij.signaal_gemeente, rij.open_gemeente_signalen, rij.signaal_toestemming) == (0, 0, 0)


def test_a_closed_traject_raises_no_flag(coach, d):
    t = _traject(d, -200, eind=-1)
    _contact(t, -10, "niet_verschenen")
    _contact(t, -9, "niet_verschenen")
    _doel(_plan(t, 1), -5)
    rij = _rij(coach, d)
    assert rij.recente_no_shows == 2 and rij.doelen_verlopen == 1
    assert rij.aantal_signalen == 0


# --- on random data: every flag is its count > 0, and the lists are what they were ----------------


def _willekeurig(rng, programmas, coach, ander, gemeente, aantal=14):
    """Participants with random histories around VANDAAG: contacts of every status (some marked wrong), plan versions
    with goals and sub-goals, referrals waiting or started (some in a closed earlier traject), consents, signals."""
    for i in range(aantal):
        p = rng.choice(programmas)
        begeleider = coach if rng.random() < 0.7 else ander
        achtervang = (ander if begeleider == coach else coach) if rng.random() < 0.4 else None
        d = DeelnemerFactory(programma=p, begeleider=begeleider, achtervang=achtervang, clientcode=f"R-{i:02d}")
        trajecten = []
        if rng.random() < 0.3:
            trajecten.append(_traject(d, -rng.randint(300, 500), eind=-rng.randint(150, 290)))
        if rng.random() < 0.9:
            trajecten.append(_traject(d, -rng.randint(20, 140), eind=-rng.randint(0, 19) if rng.random() < 0.15 else None))
        for t in trajecten:
            for _ in range(rng.randint(0, 3)):
                FaseOvergang.objects.create(traject=t, fase=rng.choice(["orientatie", "uitvoering", "nazorg"]),
                                            datum=_dag(-rng.randint(0, 19)))
            for _ in range(rng.randint(0, 8)):
                _contact(t, rng.randint(-90, 20), rng.choice(["gehouden", "gepland", "niet_verschenen", "afgezegd"]),
                         foutief=rng.random() < 0.15)
            for versie in range(1, rng.randint(0, 3) + 1):
                plan = _plan(t, versie)
                for _ in range(rng.randint(0, 3)):
                    hoofd = _doel(plan, None if rng.random() < 0.15 else rng.randint(-40, 40),
                                  status=rng.choice(["open", "bezig", "behaald", "niet_behaald", "vervallen"]))
                    if rng.random() < 0.3:
                        _doel(plan, rng.randint(-40, 40), ouder=hoofd)
            for _ in range(rng.randint(0, 2)):
                verwezen = rng.randint(5, 120)
                _verwijzing(t, -verwezen, gestart=-rng.randint(0, verwezen) if rng.random() < 0.3 else None)
        if rng.random() < 0.4:
            toestemming = ToestemmingFactory(deelnemer=d, gemeente=gemeente, vastgelegd_door=coach,
                                             gegeven_op=_dag(-rng.randint(0, 300)), geldig_tot=_dag(rng.randint(-5, 60)))
            for _ in range(rng.randint(0, 2)):
                GemeenteSignaal.objects.create(
                    deelnemer=d, gemeente=gemeente, toestemming=toestemming, datum=_dag(-rng.randint(0, 30)), tekst="s",
                    door=coach, afgesloten_op=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC) if rng.random() < 0.4 else None,
                    afgesloten_door=None)


def _twee_programmas_met_data(seed, organisatie, coach, coach2, gemeente, aantal):
    """Two programmes (referral thresholds 20 and 60 days) of `organisatie` with `aantal` random participants."""
    programmas = [ProgrammaFactory(wachttijd_signaal_dagen=w, organisaties=[organisatie]) for w in (20, 60)]
    _willekeurig(random.Random(seed), programmas, coach, coach2, gemeente, aantal=aantal)
    return programmas


@pytest.mark.parametrize("seed", [2, 3, 4, 5, 7])
def test_every_flag_is_its_count_above_zero_on_random_data(organisatie, coach, coach2, gemeente, seed):
    _twee_programmas_met_data(seed, organisatie, coach, coach2, gemeente, aantal=20)
    rijen = list(selectors.caseload(coach, vandaag=VANDAAG, afgesloten=True))
    assert rijen
    gezien = set()
    for d in rijen:
        lopend = d.huidig_traject_id is not None and d.traject_einddatum is None
        verwacht = {
            "no_show": lopend and d.recente_no_shows >= selectors.NO_SHOW_AANTAL,
            "doelen": lopend and d.doelen_verlopen > 0,
            "verwijzingen": lopend and d.lang_wachtend > 0,
            "toestemming": lopend and d.toestemming_verloopt,
            "gemeente": lopend and d.open_gemeente_signalen > 0,
        }
        for vlag, aan in verwacht.items():
            assert getattr(d, f"signaal_{vlag}") == int(aan), (d.clientcode, vlag)
            gezien.add((vlag, aan))
        # The next contact is the first planned one from today, whatever the kept earliest one says.
        gepland = (Contactmoment.objects.filter(traject_id=d.huidig_traject_id, status="gepland", foutief_op=None,
                                                datum__gte=VANDAAG).order_by("datum").values_list("datum", flat=True))
        assert d.volgend_contact == (gepland.first() if d.huidig_traject_id else None), d.clientcode
        # The flags are the signals signalen_voor shows (the texts with their counts).
        soorten = {s.soort for s in selectors.signalen_voor(d, VANDAAG)}
        assert {v for v in VLAGGEN if getattr(d, f"signaal_{v}")} == soorten & set(VLAGGEN), d.clientcode
        assert d.aantal_signalen == len(soorten & set(VLAGGEN))
    # The data has each flag both on and off somewhere.
    assert gezien == {(vlag, aan) for vlag in verwacht for aan in (True, False)}


@pytest.mark.parametrize("seed", [5, 6])
def test_the_lists_in_two_phases_show_what_one_query_shows(login, organisatie, coach, coach2, gemeente, seed):
    """The page a list shows (counted and ordered on the lean queryset, rows annotated per page) equals the fully
    annotated queryset, for every order and filter."""
    _twee_programmas_met_data(seed, organisatie, coach, coach2, gemeente, aantal=18)
    client = login(coach)
    vandaag = datetime.date.today()
    for query in ({}, {"afgesloten": "1"}, {"signaal": "alle"}, {"signaal": "no_show"}, {"fase": "nazorg"},
                  *({"sorteer": s} for s in ("deelnemer", "-deelnemer", "fase", "dagen", "-dagen", "volgend", "laatste",
                                             "-urgentie")), {"pagina": "2"}, {"pagina": "0"}, {"pagina": "x"}):
        response = client.get(reverse("trajecten:caseload"), query)
        rijen = response.context["rijen"]
        een_query = list(selectors.caseload(coach, vandaag=vandaag, afgesloten=query.get("afgesloten") == "1",
                                            sorteer=query.get("sorteer", ""), fase=query.get("fase", ""),
                                            signaal=query.get("signaal", "")))
        assert [d.clientcode for d, _ in rijen] == [d.clientcode for d in een_query][:60], query
        assert response.context["page"].paginator.count == len(een_query), query
        assert [[s.tekst for s in signalen] for _, signalen in rijen] == \
            [[s.tekst for s in selectors.signalen_voor(d, vandaag)] for d in een_query][:60], query


def test_the_coordinators_list_pages_and_filters(login, organisatie, coach, coach2, gemeente, coordinator):
    _twee_programmas_met_data(8, organisatie, coach, coach2, gemeente, aantal=30)
    client = login(coordinator)
    alle = sorted(selectors.overzicht_rijen(coordinator, selectors.deelnemers_overzicht(coordinator).values_list("pk", flat=True)),
                  key=lambda d: d.clientcode)
    for query, houden in (
        ({}, lambda d: True),
        ({"pagina": "2"}, lambda d: True),
        ({"fase": "nazorg"}, lambda d: d.fase == "nazorg" and d.traject_einddatum is None and d.huidig_traject_id),
        ({"status": "lopend"}, lambda d: d.huidig_traject_id and d.traject_einddatum is None),
        ({"status": "afgesloten"}, lambda d: d.traject_einddatum is not None),
        ({"status": "lopend", "fase": "uitvoering"}, lambda d: d.fase == "uitvoering" and d.traject_einddatum is None
         and d.huidig_traject_id),
        ({"begeleider": coach2.pk}, lambda d: d.begeleider_id == coach2.pk),
    ):
        response = client.get(reverse("trajecten:deelnemers"), query)
        verwacht = [d for d in alle if houden(d)]
        nummer = int(query.get("pagina", 1))
        assert response.context["page"].paginator.count == len(verwacht), query
        assert [d.clientcode for d, _ in response.context["rijen"]] == \
            [d.clientcode for d in verwacht][(nummer - 1) * 25:nummer * 25], query


def test_the_caseloads_first_page_runs_kept_sql_with_todays_data(login, organisatie, coach, coach2, gemeente, monkeypatch):
    """The first page's ids and count (by urgency, the default) come from SQL compiled at the first visit
    (uitstap.query_shapes): a later visit builds no queryset, and still shows what changed in between (only the SQL
    is kept, never a result)."""
    programmas = _twee_programmas_met_data(9, organisatie, coach, coach2, gemeente, aantal=12)
    client = login(coach)
    url = reverse("trajecten:caseload")
    eerst = client.get(url)
    codes = {d.clientcode for d, _ in eerst.context["rijen"]}
    assert codes

    module = importlib.import_module("trajecten.selectors.caseload")
    echt, gebouwd = module.caseload_volgorde, []
    monkeypatch.setattr(module, "caseload_volgorde", lambda *a, **k: gebouwd.append(1) or echt(*a, **k))
    nieuw = DeelnemerFactory(programma=programmas[0], begeleider=coach, clientcode="A-00")
    _traject(nieuw, -10)
    daarna = client.get(url)
    assert gebouwd == []  # the kept SQL ran; nothing was built
    assert {d.clientcode for d, _ in daarna.context["rijen"]} == codes | {"A-00"}
    assert daarna.context["page"].paginator.count == eerst.context["page"].paginator.count + 1
    # What is not the first page by urgency (another page, another order) is built as before.
    for query in ({"pagina": "2"}, {"sorteer": "deelnemer"}):
        gebouwd.clear()
        client.get(url, query)
        assert gebouwd, query


def test_the_coordinators_unfiltered_first_page_runs_kept_sql_with_todays_data(login, organisatie, coach, coach2, gemeente,
                                                                              coordinator, monkeypatch):
    programmas = _twee_programmas_met_data(10, organisatie, coach, coach2, gemeente, aantal=8)
    client = login(coordinator)
    url = reverse("trajecten:deelnemers")
    eerst = client.get(url)
    codes = [d.clientcode for d, _ in eerst.context["rijen"]]
    assert codes

    echt, gebouwd = selectors.zoek_deelnemers, []
    monkeypatch.setattr(selectors, "zoek_deelnemers", lambda *a, **k: gebouwd.append(1) or echt(*a, **k))
    DeelnemerFactory(programma=programmas[0], begeleider=coach, clientcode="A-00")
    daarna = client.get(url)
    assert gebouwd == []  # the kept statements ran; the filtered queryset was not built
    assert [d.clientcode for d, _ in daarna.context["rijen"]] == ["A-00", *codes]
    assert daarna.context["page"].paginator.count == eerst.context["page"].paginator.count + 1
    # A filter goes through the filterset as before.
    client.get(url, {"begeleider": coach.pk})
    assert gebouwd == [1]
