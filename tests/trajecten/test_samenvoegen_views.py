"""The coordinator's duplicates page, the confirmation page of a merge, and "geen duplicaat" on screen."""

import pytest
from django.urls import reverse

from clients.models import Deelnemer, GeenDuplicaat
from tests.factories import DeelnemerFactory, GebruikerFactory, OrganisatieFactory, ProgrammaFactory
from tests.rapportage.helpers import traject
from trajecten.models import Traject
from uitstap.codes import Rol
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def paar(programma, coach, coach2):
    a = DeelnemerFactory(programma=programma, clientcode="TST-A", roepnaam="Mirela", geboortejaar=1998,
                         herkomstland="RO", begeleider=coach)
    b = DeelnemerFactory(programma=programma, clientcode="TST-B", roepnaam="Mirella", geboortejaar=1998,
                         herkomstland="RO", begeleider=coach2)
    traject(a, "2025-01-10", ("orientatie", "2025-01-20"), eind="2025-06-30")
    traject(b, "2026-02-03")
    return a, b


def test_list_shows_the_pair_with_what_the_coordinator_needs(login, coordinator, paar):
    a, b = paar
    r = login(coordinator).get(reverse("trajecten:duplicaten"))
    html = r.content.decode()
    assert r.status_code == 200
    for tekst in ("TST-A", "Mirela", "TST-B", "Mirella", "1998", "Uitstapprogramma Test",
                  "roepnaam één letter anders, zelfde geboortejaar",
                  reverse("trajecten:samenvoegen", args=[a.pk, b.pk]),
                  reverse("trajecten:geen_duplicaat", args=[a.pk, b.pk])):
        assert tekst in html
    assert a.begeleider.get_full_name() in html or str(a.begeleider) in html
    event = AuditEvent.objects.filter(object_type="duplicaten").last()
    assert set(event.clientcodes) == {"TST-A", "TST-B"}
    # The start page says how many pairs there are and links to the list.
    start = login(coordinator).get(reverse("trajecten:coordinator_start")).content.decode()
    assert "Mogelijk dubbel geregistreerd" in start and reverse("trajecten:duplicaten") in start


@pytest.mark.parametrize("wie", ["coach", "coach2", "klantmanager", "beheerder"])
def test_others_get_no_list_and_no_merge(request, client, paar, wie):
    a, b = paar
    client.force_login(request.getfixturevalue(wie))
    assert client.get(reverse("trajecten:duplicaten")).status_code == 403
    assert client.get(reverse("trajecten:samenvoegen", args=[a.pk, b.pk])).status_code == 403
    assert client.post(reverse("trajecten:samenvoegen", args=[a.pk, b.pk]),
                       {"blijft": a.pk, "versie_a": a.versie, "versie_b": b.versie}).status_code == 403
    assert client.post(reverse("trajecten:geen_duplicaat", args=[a.pk, b.pk])).status_code == 403
    assert not Deelnemer.objects.filter(samengevoegd_op__isnull=False).exists()


def test_coordinator_of_another_organisation_gets_404(client, paar):
    a, b = paar
    elders = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=OrganisatieFactory())
    ProgrammaFactory(organisaties=[elders.organisatie])
    client.force_login(elders)
    assert "TST-A" not in client.get(reverse("trajecten:duplicaten")).content.decode()
    assert client.get(reverse("trajecten:samenvoegen", args=[a.pk, b.pk])).status_code == 404
    assert client.post(reverse("trajecten:geen_duplicaat", args=[a.pk, b.pk])).status_code == 404
    assert not GeenDuplicaat.objects.exists()


def test_confirm_and_merge_lands_on_the_kept_dossier(login, coordinator, paar):
    a, b = paar
    client = login(coordinator)
    url = reverse("trajecten:samenvoegen", args=[a.pk, b.pk])
    html = client.get(url).content.decode()
    for tekst in ("TST-A", "TST-B", "Welk dossier blijft?", "10-01-2025", "03-02-2026", "lopend", "niet terug te draaien"):
        assert tekst in html
    r = client.post(url, {"blijft": b.pk, "versie_a": a.versie, "versie_b": b.versie})
    assert r.status_code == 302 and r["Location"] == reverse("trajecten:dossier", args=[b.pk])
    dossier = client.get(r["Location"]).content.decode()
    assert "TST-A is samengevoegd met TST-B" in dossier
    assert Traject.objects.filter(deelnemer=b).count() == 2
    # The merged dossier is gone for everyone, the coordinator included.
    assert client.get(reverse("trajecten:dossier", args=[a.pk])).status_code == 404
    assert "TST-A" not in client.get(reverse("trajecten:duplicaten")).content.decode()


def test_stale_confirmation_gets_the_conflict_and_changes_nothing(login, coordinator, paar):
    a, b = paar
    client = login(coordinator)
    url = reverse("trajecten:samenvoegen", args=[a.pk, b.pk])
    Deelnemer.objects.filter(pk=b.pk).update(versie=b.versie + 1)  # someone saved B after the page was shown
    r = client.post(url, {"blijft": a.pk, "versie_a": a.versie, "versie_b": b.versie})
    html = r.content.decode()
    assert r.status_code == 400 and "intussen gewijzigd" in html
    assert f'name="versie_b" value="{b.versie + 1}"' in html  # confirming again is a knowing choice
    assert Traject.objects.filter(deelnemer=a).count() == 1 and not Deelnemer.objects.filter(samengevoegd_op__isnull=False).exists()


def test_both_open_is_refused_with_a_dutch_message(login, coordinator, paar):
    a, b = paar
    Traject.objects.filter(deelnemer=a).update(einddatum=None)
    client = login(coordinator)
    url = reverse("trajecten:samenvoegen", args=[a.pk, b.pk])
    html = client.get(url).content.decode()
    assert "Samenvoegen kan nu niet" in html and "sluit eerst een van de twee af" in html
    assert 'name="blijft"' not in html
    r = client.post(url, {"blijft": a.pk, "versie_a": a.versie, "versie_b": b.versie})
    assert r.status_code == 200 and "sluit eerst een van de twee af" in r.content.decode()
    assert Traject.objects.filter(deelnemer=a).count() == 1


def test_merging_with_oneself_is_explained(login, coordinator, paar):
    a, _ = paar
    html = login(coordinator).get(reverse("trajecten:samenvoegen", args=[a.pk, a.pk])).content.decode()
    assert "niet met zichzelf" in html and 'name="blijft"' not in html


def test_geen_duplicaat_hides_the_pair(login, coordinator, paar):
    a, b = paar
    client = login(coordinator)
    r = client.post(reverse("trajecten:geen_duplicaat", args=[b.pk, a.pk]), follow=True)
    html = r.content.decode()
    assert "verschillende personen" in html and 'href="/deelnemers/%d/samenvoegen/' % a.pk not in html
    assert "Geen mogelijke duplicaten" in html
    r = client.post(reverse("trajecten:geen_duplicaat", args=[a.pk, b.pk]), follow=True)
    assert "al als verschillende personen vastgelegd" in r.content.decode()
    assert GeenDuplicaat.objects.count() == 1
    # The confirmation page stays reachable from the dossier route and says what was decided before.
    html = client.get(reverse("trajecten:samenvoegen", args=[a.pk, b.pk])).content.decode()
    assert "Eerder is vastgelegd dat dit verschillende personen zijn" in html


def test_empty_state(login, coordinator, programma):
    html = login(coordinator).get(reverse("trajecten:duplicaten")).content.decode()
    assert "Geen mogelijke duplicaten gevonden" in html
