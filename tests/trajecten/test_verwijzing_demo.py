"""seed_demo's referral step: contact persons on the Flevoland kaart and referrals with varied waiting times."""

import datetime

import pytest
from django.core.management import call_command

from trajecten.models import Verwijzing
from uitstap.codes import VerwijzingStatus
from uitstap.models import Ketenpartner

S = VerwijzingStatus


@pytest.mark.django_db
def test_demo_has_contact_persons_and_varied_referrals():
    call_command("seed_demo", deelnemers=40, seed=7, force_demo=True)
    actief = Ketenpartner.objects.filter(actief=True)
    assert actief.count() >= 17
    assert not actief.filter(contactpersonen__isnull=True).exists()  # every partner has a vaste aanspreekpunt
    assert Ketenpartner.objects.filter(voorgesteld=True, actief=False).count() == 1  # one proposal awaits
    statussen = set(Verwijzing.objects.values_list("status", flat=True))
    assert {S.GESTART, S.AFGEROND, S.AFGEWEZEN, S.AFGEBROKEN} <= statussen
    assert statussen & {S.AANGEVRAAGD, S.WACHTLIJST}
    vandaag = datetime.date.today()
    lang = [v for v in Verwijzing.objects.filter(gestart__isnull=True, beeindigd__isnull=True)
            if (vandaag - v.verwezen).days > 30]
    assert len(lang) >= 2
    assert not Verwijzing.objects.filter(status__in=[S.AFGEWEZEN, S.AFGEBROKEN], reden="").exists()
    assert Verwijzing.objects.filter(terugkoppelingen__isnull=False).exists()
