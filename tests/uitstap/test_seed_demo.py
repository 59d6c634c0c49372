"""seed_demo: realistic, deterministic for a seed, and it refuses to mix with existing data."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from clients.models import Deelnemer
from trajecten.models import Contactmoment, FaseOvergang, Terugval, Traject, Uitstroom
from uitstap.models import Gebruiker, Programma


def snapshot():
    return {
        "deelnemers": list(Deelnemer.objects.order_by("clientcode").values_list(
            "clientcode", "roepnaam", "geboortejaar", "herkomstland", "sector", "begeleider__username")),
        "fasen": list(FaseOvergang.objects.order_by("traject__deelnemer__clientcode", "id").values_list(
            "traject__deelnemer__clientcode", "fase", "datum")),
        "contacten": Contactmoment.objects.count(),
    }


@pytest.mark.django_db
def test_seed_demo_builds_the_flevoland_programme_with_every_situation():
    call_command("seed_demo", deelnemers=40, seed=11)
    p = Programma.objects.get(slug="flevoland")
    assert p.naam == "Uitstapprogramma Flevoland"
    assert p.organisaties.count() == 2
    assert sorted(p.gemeenten.values_list("naam", flat=True)) == sorted(
        ["Almere", "Lelystad", "Dronten", "Zeewolde", "Noordoostpolder", "Urk"])
    assert set(Gebruiker.objects.values_list("username", flat=True)) >= {
        "coordinator", "begeleider1", "begeleider2", "begeleider3", "klantmanager", "beheerder"}
    assert Gebruiker.objects.get(username="klantmanager").gemeente.naam == "Almere"
    assert Deelnemer.objects.count() == 40 + 2  # plus the aanmelding via outreach and its likely duplicate (issue 19)
    fasen = set(FaseOvergang.objects.values_list("fase", flat=True))
    assert fasen == {"contact", "orientatie", "uitvoering", "nazorg"}
    assert Uitstroom.objects.filter(soort="uitgestapt").exists()
    assert Uitstroom.objects.filter(soort="gestopt").exists()
    assert Traject.objects.values("deelnemer").distinct().count() < Traject.objects.count()  # re-entries
    assert Terugval.objects.exists()
    assert Contactmoment.objects.filter(status="gepland").exists()
    assert Contactmoment.objects.filter(status="niet_verschenen").exists()


class _Terugdraaien(Exception):
    pass


@pytest.mark.django_db
def test_seed_demo_is_deterministic_for_a_seed():
    # Roll the first run back (a rollback, not a DELETE: the audit table refuses deletes on PostgreSQL).
    try:
        with transaction.atomic():
            call_command("seed_demo", deelnemers=15, seed=5)
            eerste = snapshot()
            raise _Terugdraaien
    except _Terugdraaien:
        pass
    assert not Deelnemer.objects.exists()
    call_command("seed_demo", deelnemers=15, seed=5)
    assert snapshot() == eerste


@pytest.mark.django_db
def test_seed_demo_refuses_a_database_with_data(deelnemer):
    with pytest.raises(CommandError, match="bevat al gegevens"):
        call_command("seed_demo", deelnemers=3)
    assert Deelnemer.objects.count() == 1
    call_command("seed_demo", deelnemers=3, als_leeg=True)  # make demo: quietly leaves it alone
    assert Deelnemer.objects.count() == 1
