"""seed_demo: deterministic for a seed, and it refuses to mix with existing data (its content: test_demo.py)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from clients.models import Deelnemer
from trajecten.models import Contactmoment, FaseOvergang


def snapshot():
    return {
        "deelnemers": list(Deelnemer.objects.order_by("clientcode").values_list(
            "clientcode", "roepnaam", "geboortejaar", "herkomstland", "sector", "begeleider__username")),
        "fasen": list(FaseOvergang.objects.order_by("traject__deelnemer__clientcode", "id").values_list(
            "traject__deelnemer__clientcode", "fase", "datum")),
        "contacten": Contactmoment.objects.count(),
    }


class _Terugdraaien(Exception):
    pass


@pytest.mark.django_db
def test_seed_demo_is_deterministic_for_a_seed():
    # Roll the first run back (a rollback, not a DELETE: the audit table refuses deletes on PostgreSQL).
    try:
        with transaction.atomic():
            call_command("seed_demo", deelnemers=15, seed=5, force_demo=True)
            eerste = snapshot()
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    assert not Deelnemer.objects.exists()
    call_command("seed_demo", deelnemers=15, seed=5, force_demo=True)
    assert snapshot() == eerste


@pytest.mark.django_db
def test_seed_demo_refuses_a_database_with_data(deelnemer):
    with pytest.raises(CommandError, match="bevat al gegevens"):
        call_command("seed_demo", deelnemers=3, force_demo=True)
    assert Deelnemer.objects.count() == 1
    call_command("seed_demo", deelnemers=3, als_leeg=True, force_demo=True)  # make demo: quietly leaves it alone
    assert Deelnemer.objects.count() == 1


@pytest.mark.django_db
def test_seed_demo_without_demo_flag_only_on_a_debug_machine_with_its_own_password(settings, monkeypatch):
    settings.DEMO = False
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_WACHTWOORD", "uitstap-demo-2026")  # the published one: refused
    with pytest.raises(CommandError, match="DEMO=true"):
        call_command("seed_demo", deelnemers=2)
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_WACHTWOORD", "Eigen-Wachtwoord-2026!")  # own password, but not a debug machine
    with pytest.raises(CommandError, match="DEMO=true"):
        call_command("seed_demo", deelnemers=2)
    assert not Deelnemer.objects.exists()
    settings.DEBUG = True  # a development machine with a password of its own (as ../shared/tools/rook seeds it)
    call_command("seed_demo", deelnemers=2)
    assert Deelnemer.objects.count() >= 2  # the demo steps add a few of their own (outreach, a duplicate)
