"""The figures side by side (rapportage.cijfers.zij_aan_zij): on PostgreSQL outside a transaction two connections on
one snapshot, the same figures as one after the other; elsewhere simply one after the other."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from rapportage.cijfers import FIGUREN, alle_cijfers, zij_aan_zij
from rapportage.cijfers.basis import een_doorgang, groep
from uitstap.models import Programma

VORIG_JAAR = datetime.date.today().year - 1
VAN, TOT = datetime.date(VORIG_JAAR, 1, 1), datetime.date(VORIG_JAAR, 12, 31)


def test_every_lane_names_a_figure_once():
    namen = [sleutel for baan in zij_aan_zij.BANEN for sleutel in baan]
    assert len(namen) == len(set(namen)) and set(namen) <= dict(FIGUREN).keys()


@pytest.mark.django_db
def test_inside_a_transaction_or_on_sqlite_the_figures_come_one_after_the_other(programma, monkeypatch):
    """A test's transaction (like finalising a verslag) holds rows a second connection would not see."""
    monkeypatch.setattr(zij_aan_zij, "vooraf", lambda *a, **k: pytest.fail("not side by side here"))
    assert not zij_aan_zij.mogelijk()
    assert alle_cijfers(programma, VAN, TOT, zij_aan_zij=True) == alle_cijfers(programma, VAN, TOT)


@pytest.mark.django_db
def test_a_group_asked_for_by_two_threads_at_once_is_computed_once(programma):
    berekend, gestart, door = [], threading.Event(), threading.Event()

    @groep
    def traag(programma_, van, tot):
        berekend.append(threading.current_thread().name)
        gestart.set()
        door.wait(5)
        return 42

    uit = []
    with een_doorgang():
        import contextvars

        tweede = threading.Thread(target=contextvars.copy_context().run,
                                  args=(lambda: uit.append(traag(programma, VAN, TOT)),))
        eerste = threading.Thread(target=contextvars.copy_context().run,
                                  args=(lambda: uit.append(traag(programma, VAN, TOT)),))
        eerste.start()
        gestart.wait(5)
        tweede.start()
        door.set()
        eerste.join(5)
        tweede.join(5)
    assert uit == [42, 42] and len(berekend) == 1


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_side_by_side_gives_the_same_figures_on_one_snapshot_and_closes_its_connection():
    if connection.vendor != "postgresql":
        pytest.skip("two connections on one snapshot are PostgreSQL's")
    call_command("seed_demo", deelnemers=60, seed=5, bulk=True, force_demo=True)
    programma = Programma.objects.get(slug="flevoland")
    assert zij_aan_zij.mogelijk()
    na_elkaar = alle_cijfers(programma, VAN, TOT, jaar=VORIG_JAAR)

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        verbindingen = cursor.fetchone()[0]
    gezien = {}
    origineel = zij_aan_zij._baan

    def baan(*args):
        gezien["draad"] = threading.current_thread().name
        return origineel(*args)

    zij_aan_zij._baan = baan
    try:
        naast_elkaar = alle_cijfers(programma, VAN, TOT, jaar=VORIG_JAAR, zij_aan_zij=True)
    finally:
        zij_aan_zij._baan = origineel
    assert gezien["draad"] == "cijfers-zij-aan-zij"  # the second lane ran on its own thread
    assert naast_elkaar == na_elkaar and naast_elkaar["aanmeldingen"] > 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
        assert cursor.fetchone()[0] <= verbindingen  # the second lane's connection is closed again


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_an_error_in_the_second_lane_reaches_the_caller(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's side by side")
    call_command("seed_demo", deelnemers=10, seed=6, bulk=True, force_demo=True)
    programma = Programma.objects.get(slug="flevoland")
    import rapportage.cijfers as cijfers

    def stuk(*args):
        raise RuntimeError("tweede baan")

    figuren = dict(cijfers.FIGUREN)
    figuren[zij_aan_zij.BANEN[1][0]] = stuk
    monkeypatch.setattr(cijfers, "FIGUREN", tuple(figuren.items()))
    with pytest.raises(RuntimeError, match="tweede baan"):
        alle_cijfers(programma, VAN, TOT, zij_aan_zij=True)
    assert not connection.in_atomic_block
    with transaction.atomic():  # the connection is usable after the failed verslag
        assert Programma.objects.filter(pk=programma.pk).exists()
