"""seed_demo's leefsituatie step: situations over time, checks with all three outcomes, two regimes."""

import pytest
from django.core.management import call_command

from trajecten.models import Leefsituatie, Nacontrole
from uitstap.models import Programma


@pytest.mark.django_db
def test_demo_has_situations_over_time_checks_and_two_regimes():
    call_command("seed_demo", deelnemers=40, seed=7)
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
