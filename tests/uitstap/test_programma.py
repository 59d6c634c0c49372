"""The coordinator edits the programme and its year figures in the application."""

import pytest
from django.urls import reverse

from uitstap.models import ProgrammaJaar


def test_coordinator_edits_programme(login, programma, coordinator, gemeente):
    client = login(coordinator)
    assert client.get(reverse("programma_lijst")).status_code == 302
    response = client.post(reverse("programma_bewerken", args=[programma.slug]), {
        "naam": "Uitstapprogramma Test-Regio", "regeling": "rups_iii", "startdatum": "2020-01-01",
        "gemeenten": [gemeente.pk], "wachttijd_signaal_dagen": 45, "bewaartermijn_jaren": 7,
        "gelezen_versie": programma.versie, "nazorg_duur_maanden": 12, "nazorg_contact_dagen": 42,
    })
    assert response.status_code == 302
    programma.refresh_from_db()
    assert programma.naam == "Uitstapprogramma Test-Regio" and programma.wachttijd_signaal_dagen == 45


def test_end_before_start_refused_in_dutch(login, programma, coordinator):
    response = login(coordinator).post(reverse("programma_bewerken", args=[programma.slug]), {
        "naam": "X", "regeling": "duup", "startdatum": "2024-01-01", "einddatum": "2023-01-01",
        "wachttijd_signaal_dagen": 30, "bewaartermijn_jaren": 7,
    })
    assert response.status_code == 200 and "Er is een probleem" in response.text
    programma.refresh_from_db()
    assert programma.naam == "Uitstapprogramma Test"


def test_coordinator_enters_year_figures(login, programma, coordinator):
    client = login(coordinator)
    response = client.post(reverse("programmajaar_nieuw", args=[programma.slug]), {
        "jaar": 2025, "verwacht_deelnemers": 30, "intakes_begroot": 40, "begroting": "150000", "uitgaven": "141250.50"})
    assert response.status_code == 302
    jaar = ProgrammaJaar.objects.get(programma=programma, jaar=2025)
    assert jaar.verwacht_deelnemers == 30 and str(jaar.uitgaven) == "141250.50"
    client.post(reverse("programmajaar_bewerken", args=[programma.slug, 2025]), {
        "verwacht_deelnemers": 32, "intakes_begroot": 40, "begroting": "150000", "uitgaven": "141250.50",
        "gelezen_versie": jaar.versie})
    jaar.refresh_from_db()
    assert jaar.verwacht_deelnemers == 32
    assert "141.251" in client.get(reverse("programma_detail", args=[programma.slug])).text


@pytest.mark.parametrize("rol", ["coach", "klantmanager", "beheerder"])
def test_only_coordinator_manages_programme(login, programma, rol, request):
    user = request.getfixturevalue(rol)
    assert login(user).get(reverse("programma_bewerken", args=[programma.slug])).status_code == 403


def test_other_organisations_programme_is_404(login, coordinator):
    from tests.factories import OrganisatieFactory, ProgrammaFactory

    vreemd = ProgrammaFactory(organisaties=[OrganisatieFactory(naam="Elders")])
    assert login(coordinator).get(reverse("programma_detail", args=[vreemd.slug])).status_code == 404
