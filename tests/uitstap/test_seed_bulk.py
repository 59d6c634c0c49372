"""seed_demo's bulk path: for any seed and size, the rows obey the rules the services enforce."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clients.models import Deelnemer
from tests.trajecten.test_traject_stand import _stand, _verwacht
from trajecten.models import (
    INSTROOM_FASEN,
    Contactmoment,
    Doel,
    FaseOvergang,
    Traject,
    Trajectplan,
    Uitstroom,
)
from trajecten.services.traject import _check_contact, _check_uitstroom
from trajecten.services.verwijzing import _controleer as controleer_verwijzing
from uitstap.codes import ContactStatus, Fase, UitstroomSoort
from uitstap.models import AuditEvent


class _Terugdraaien(Exception):
    pass


def _rollback(fn):
    """Run fn inside a transaction that is rolled back (the audit table refuses deletes on PostgreSQL)."""
    uitkomst = {}
    try:
        with transaction.atomic():
            uitkomst["waarde"] = fn()
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    return uitkomst["waarde"]


def controleer_alles(vandaag: datetime.date) -> list[str]:
    """Every rule the services check on a write, re-checked on what is in the database; returns the breaks."""
    fouten = []

    def regel(ok, wat):
        if not ok:
            fouten.append(wat)

    for d in Deelnemer.objects.select_related("begeleider", "achtervang"):
        d.full_clean()
        regel(d.begeleider.rol == "trajectbegeleider" and d.achtervang_id != d.begeleider_id, f"{d}: team")
        vorige = None
        for t in Traject.objects.filter(deelnemer=d).order_by("aanmelddatum", "id"):
            t.full_clean()
            regel(t.aanmelddatum <= vandaag, f"{t}: aanmelding in de toekomst")
            if vorige is not None:
                regel(vorige.einddatum is not None and t.aanmelddatum >= vorige.einddatum, f"{t}: herinstroom")
            vorige = t
            overgangen = list(FaseOvergang.objects.filter(traject=t).order_by("datum", "id"))
            regel(overgangen[0].fase == Fase.CONTACT and overgangen[0].datum == t.aanmelddatum, f"{t}: eerste fase")
            for a, b in zip(overgangen, overgangen[1:]):
                regel(a.fase != b.fase, f"{t}: twee keer {b.fase}")
                if Fase.values.index(b.fase) < Fase.values.index(a.fase):
                    regel(bool(b.reden.strip()), f"{t}: terugstap zonder reden")
            for o in overgangen:
                o.full_clean()
                regel(t.aanmelddatum <= o.datum <= vandaag, f"{t}: faseovergang {o.datum}")
            intake = getattr(t, "intake", None) if hasattr(t, "intake") else None
            if intake is not None:
                intake.full_clean()
                regel(t.aanmelddatum <= intake.datum <= vandaag, f"{t}: intake")
                regel(any(o.fase == Fase.ORIENTATIE and o.datum == intake.datum for o in overgangen), f"{t}: intake-fase")
            for c in Contactmoment.objects.filter(traject=t):
                _check_contact(t, c)
                c.full_clean()
                if c.status == ContactStatus.GEPLAND:
                    regel(t.einddatum is None, f"{t}: gepland contact in een afgesloten traject")
            uitstroom = Uitstroom.objects.filter(traject=t).first()
            if uitstroom is not None:
                _check_uitstroom(t, uitstroom)
                uitstroom.full_clean()
                voor = [o for o in overgangen if not (o.fase == Fase.NAZORG and o.datum == uitstroom.datum)]
                regel(all(o.datum <= uitstroom.datum for o in voor), f"{t}: uitstroom vóór de laatste faseovergang")
                if uitstroom.soort == UitstroomSoort.GESTOPT:
                    regel(t.einddatum == uitstroom.datum, f"{t}: gestopt sluit het traject")
                else:
                    regel(overgangen[-1].fase == Fase.NAZORG, f"{t}: uitgestapt zonder nazorg")
                for tv in t.terugvallen.all():
                    tv.full_clean()
                    regel(uitstroom.soort == UitstroomSoort.UITGESTAPT and uitstroom.datum <= tv.datum <= vandaag,
                          f"{t}: terugval")
            if t.einddatum is not None:
                regel(uitstroom is not None and uitstroom.datum <= t.einddatum <= vandaag, f"{t}: einddatum")
            for m in t.metingen.all():
                m.full_clean()
                regel(t.aanmelddatum <= m.datum <= vandaag and m.scores.exists(), f"{t}: meting")
                for s in m.scores.all():
                    s.full_clean()
            for plan in Trajectplan.objects.filter(traject=t):
                plan.full_clean()
                regel(plan.opgesteld_op >= t.aanmelddatum, f"{t}: plan vóór aanmelding")
                if plan.status != Trajectplan.Status.CONCEPT:
                    regel(plan.ondertekend_op is not None and plan.opgesteld_op <= plan.ondertekend_op <= vandaag,
                          f"{t}: ondertekening")
                regel(plan.doelen.exists(), f"{t}: plan zonder doelen")
                for doel in plan.doelen.all():
                    doel.full_clean()
                    if doel.behaald_op:
                        regel(plan.opgesteld_op <= doel.behaald_op <= vandaag, f"{t}: behaald_op")
            for v in t.verwijzingen.select_related("ketenpartner"):
                regel(t.einddatum is None, f"{t}: verwijzing in een afgesloten traject")
                controleer_verwijzing(v, t)
                v.full_clean()
    return fouten


@pytest.mark.django_db
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), aantal=st.integers(1, 30))
def test_bulk_seed_obeys_the_services_rules_for_any_seed_and_size(seed, aantal):
    def bouw():
        call_command("seed_demo", deelnemers=aantal, seed=seed, bulk=True, force_demo=True)
        assert Deelnemer.objects.count() == aantal
        assert AuditEvent.objects.filter(object_type="seed_demo").count() == 1
        return controleer_alles(datetime.date.today()) + controleer_stand()

    assert _rollback(bouw) == []


def controleer_stand() -> list[str]:
    """The state columns the bulk path fills at the end (its per-row triggers off) equal the histories."""
    fouten = []
    for t in Traject.objects.all():
        if _stand(t) != _verwacht(t):
            fouten.append(f"{t}: stand {_stand(t)} != {_verwacht(t)}")
        eerste = t.fase_overgangen.filter(fase__in=INSTROOM_FASEN).order_by("datum").first()
        if t.instroom_op != (eerste.datum if eerste else None):
            fouten.append(f"{t}: instroom_op {t.instroom_op}")
    return fouten


@pytest.mark.django_db
def test_the_state_triggers_are_on_again_after_the_bulk_seed():
    def bouw():
        call_command("seed_demo", deelnemers=5, seed=3, bulk=True, force_demo=True)
        t = Traject.objects.filter(einddatum__isnull=True).order_by("pk").first()
        FaseOvergang.objects.create(traject=t, fase=Fase.ORIENTATIE, datum=datetime.date.today())
        Contactmoment.objects.create(traject=t, datum=datetime.date.today(), soort="gesprek", status=ContactStatus.GEHOUDEN)
        # A new plan version has no goals yet; the goal added to it sets the earliest target date (the goals' trigger).
        plan = Trajectplan.objects.create(traject=t, volgnummer=t.plannen.count() + 1, opgesteld_op=datetime.date.today())
        Doel.objects.create(plan=plan, leefgebied="financien", omschrijving="doel", streefdatum=datetime.date(2030, 1, 1))
        t.refresh_from_db()
        return t.laatste_contact, t.fase_sinds, t.huidige_fase, t.vroegste_streefdatum

    assert _rollback(bouw) == (datetime.date.today(), datetime.date.today(), Fase.ORIENTATIE, datetime.date(2030, 1, 1))


@pytest.mark.django_db
def test_bulk_seed_is_deterministic_and_has_every_situation():
    def snapshot():
        call_command("seed_demo", deelnemers=120, seed=7, bulk=True, force_demo=True)
        return {
            "deelnemers": list(Deelnemer.objects.order_by("clientcode").values_list("clientcode", "roepnaam", "begeleider__username")),
            "fasen": list(FaseOvergang.objects.order_by("traject__deelnemer__clientcode", "id").values_list("fase", "datum")),
            "contacten": list(Contactmoment.objects.order_by("id").values_list("datum", "status")),
            "soorten": sorted(set(FaseOvergang.objects.values_list("fase", flat=True))),
            "uitstroom": sorted(set(Uitstroom.objects.values_list("soort", flat=True))),
            "herinstroom": Traject.objects.values("deelnemer").distinct().count() < Traject.objects.count(),
        }

    eerste = _rollback(snapshot)
    tweede = _rollback(snapshot)
    assert eerste == tweede
    assert eerste["soorten"] == sorted(Fase.values)
    assert eerste["uitstroom"] == sorted(UitstroomSoort.values)
    assert eerste["herinstroom"]


@pytest.mark.django_db
def test_large_n_takes_the_bulk_path_and_gives_coaches_a_realistic_caseload(monkeypatch):
    from trajecten.demo import bulk
    from rapportage.management.commands import seed_demo

    monkeypatch.setattr(seed_demo, "VERHAAL_TOT", 5)
    monkeypatch.setattr(bulk, "PER_BEGELEIDER", 4)
    call_command("seed_demo", deelnemers=20, seed=1, force_demo=True)
    assert AuditEvent.objects.filter(object_type="seed_demo").count() == 1
    assert Deelnemer.objects.values("begeleider").distinct().count() == 5
    assert controleer_alles(datetime.date.today()) == []


@pytest.mark.django_db
def test_the_planner_sees_the_filled_state_after_the_bulk_seed():
    """PostgreSQL: the statistics of trajecten_traject are taken after the state columns are filled. Taken
    before, they said no traject is current, and the caseload's queries were planned for one row."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")

    def statistiek():
        call_command("seed_demo", deelnemers=40, seed=2, bulk=True, force_demo=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT most_common_vals::text FROM pg_stats WHERE tablename = %s AND attname = %s",
                           [Traject._meta.db_table, "is_huidig"])
            return cursor.fetchone()[0]

    assert "t" in _rollback(statistiek).strip("{}").split(",")


@pytest.mark.django_db(transaction=True)
def test_the_bulk_seed_leaves_vacuumed_tables_on_postgresql():
    """After the bulk load (which rewrites every traject to fill its kept state) the tables are vacuumed: the
    visibility map is set, so a count or a page of ids reads the index alone, and the dead rows are gone."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("VACUUM is PostgreSQL's")
    call_command("seed_demo", deelnemers=400, seed=3, bulk=True, force_demo=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpages, relallvisible FROM pg_class WHERE relname = %s", [Traject._meta.db_table])
        pagina, zichtbaar = cursor.fetchone()
        # Compacted: no more pages than its live rows fill (pgstattuple is an extension; the rows' own sizes
        # summed tell the same), where the fill of the kept state leaves several times that.
        cursor.execute(f"SELECT CEIL(SUM(pg_column_size(t.*)) / (8192.0 * 0.9)) FROM {Traject._meta.db_table} t")
        nodig = int(cursor.fetchone()[0])
    assert pagina > 0 and zichtbaar == pagina
    assert pagina <= nodig + 1, (pagina, nodig)
