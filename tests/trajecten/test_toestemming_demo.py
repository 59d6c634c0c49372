"""seed_demo's consent step: Almere sees participants under different scopes, Lelystad one, none expired or withdrawn."""

import datetime

import pytest
from django.core.management import call_command

from clients.models import Signaal, Toestemming
from clients.selectors import deelnemers_visible_to, scopes_voor
from trajecten.selectors.gemeente import gedeelde_deelnemers
from uitstap.models import Gebruiker


@pytest.mark.django_db
def test_demo_shares_with_almere_and_lelystad():
    call_command("seed_demo", deelnemers=40, seed=11, force_demo=True)
    almere = Gebruiker.objects.get(username="klantmanager")
    lelystad = Gebruiker.objects.get(username="klantmanager_lelystad")
    gedeeld = list(deelnemers_visible_to(almere))
    assert len(gedeeld) == 5
    assert {frozenset(scopes_voor(almere, d)) for d in gedeeld} >= {
        frozenset({"basis"}), frozenset({"basis", "werk_inkomen"}), frozenset({"basis", "werk_inkomen", "gevoelig"})}
    assert deelnemers_visible_to(lelystad).count() == 1
    vandaag = datetime.date.today()
    assert Toestemming.objects.filter(gemeente__naam="Almere", geldig_tot__lt=vandaag).count() == 1
    assert Toestemming.objects.filter(ingetrokken_op__isnull=False).count() == 1
    assert Signaal.objects.filter(afgesloten_op__isnull=True).count() == 1
    assert len(gedeelde_deelnemers(almere)) == 5
