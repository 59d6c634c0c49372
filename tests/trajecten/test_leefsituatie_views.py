"""The Leefsituatie tab and its two short forms: one service call each, errors kept on the form."""

import datetime
import re

import pytest
from django.urls import reverse

from trajecten import services
from trajecten.models import Leefsituatie, Nacontrole
from uitstap.codes import IntakeBesluit, UitstroomSoort

D = datetime.date


def _versie(traject):
    return type(traject).objects.get(pk=traject.pk).versie


@pytest.fixture
def traject(deelnemer, coach):
    t = services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)
    services.intake_vastleggen(traject=t, data={"datum": D(2025, 1, 20), "besluit": IntakeBesluit.TOEGELATEN}, door=coach)
    return t


def test_change_form_shows_now_and_writes_only_the_change(login, traject, coach):
    services.leefsituatie_vastleggen(traject=traject, datum=D(2025, 1, 20), door=coach,
                                     data={"woonsituatie": "in_het_circuit", "inkomstenbron": "sekswerk"})
    client = login(coach)
    url = reverse("trajecten:leefsituatie_nieuw", args=[traject.pk])
    pagina = client.get(url).content.decode()
    assert '<option value="in_het_circuit" selected>' in pagina
    r = client.post(url, {"datum": "2025-03-01", "woonsituatie": "particuliere_kamer", "inkomstenbron": "sekswerk",
                          "kvk_ingeschreven": "", "schulden": "", "sekswerk_status": "", "notitie": ""})
    assert r.status_code == 302 and r["Location"] == reverse("trajecten:leefsituatie", args=[traject.deelnemer_id])
    rij = Leefsituatie.objects.latest("id")
    assert (rij.woonsituatie, rij.inkomstenbron) == ("particuliere_kamer", "")
    tab = client.get(r["Location"]).content.decode()
    assert "Bij instroom" in tab and "Particuliere kamer" in tab and "In het circuit (werkplek)" in tab


def test_change_form_errors_stay_on_the_form(login, traject, coach):
    client = login(coach)
    r = client.post(reverse("trajecten:leefsituatie_nieuw", args=[traject.pk]), {"datum": "2025-01-01", "schulden": "geen"})
    assert r.status_code == 200 and "vóór de aanmelddatum" in r.content.decode()
    r = client.post(reverse("trajecten:leefsituatie_nieuw", args=[traject.pk]), {"datum": "2025-02-01"})
    assert "niets gewijzigd" in r.content.decode()
    assert not Leefsituatie.objects.exists()


def test_nacontrole_from_the_signal_link_prefills_termijn(login, traject, coach):
    services.uitstroom_vastleggen(traject=traject, gelezen_versie=_versie(traject), soort=UitstroomSoort.UITGESTAPT, datum=D(2025, 2, 1),
                                  resultaat="opleiding", door=coach, afsluiten=False)
    client = login(coach)
    url = reverse("trajecten:nacontrole_nieuw", args=[traject.pk])
    pagina = client.get(url + "?termijn=12m").content.decode()
    assert re.search(r'<input[^>]*value="12m"[^>]*checked', pagina)
    assert not re.search(r'<input[^>]*value="6m"[^>]*checked', pagina)
    r = client.post(url, {"datum": "2026-02-01", "termijn": "12m", "uitkomst": "onbekend", "notitie": "Niet bereikbaar"})
    assert r.status_code == 302
    n = Nacontrole.objects.get()
    assert (n.termijn, n.uitkomst, n.notitie) == ("12m", "onbekend", "Niet bereikbaar")
    tab = client.get(reverse("trajecten:leefsituatie", args=[traject.deelnemer_id])).content.decode()
    assert "Onbekend (01-02-2026)" in tab


def test_klantmanager_may_not_write(login, traject, klantmanager):
    client = login(klantmanager)
    assert client.get(reverse("trajecten:leefsituatie_nieuw", args=[traject.pk])).status_code in (403, 404)


def test_intake_form_records_the_situation_at_intake(login, deelnemer, coach):
    t = services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)
    client = login(coach)
    r = client.post(reverse("trajecten:intake", args=[t.pk]), {
        "datum": "2025-01-20", "besluit": "toegelaten", "fase_naar_orientatie": "on",
        "inkomstenbron": "sekswerk", "woonsituatie": "in_het_circuit", "kvk_ingeschreven": "ja",
        "schulden": "", "sekswerk_status": "actief"})
    assert r.status_code == 302
    rij = Leefsituatie.objects.get()
    assert (rij.datum, rij.inkomstenbron, rij.woonsituatie, rij.kvk_ingeschreven, rij.schulden, rij.sekswerk_status) == (
        D(2025, 1, 20), "sekswerk", "in_het_circuit", True, "", "actief")
    # Correcting the intake with the same situation appends nothing.
    t.intake.refresh_from_db()
    r = client.post(reverse("trajecten:intake", args=[t.pk]), {
        "datum": "2025-01-20", "besluit": "toegelaten", "hulpvraag": "Ander werk", "inkomstenbron": "sekswerk",
        "gelezen_versie": t.intake.versie})
    assert r.status_code == 302 and Leefsituatie.objects.count() == 1
