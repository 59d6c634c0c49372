"""The outreach register: anonymous actions, the link from an aanmelding, and the figures (worked out by hand)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from rapportage.cijfers import aanmeldingen_via_outreach, alle_cijfers, outreach_per_locatiesoort
from tests.factories import DeelnemerFactory, ProgrammaFactory
from trajecten import services
from trajecten.models import LocatieSoort, OutreachActie, Traject
from uitstap.codes import Verwijzer

D = datetime.date


def actie(programma, door, datum, soort, bereikt, gesprekken, **extra):
    return services.outreach_actie_vastleggen(programma=programma, door=door, data={
        "datum": datum, "locatiesoort": soort, "bereikt": bereikt, "gesprekken": gesprekken, **extra})


@pytest.mark.django_db
class TestFigures:
    def test_per_location_type_and_linked_aanmeldingen(self, programma, coach):
        a1 = actie(programma, coach, D(2025, 3, 1), "raam", 12, 5)
        actie(programma, coach, D(2025, 3, 8), "raam", 8, 3)
        a3 = actie(programma, coach, D(2025, 3, 15), "online", 20, 2)
        actie(programma, coach, D(2025, 2, 28), "raam", 100, 50)  # before P
        actie(programma, coach, D(2025, 4, 1), "escort", 100, 50)  # after P
        actie(ProgrammaFactory(), coach, D(2025, 3, 2), "raam", 100, 50)  # another programme
        # P = March 2025. raam: 2 actions, 12 + 8 = 20 reached, 5 + 3 = 8 conversations; online: 1, 20, 2.
        uit = outreach_per_locatiesoort(programma, D(2025, 3, 1), D(2025, 3, 31))
        assert set(uit) == set(LocatieSoort.values)
        assert uit["raam"] == {"acties": 2, "bereikt": 20, "gesprekken": 8}
        assert uit["online"] == {"acties": 1, "bereikt": 20, "gesprekken": 2}
        assert uit["escort"] == {"acties": 0, "bereikt": 0, "gesprekken": 0}

        def traject(datum, outreach=None, verwijzer=Verwijzer.EIGEN_OUTREACH):
            d = DeelnemerFactory(programma=programma, begeleider=coach)
            return services.traject_starten(deelnemer=d, aanmelddatum=datum, door=coach, verwijzer=verwijzer,
                                            outreach_actie=outreach)

        traject(D(2025, 3, 20), a1)
        traject(D(2025, 4, 2), a3)      # linked, but aanmelddatum after P: not counted in March
        traject(D(2025, 3, 21))         # eigen outreach without a link: not counted
        traject(D(2025, 3, 22), verwijzer=Verwijzer.GGD)
        # March: one linked aanmelding. March-April: two.
        assert aanmeldingen_via_outreach(programma, D(2025, 3, 1), D(2025, 3, 31)) == 1
        assert aanmeldingen_via_outreach(programma, D(2025, 3, 1), D(2025, 4, 30)) == 2
        alles = alle_cijfers(programma, D(2025, 3, 1), D(2025, 3, 31))
        assert alles["aanmeldingen_via_outreach"] == 1 and alles["outreach_per_locatiesoort"]["raam"]["acties"] == 2


@pytest.mark.django_db
class TestRules:
    def test_link_rules(self, programma, coach, deelnemer):
        a = actie(programma, coach, D(2025, 3, 1), "raam", 3, 1)
        with pytest.raises(ValidationError) as e:
            services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 3, 5), door=coach,
                                     verwijzer=Verwijzer.GGD, outreach_actie=a)
        assert "outreach_actie" in e.value.error_dict
        with pytest.raises(ValidationError):
            services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 2, 5), door=coach,
                                     verwijzer=Verwijzer.EIGEN_OUTREACH, outreach_actie=a)
        elders = actie(ProgrammaFactory(), coach, D(2025, 3, 1), "raam", 3, 1)
        with pytest.raises(ValidationError):
            services.traject_starten(deelnemer=deelnemer, aanmelddatum=D(2025, 3, 5), door=coach,
                                     verwijzer=Verwijzer.EIGEN_OUTREACH, outreach_actie=elders)

    def test_counts_and_location_checked(self, programma, coach, coordinator):
        with pytest.raises(ValidationError):
            actie(programma, coach, D(2025, 3, 1), "raam", 2, 3)  # more conversations than people reached
        with pytest.raises(ValidationError):
            actie(programma, coach, datetime.date.today() + datetime.timedelta(days=1), "raam", 2, 1)
        club = services.outreach_locatie_aanmaken(programma=programma, naam="Club Noord", soort="club_prive",
                                                  door=coordinator)
        with pytest.raises(ValidationError):
            actie(programma, coach, D(2025, 3, 1), "raam", 2, 1, locatie=club)
        assert actie(programma, coach, D(2025, 3, 1), "club_prive", 2, 1, locatie=club, talen="Roemeens ,Engels").talen \
            == "Roemeens, Engels"
        with pytest.raises(ValidationError):
            services.outreach_locatie_aanmaken(programma=programma, naam="X", soort="raam", door=coach)

    def test_no_personal_data_fields(self):
        namen = {f.name for f in OutreachActie._meta.concrete_fields}
        assert not namen & {"naam", "roepnaam", "telefoon", "deelnemer", "bsn", "notitie"}


@pytest.mark.django_db
class TestScreens:
    def test_register_and_list(self, login, coach, programma):
        client = login(coach)
        r = client.post(reverse("trajecten:outreach_nieuw"), {
            "datum": "2025-03-01", "locatiesoort": "raam", "medewerkers": 2, "voorlichters": 1, "tolken": 0,
            "bereikt": 14, "gesprekken": 6, "materialen": 30, "talen": "Roemeens"})
        assert r.status_code == 302
        html = client.get(reverse("trajecten:outreach")).content.decode()
        assert "Raamprostitutie" in html and "14" in html

    def test_other_programme_action_is_404(self, login, coach, programma):
        elders = actie(ProgrammaFactory(), coach, D(2025, 3, 1), "raam", 3, 1)
        assert login(coach).get(reverse("trajecten:outreach_bewerken", args=[elders.pk])).status_code == 404

    def test_edit_with_version(self, login, coach, programma):
        a = actie(programma, coach, D(2025, 3, 1), "raam", 3, 1)
        client = login(coach)
        data = {"datum": "2025-03-01", "locatiesoort": "raam", "medewerkers": 1, "voorlichters": 0, "tolken": 0,
                "bereikt": 5, "gesprekken": 1, "materialen": 0, "talen": "", "gelezen_versie": 1}
        assert client.post(reverse("trajecten:outreach_bewerken", args=[a.pk]), data).status_code == 302
        r = client.post(reverse("trajecten:outreach_bewerken", args=[a.pk]), data | {"bereikt": 9})  # stale
        assert r.status_code == 200
        a.refresh_from_db()
        assert a.bereikt == 5

    def test_registration_links_to_outreach(self, login, coach, programma):
        a = actie(programma, coach, datetime.date.today(), "online", 4, 2)
        r = login(coach).post(reverse("trajecten:deelnemer_nieuw"), {
            "roepnaam": "Outreachtest", "geboortejaar": 1999, "gender": "vrouw", "sector": "onbekend",
            "verblijfsstatus": "onbekend", "aanmelddatum": datetime.date.today().isoformat(),
            "verwijzer": "eigen_outreach", "outreach_actie": a.pk})
        assert r.status_code == 302
        assert Traject.objects.get(deelnemer__roepnaam="Outreachtest").outreach_actie == a
