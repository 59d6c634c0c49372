"""No lost update: two edits of one Deelnemer end in one conflict message and the first edit kept.
Posting extra fields (begeleider, programma) changes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.forms import PersoonsgegevensForm
from clients.models import Deelnemer
from clients.services import deelnemer_wijzigen
from tests.factories import ProgrammaFactory
from tests.security.formdata import post_data
from uitstap.locking import Conflict

pytestmark = pytest.mark.django_db

from uitstap.forms import CONFLICT  # noqa: E402


def test_service_refuses_stale_version(deelnemer, coach, coach2):
    a = Deelnemer.objects.get(pk=deelnemer.pk)
    b = Deelnemer.objects.get(pk=deelnemer.pk)
    deelnemer_wijzigen(deelnemer=a, data={"roepnaam": "Anna"}, gelezen_versie=a.versie, door=coach)
    with pytest.raises(Conflict) as info:
        deelnemer_wijzigen(deelnemer=b, data={"roepnaam": "Bea"}, gelezen_versie=b.versie, door=coach2)
    assert info.value.actueel.roepnaam == "Anna"
    deelnemer.refresh_from_db()
    assert deelnemer.roepnaam == "Anna"
    assert deelnemer.versie == a.versie


def test_two_people_edit_at_once(client, deelnemer, coach, coach2):
    url = reverse("trajecten:persoonsgegevens", args=[deelnemer.pk])
    eerste, tweede = client, client.__class__()
    eerste.force_login(coach)
    tweede.force_login(coach2)
    # Both open the form.
    form_a = eerste.get(url).context["form"]
    form_b = tweede.get(url).context["form"]
    data_a, data_b = post_data(form_a), post_data(form_b)
    assert data_a["gelezen_versie"] == data_b["gelezen_versie"]
    data_a.update(roepnaam="Anna", woongemeente="")
    data_b.update(roepnaam="Bea")

    response = eerste.post(url, data_a)
    assert response.status_code == 302
    response = tweede.post(url, data_b)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(CONFLICT) == 1
    assert "Anna" in html and 'value="Bea"' in html  # both versions on screen
    deelnemer.refresh_from_db()
    assert deelnemer.roepnaam == "Anna"  # the first edit is kept

    # Saving again (now on top of the stored version) is a deliberate overwrite and works.
    again = post_data(response.context["form"])
    assert again["roepnaam"] == "Bea"
    response = tweede.post(url, again)
    assert response.status_code == 302
    deelnemer.refresh_from_db()
    assert deelnemer.roepnaam == "Bea"


def test_extra_fields_on_personal_data_change_nothing(client, deelnemer, coach, coach3):
    ander_programma = ProgrammaFactory(slug="ander", code="AND")
    url = reverse("trajecten:persoonsgegevens", args=[deelnemer.pk])
    client.force_login(coach)
    data = post_data(client.get(url).context["form"])
    data.update(begeleider=coach3.pk, achtervang=coach3.pk, programma=ander_programma.pk, clientcode="HACK-1",
                versie=99, roepnaam="Nieuw")
    response = client.post(url, data)
    assert response.status_code == 302
    deelnemer.refresh_from_db()
    assert deelnemer.roepnaam == "Nieuw"
    assert deelnemer.begeleider == coach and deelnemer.achtervang_id != coach3.pk
    assert deelnemer.programma_id != ander_programma.pk
    assert deelnemer.clientcode != "HACK-1"
    assert deelnemer.versie == 2


def test_extra_fields_on_registration_change_nothing(client, programma, coach, coach3):
    ander_programma = ProgrammaFactory(slug="ander", code="AND")
    client.force_login(coach)
    url = reverse("trajecten:deelnemer_nieuw")
    data = post_data(client.get(url).context["form"])
    data.update(roepnaam="Zoë", geboortejaar="1995", begeleider=coach3.pk, achtervang=coach3.pk,
                programma=ander_programma.pk, clientcode="HACK-2")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    nieuw = Deelnemer.objects.get(roepnaam="Zoë")
    assert nieuw.begeleider == coach
    assert nieuw.achtervang_id is None
    assert nieuw.programma == programma
    assert nieuw.clientcode != "HACK-2"


def test_service_ignores_fields_outside_personal_data(deelnemer, coach, coach3):
    deelnemer_wijzigen(deelnemer=deelnemer, data={"begeleider": coach3, "roepnaam": "X"},
                        gelezen_versie=deelnemer.versie, door=coach)
    deelnemer.refresh_from_db()
    assert deelnemer.begeleider == coach


def test_conflict_writes_nothing(deelnemer, coach):
    stale = deelnemer.versie
    deelnemer_wijzigen(deelnemer=Deelnemer.objects.get(pk=deelnemer.pk), data={"roepnaam": "Eerst"},
                        gelezen_versie=stale, door=coach)
    with pytest.raises((Conflict, ValidationError)):
        deelnemer_wijzigen(deelnemer=Deelnemer.objects.get(pk=deelnemer.pk),
                            data={"roepnaam": "Later", "bsn": "123"}, gelezen_versie=stale, door=coach)
    deelnemer.refresh_from_db()
    assert deelnemer.roepnaam == "Eerst" and deelnemer.bsn in ("", None)


def test_form_lists_fields_explicitly():
    assert "begeleider" not in PersoonsgegevensForm.Meta.fields
    assert PersoonsgegevensForm.Meta.fields != "__all__"
