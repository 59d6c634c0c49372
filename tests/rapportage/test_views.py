"""The coordinator's figures page and the logged export download."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import DeelnemerFactory, OrganisatieFactory, ProgrammaFactory
from tests.rapportage.helpers import traject
from uitstap.models import AuditEvent, ProgrammaJaar

pytestmark = pytest.mark.django_db


@pytest.fixture
def gevuld(programma, deelnemer):
    traject(deelnemer, "2024-01-10", ("orientatie", "2024-02-01"))
    ProgrammaJaar.objects.create(programma=programma, jaar=2024, verwacht_deelnemers=30, intakes_begroot=40,
                                 begroting=Decimal("150000"), uitgaven=Decimal("141250"))
    return programma


def test_coordinator_sees_plan_and_actual(login, coordinator, gevuld):
    response = login(coordinator).get(reverse("rapportage:cijfers"), {"programma": gevuld.slug, "jaar": 2024})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plan en werkelijkheid" in html and "Deelnemers (verwacht / ingestroomd)" in html
    assert response.context["cijfers"]["ingestroomd"] == 1
    assert response.context["cijfers"]["kosten_per_actieve_deelnemer"] == 141250
    assert "Oriëntatie" in html and "Schuldhulpverlening" in html
    assert 'href="/rapportage/export/test/"' in html


def test_other_programme_and_other_roles(login, coordinator, coach, gevuld):
    ander = ProgrammaFactory(slug="elders", organisaties=[OrganisatieFactory(naam="Elders")])
    client = login(coordinator)
    assert client.get(reverse("rapportage:cijfers"), {"programma": ander.slug}).status_code == 404
    assert client.get(reverse("rapportage:export", args=[ander.slug])).status_code == 404
    assert client.get(reverse("rapportage:cijfers"), {"jaar": "abc"}).status_code == 200
    coach_client = login(coach)
    assert coach_client.get(reverse("rapportage:cijfers")).status_code == 403
    assert coach_client.get(reverse("rapportage:export", args=[gevuld.slug])).status_code == 403


def test_export_download_is_logged(login, coordinator, gevuld, deelnemer, ander_deelnemer):
    response = login(coordinator).get(reverse("rapportage:export", args=[gevuld.slug]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="test-uitstap-import-')
    data = json.loads(response.content)
    assert data["formaat"] == "uitstap-import/1"
    assert sorted(d["clientcode"] for d in data["deelnemers"]) == sorted([deelnemer.clientcode, ander_deelnemer.clientcode])
    event = AuditEvent.objects.get(actie="export")
    assert event.gebruiker == coordinator and event.object_type == "programma"
    assert event.clientcodes == sorted([deelnemer.clientcode, ander_deelnemer.clientcode])


def test_empty_year_page(login, coordinator, programma):
    DeelnemerFactory(programma=programma)
    response = login(coordinator).get(reverse("rapportage:cijfers"), {"jaar": datetime.date.today().year})
    assert response.status_code == 200
    assert "nog niet ingevuld" in response.content.decode()


def test_programme_page_links_to_the_export(login, coordinator, programma):
    response = login(coordinator).get(reverse("programma_detail", args=[programma.slug]))
    assert reverse("rapportage:export", args=[programma.slug]) in response.content.decode()
