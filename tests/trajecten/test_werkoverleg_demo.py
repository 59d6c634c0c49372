"""seed_demo's werkoverleg step: a held meeting with Almere (afspraken done and one open) and an upcoming one
whose agenda carries the open afspraak over."""

import datetime

import pytest
from django.core.management import call_command

from trajecten import selectors
from trajecten.models import Werkoverleg, WerkoverlegAfspraak
from uitstap.models import Gebruiker


@pytest.mark.django_db
def test_demo_has_two_werkoverleggen_with_almere():
    call_command("seed_demo", deelnemers=40, seed=11, force_demo=True)
    km = Gebruiker.objects.get(username="klantmanager")
    coordinator = Gebruiker.objects.get(username="coordinator")
    geweest, komend = Werkoverleg.objects.filter(gemeente__naam="Almere").order_by("datum")
    vandaag = datetime.date.today()
    assert geweest.datum < vandaag < komend.datum
    assert WerkoverlegAfspraak.objects.filter(werkoverleg=geweest, afgerond_op__isnull=False).count() == 2
    (open_,) = WerkoverlegAfspraak.objects.filter(werkoverleg=geweest, afgerond_op__isnull=True)
    for user in (km, coordinator):
        agenda = selectors.agenda(komend, user)
        assert len(agenda.punten) >= 3 and agenda.vorige == geweest
        assert [a["pk"] for p in agenda.punten for a in p.open_afspraken] == [open_.pk]
    assert set(selectors.werkoverleggen_voor(km)) == {geweest, komend}
