"""Duplicate warning at registration: the documented match rules, and nothing shown outside the coach's scope."""

import datetime

import pytest
from django.urls import reverse

from clients.models import Deelnemer
from clients.selectors import een_bewerking_verschil, mogelijke_duplicaten, naam_sleutel
from tests.factories import DeelnemerFactory, ProgrammaFactory
from uitstap.models import AuditEvent

WARNING = "Mogelijk staat deze persoon al in het programma"
BUITEN = "Mogelijk al bekend bij het programma: overleg met de coördinator."


def test_naam_sleutel_and_edit_distance():
    assert naam_sleutel(" Ána ") == naam_sleutel("ANA") == "ana"
    assert een_bewerking_verschil("maria", "marya")      # replaced
    assert een_bewerking_verschil("maria", "mariah")     # inserted
    assert een_bewerking_verschil("mariah", "maria")     # removed
    assert not een_bewerking_verschil("maria", "maria")  # same name is rule 2, not rule 3
    assert not een_bewerking_verschil("maria", "mirja")  # two edits


@pytest.mark.django_db
class TestRules:
    def test_same_bsn(self, coach, programma, deelnemer):
        deelnemer.bsn = "123456782"
        deelnemer.save()
        r = mogelijke_duplicaten(coach, programma=programma, roepnaam="Heel anders", geboortejaar=1970, bsn="123456782")
        assert r.zichtbaar == (deelnemer,) and not r.buiten_beeld

    def test_same_name_accent_and_case_with_year_and_country(self, coach, programma, coach2):
        d = DeelnemerFactory(programma=programma, begeleider=coach, roepnaam="Ioana", geboortejaar=1995, herkomstland="RO")
        assert mogelijke_duplicaten(coach, programma=programma, roepnaam="IÓANA", geboortejaar=1995,
                                    herkomstland="ro").zichtbaar == (d,)
        # same name and year but another country: not a match (rule 2 needs the country)
        assert not mogelijke_duplicaten(coach, programma=programma, roepnaam="Ioana", geboortejaar=1995,
                                        herkomstland="BG")
        # same name and country, other year: no match
        assert not mogelijke_duplicaten(coach, programma=programma, roepnaam="Ioana", geboortejaar=1996,
                                        herkomstland="RO")

    def test_one_edit_apart_same_year(self, coach, programma):
        d = DeelnemerFactory(programma=programma, begeleider=coach, roepnaam="Joy", geboortejaar=2000, herkomstland="NG")
        assert mogelijke_duplicaten(coach, programma=programma, roepnaam="Joey", geboortejaar=2000).zichtbaar == (d,)
        assert not mogelijke_duplicaten(coach, programma=programma, roepnaam="Joey", geboortejaar=2001)
        assert not mogelijke_duplicaten(coach, programma=programma, roepnaam="Jolien", geboortejaar=2000)

    def test_other_programme_and_erased_are_never_matches(self, coach, programma):
        ander = ProgrammaFactory()
        DeelnemerFactory(programma=ander, roepnaam="Sanne", geboortejaar=1988, herkomstland="NL")
        DeelnemerFactory(programma=programma, roepnaam="Sanne", geboortejaar=1988, herkomstland="NL",
                         gewist_op=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
        assert not mogelijke_duplicaten(coach, programma=programma, roepnaam="Sanne", geboortejaar=1988,
                                        herkomstland="NL")

    def test_out_of_scope_is_only_a_yes(self, coach, coordinator, programma, ander_deelnemer):
        ander_deelnemer.bsn = "111222333"
        ander_deelnemer.save()
        r = mogelijke_duplicaten(coach, programma=programma, bsn="111222333")
        assert r.zichtbaar == () and r.buiten_beeld
        # the coordinator sees the whole programme
        r = mogelijke_duplicaten(coordinator, programma=programma, bsn="111222333")
        assert r.zichtbaar == (ander_deelnemer,) and not r.buiten_beeld


def _post(client, **extra):
    data = {"roepnaam": "Ioana", "geboortejaar": 1995, "gender": "vrouw", "herkomstland": "RO", "sector": "onbekend",
            "verblijfsstatus": "onbekend", "aanmelddatum": datetime.date.today().isoformat()}
    data.update(extra)
    return client.post(reverse("trajecten:deelnemer_nieuw"), data)


@pytest.mark.django_db
class TestScreen:
    def test_warning_shows_own_match_and_saves_nothing(self, login, coach, programma):
        d = DeelnemerFactory(programma=programma, begeleider=coach, roepnaam="Ioana", geboortejaar=1995, herkomstland="RO")
        client = login(coach)
        voor = Deelnemer.objects.count()
        r = _post(client)
        html = r.content.decode()
        assert r.status_code == 200 and WARNING in html
        assert d.clientcode in html and reverse("trajecten:dossier", args=[d.pk]) in html
        assert BUITEN not in html
        assert Deelnemer.objects.count() == voor
        assert AuditEvent.objects.filter(object_type="duplicaatcontrole", clientcodes=[d.clientcode]).exists()

    def test_out_of_scope_match_leaks_no_code_or_name(self, login, coach, coach3, programma):
        d = DeelnemerFactory(programma=programma, begeleider=coach3, roepnaam="Zsófia", geboortejaar=1995,
                             herkomstland="HU", bsn="999888777")
        client = login(coach)
        html = _post(client, roepnaam="Zsofia", herkomstland="HU").content.decode()
        assert BUITEN in html
        assert d.clientcode not in html and "Zsófia" not in html
        assert reverse("trajecten:dossier", args=[d.pk]) not in html
        html = _post(client, roepnaam="Iemand", bsn="999888777").content.decode()
        assert BUITEN in html and d.clientcode not in html
        event = AuditEvent.objects.filter(object_type="duplicaatcontrole").last()
        assert event.clientcodes == []

    def test_ander_persoon_saves_and_audits(self, login, coach, programma):
        d = DeelnemerFactory(programma=programma, begeleider=coach, roepnaam="Ioana", geboortejaar=1995, herkomstland="RO")
        client = login(coach)
        r = _post(client, duplicaat_keuze="ander_persoon")
        nieuw = Deelnemer.objects.exclude(pk=d.pk).get(programma=programma, roepnaam="Ioana")
        assert r.status_code == 302 and r["Location"] == reverse("trajecten:dossier", args=[nieuw.pk])
        assert nieuw.trajecten.count() == 1
        event = AuditEvent.objects.get(object_type="duplicaat_ander_persoon")
        assert event.clientcode == nieuw.clientcode and event.clientcodes == [d.clientcode]
        assert Deelnemer.objects.get(pk=d.pk).trajecten.count() == 0  # never merged

    def test_no_match_registers_straight_away(self, login, coach, programma):
        r = _post(login(coach), roepnaam="Uniek", herkomstland="NL")
        assert r.status_code == 302
        assert not AuditEvent.objects.filter(object_type="duplicaat_ander_persoon").exists()
