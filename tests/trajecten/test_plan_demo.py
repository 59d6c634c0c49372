"""seed_demo's plan step: plans in every stage, goals, sub-goals, progress and metingen, all within the traject's dates."""

import pytest
from django.core.management import call_command
from django.db.models import F

from trajecten.models import Doel, DoelVoortgang, Meting, Trajectplan


@pytest.mark.django_db
def test_demo_tells_a_plan_story_within_the_traject_dates():
    call_command("seed_demo", deelnemers=24, seed=7, force_demo=True)
    statussen = set(Trajectplan.objects.values_list("status", flat=True))
    assert {"concept", "actief", "vervangen"} <= statussen
    assert Doel.objects.filter(ouder__isnull=False).exists()
    assert Doel.objects.filter(status="behaald", behaald_op__isnull=False).exists()
    assert DoelVoortgang.objects.exists() and Meting.objects.filter(scores__isnull=False).exists()
    assert not Meting.objects.filter(traject__einddatum__lt=F("datum")).exists()
    assert not DoelVoortgang.objects.filter(doel__plan__traject__einddatum__lt=F("datum")).exists()
    assert not Doel.objects.filter(plan__traject__einddatum__lt=F("behaald_op")).exists()
    # Copies in a later version point to their origin.
    assert Doel.objects.filter(plan__versie=2, oorsprong__plan__versie=1).exists()
