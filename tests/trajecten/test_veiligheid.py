"""Safe-contact arrangements (history, warning strip, forbidden soort needs a reason) and the legal route
(history, category history, countdown signals at 4 and 1 week)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.models import Contactafspraak, JuridischeCategorieWijziging, JuridischeRoute, Toegestaan
from clients.selectors import afspraak_waarschuwingen, contactafspraak_van, juridische_termijnen, verboden_contactsoorten
from clients.services import contactafspraak_vastleggen, deelnemer_wijzigen, juridische_route_vastleggen
from tests.factories import KetenpartnerFactory
from trajecten import selectors, services
from trajecten.models import AfspraakAfwijking, Contactmoment
from uitstap.codes import ContactSoort, ContactStatus
from uitstap.locking import Conflict
from uitstap.models import AuditEvent

D = datetime.date
NEE, JA = Toegestaan.NEE, Toegestaan.JA


@pytest.fixture
def traject(deelnemer, coach):
    return services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 1, 10), door=coach)


@pytest.fixture
def afspraak(deelnemer, coach, programma):
    opvang = KetenpartnerFactory(programma=programma, naam="Opvang De Haven")
    return contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
        "bellen": NEE, "sms": JA, "huisbezoek": NEE, "email": NEE, "veilig_telefoon": "0612345678",
        "codewoorden": "tante Rosa", "vermijden": "na 18.00 uur", "alleen_via": opvang,
    })


@pytest.mark.django_db
class TestContactafspraak:
    def test_versions_are_history_and_stale_is_refused(self, deelnemer, coach, afspraak):
        assert afspraak.versie == 1
        with pytest.raises(Conflict):
            contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={"bellen": JA})
        tweede = contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=1, data={"bellen": JA})
        assert tweede.versie == 2 and contactafspraak_van(deelnemer) == tweede
        assert Contactafspraak.objects.filter(deelnemer=deelnemer).count() == 2
        assert Contactafspraak.objects.get(deelnemer=deelnemer, versie=1).bellen == NEE  # unchanged
        assert AuditEvent.objects.filter(object_type="contactafspraak", clientcode=deelnemer.clientcode).count() == 2

    def test_forbidden_kinds_and_strip(self, afspraak):
        assert set(verboden_contactsoorten(afspraak)) == {ContactSoort.TELEFONISCH, ContactSoort.HUISBEZOEK}
        regels = " ".join(afspraak_waarschuwingen(afspraak))
        assert "Niet veilig: bellen, huisbezoek, e-mail." in regels
        assert "Contact alleen via Opvang De Haven." in regels and "na 18.00 uur" in regels
        assert "tante Rosa" not in regels and "0612345678" not in regels  # the strip never shows the secrets

    def test_partner_of_other_programme_is_refused(self, deelnemer, coach):
        with pytest.raises(ValidationError):
            contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0,
                                       data={"alleen_via": KetenpartnerFactory()})

    def test_service_refuses_forbidden_soort_without_reason(self, traject, coach, afspraak):
        data = {"datum": D(2025, 2, 1), "soort": ContactSoort.HUISBEZOEK, "status": ContactStatus.GEHOUDEN,
                "duur_minuten": 30}
        with pytest.raises(ValidationError) as e:
            services.contactmoment_vastleggen(traject=traject, door=coach, data=data)
        assert "soort" in e.value.error_dict
        contact = services.contactmoment_vastleggen(traject=traject, door=coach,
                                                    data=data | {"afwijking_reden": "Zij vroeg er zelf om"})
        assert AfspraakAfwijking.objects.get(contactmoment=contact).reden == "Zij vroeg er zelf om"
        # an allowed kind needs nothing
        services.contactmoment_vastleggen(traject=traject, door=coach, data=data | {"soort": ContactSoort.GESPREK})


@pytest.mark.django_db
class TestContactScreens:
    def _post(self, client, traject, **extra):
        data = {"datum": "2025-02-01", "soort": "huisbezoek", "status": "gehouden", "duur_minuten": 45,
                "met_wie": "deelnemer"}
        data.update(extra)
        return client.post(reverse("trajecten:contact_nieuw", args=[traject.pk]), data)

    def test_strip_on_contact_form_referral_form_and_dossier(self, login, coach, traject, afspraak, deelnemer):
        client = login(coach)
        for url in (reverse("trajecten:contact_nieuw", args=[traject.pk]),
                    reverse("trajecten:verwijzing_nieuw", args=[traject.pk]),
                    reverse("trajecten:dossier", args=[deelnemer.pk]),
                    reverse("trajecten:trajectplan", args=[deelnemer.pk])):
            html = client.get(url).content.decode()
            assert "Veilig contact: let op de afspraken" in html, url
            assert "tante Rosa" not in html

    def test_forbidden_soort_is_a_form_error_until_confirmed(self, login, coach, traject, afspraak):
        client = login(coach)
        r = self._post(client, traject)
        assert r.status_code == 200 and "een huisbezoek is niet veilig" in r.content.decode()
        r = self._post(client, traject, afwijking_bevestigd="on")  # ticked, but no reason
        assert r.status_code == 200 and not Contactmoment.objects.filter(traject=traject).exists()
        r = self._post(client, traject, afwijking_bevestigd="on", afwijking_reden="Opvang belde: het is veilig")
        assert r.status_code == 302
        contact = Contactmoment.objects.get(traject=traject)
        assert contact.afspraak_afwijkingen.get().reden == "Opvang belde: het is veilig"

    def test_quick_form_also_asks(self, login, coach, traject, afspraak):
        client = login(coach)
        r = client.post(reverse("trajecten:contact_nieuw", args=[traject.pk]), {
            "snel": "1", "datum": "2025-02-01", "soort": "telefonisch", "status": "gehouden", "duur_minuten": 10,
        }, HTTP_HX_REQUEST="true")
        assert "bellen is niet veilig" in r.content.decode()
        assert not Contactmoment.objects.filter(traject=traject).exists()

    def test_dossier_quick_form_follows_arrangement_and_day(self, login, coach, traject, deelnemer, programma):
        """The empty quick form's fields are kept per arrangement and day (snel_contact.html): a dossier with a
        forbidden kind asks for the deviation, the next dossier without one does not, and the date is today's."""
        from tests.factories import DeelnemerFactory

        zonder = DeelnemerFactory(programma=programma, begeleider=coach)
        services.traject_starten(deelnemer=zonder, aanmelddatum=D(2025, 1, 10), door=coach)
        client = login(coach)
        url = lambda d: reverse("trajecten:dossier", args=[d.pk])  # noqa: E731
        for _ in range(2):
            assert "afwijking_reden" not in client.get(url(deelnemer)).content.decode()
        contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={"bellen": NEE})
        assert "afwijking_reden" in client.get(url(deelnemer)).content.decode()
        assert "afwijking_reden" not in client.get(url(zonder)).content.decode()
        for moment in (datetime.datetime(2031, 3, 4, 12), datetime.datetime(2031, 3, 5, 1)):  # 13 hours apart
            with time_machine.travel(moment, tick=False):
                client.force_login(coach)
                html = client.get(url(zonder)).content.decode()
            assert f'value="{moment:%Y-%m-%d}"' in html

    def test_veiligheid_tab_shows_arrangement_to_coach_only(self, login, coach, coach3, deelnemer, afspraak):
        html = login(coach).get(reverse("trajecten:veiligheid", args=[deelnemer.pk])).content.decode()
        assert "tante Rosa" in html and "0612345678" in html
        assert login(coach3).get(reverse("trajecten:veiligheid", args=[deelnemer.pk])).status_code == 404

    def test_edit_screen_appends_a_version(self, login, coach, deelnemer, afspraak):
        client = login(coach)
        url = reverse("trajecten:contactafspraken", args=[deelnemer.pk])
        assert client.get(url).status_code == 200
        r = client.post(url, {"gelezen_versie": 1, "bellen": "ja", "post": "nee"})
        assert r.status_code == 302
        assert contactafspraak_van(deelnemer).versie == 2
        r = client.post(url, {"gelezen_versie": 1, "bellen": "nee"})  # stale
        assert r.status_code == 200 and contactafspraak_van(deelnemer).versie == 2


@pytest.mark.django_db
class TestJuridischeRoute:
    def test_versions_category_history_and_sync(self, deelnemer, coach):
        r1 = juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
            "juridische_categorie": "3", "bedenktijd_start": D(2026, 1, 1), "bedenktijd_eind": D(2026, 4, 1)})
        r2 = juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=1, data={
            "juridische_categorie": "1", "bedenktijd_start": D(2026, 1, 1), "bedenktijd_eind": D(2026, 4, 1),
            "aangifte_op": D(2026, 2, 1), "vergunning_start": D(2026, 3, 1), "vergunning_eind": D(2027, 3, 1)})
        assert (r1.versie, r2.versie) == (1, 2) and JuridischeRoute.objects.filter(deelnemer=deelnemer).count() == 2
        deelnemer.refresh_from_db()
        assert deelnemer.juridische_categorie == "1" and deelnemer.vergunning_eind == D(2027, 3, 1)
        assert list(JuridischeCategorieWijziging.objects.filter(deelnemer=deelnemer).order_by("id")
                    .values_list("van", "naar")) == [("", "3"), ("3", "1")]
        # the personal-data screen also writes the history
        deelnemer_wijzigen(deelnemer=deelnemer, data={"juridische_categorie": "2"}, gelezen_versie=deelnemer.versie,
                           door=coach)
        assert JuridischeCategorieWijziging.objects.filter(deelnemer=deelnemer).count() == 3

    def test_aangifte_and_geen_aangifte_exclude_each_other(self, deelnemer, coach):
        with pytest.raises(ValidationError) as e:
            juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
                "aangifte_op": D(2026, 1, 1), "geen_aangifte_op": D(2026, 1, 2)})
        assert "geen_aangifte_op" in e.value.error_dict
        with pytest.raises(ValidationError):
            juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
                "bedenktijd_start": D(2026, 2, 1), "bedenktijd_eind": D(2026, 1, 1)})

    @pytest.mark.parametrize("vandaag, signaal", [
        (D(2026, 3, 3), None),            # 29 days before the end: nothing yet
        (D(2026, 3, 4), "warning"),       # 4 weeks
        (D(2026, 3, 24), "warning"),      # 8 days
        (D(2026, 3, 25), "danger"),       # 1 week
        (D(2026, 4, 1), "danger"),        # the last day
        (D(2026, 4, 2), None),            # past: the coach updates the route
    ])
    def test_caseload_signal_at_4_and_1_week(self, deelnemer, coach, traject, vandaag, signaal):
        juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
            "bedenktijd_start": D(2026, 1, 1), "bedenktijd_eind": D(2026, 4, 1)})
        with time_machine.travel(datetime.datetime(vandaag.year, vandaag.month, vandaag.day, 10), tick=False):
            d = selectors.caseload(coach).get(pk=deelnemer.pk)
            gevonden = [s for s in selectors.signalen_voor(d) if s.tekst.startswith("Bedenktijd eindigt")]
            termijn = juridische_termijnen(JuridischeRoute.objects.get(deelnemer=deelnemer))[0]
        assert termijn.dagen == (D(2026, 4, 1) - vandaag).days
        if signaal is None:
            assert gevonden == []
        else:
            assert [s.ernst for s in gevonden] == [signaal]
            assert "01-04-2026" in gevonden[0].tekst

    def test_dossier_counts_down(self, login, coach, deelnemer, traject):
        juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
            "bedenktijd_start": D(2026, 1, 1), "bedenktijd_eind": D(2026, 4, 1), "beslissing_uiterlijk": D(2026, 6, 1)})
        with time_machine.travel(datetime.datetime(2026, 3, 28, 10), tick=False):
            html = login(coach).get(reverse("trajecten:dossier", args=[deelnemer.pk])).content.decode()
        assert "Bedenktijd eindigt op 01-04-2026:" in html and "nog 4 dagen" in html
        assert "Beslissing uiterlijk op 01-06-2026:" in html

    def test_route_screen(self, login, coach, deelnemer):
        client = login(coach)
        url = reverse("trajecten:juridische_route", args=[deelnemer.pk])
        r = client.post(url, {"gelezen_versie": 0, "juridische_categorie": "3", "bedenktijd_start": "2026-01-01",
                              "bedenktijd_eind": "2026-04-01"})
        assert r.status_code == 302 and JuridischeRoute.objects.get(deelnemer=deelnemer).versie == 1
        r = client.post(url, {"gelezen_versie": 1, "aangifte_op": "2026-01-05", "geen_aangifte_op": "2026-01-06"})
        assert r.status_code == 200 and "niet allebei" in r.content.decode()


@pytest.mark.django_db
def test_erasure_removes_arrangement_secrets_and_route_dates(deelnemer, coach, coordinator, afspraak):
    from clients.avg import deelnemer_wissen

    juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
        "juridische_categorie": "3", "bedenktijd_start": D(2026, 1, 1), "bedenktijd_eind": D(2026, 4, 1)})
    deelnemer_wissen(deelnemer=deelnemer, door=coordinator)
    a = Contactafspraak.objects.get(deelnemer=deelnemer)
    assert "Rosa" not in a.codewoorden and "0612" not in a.veilig_telefoon
    r = JuridischeRoute.objects.get(deelnemer=deelnemer)
    assert r.bedenktijd_start is None and r.bedenktijd_eind is None
    assert r.juridische_categorie == "3"  # the figures keep the category
