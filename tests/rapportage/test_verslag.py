"""The beschikking and the verslag: periods, plan figures with history, the report's HTML and PDF, finalising."""

import json
import datetime
import hashlib
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from rapportage import cijfers as c
from rapportage import services
from rapportage.models import Jaarverslag, Wijziging
from rapportage.selectors import verslag_gegevens, verslag_pdf, verslag_voor_weergave
from tests.factories import GemeenteFactory
from tests.rapportage.helpers import d, deelnemer, traject
from trajecten.models import Intake, Uitstroom
from uitstap.locking import Conflict
from uitstap.models import AuditEvent

pytestmark = pytest.mark.django_db
D = datetime.date


def test_twelve_month_periods_from_the_grant_start():
    assert services.twaalfmaandsperioden(D(2024, 3, 1), D(2026, 8, 31)) == [
        (D(2024, 3, 1), D(2025, 2, 28)), (D(2025, 3, 1), D(2026, 2, 28)), (D(2026, 3, 1), D(2026, 8, 31)),
    ]
    # A start on 29 February: the next period starts on 28 February.
    assert services.twaalfmaandsperioden(D(2024, 2, 29), D(2025, 12, 31))[1] == (D(2025, 2, 28), D(2025, 12, 31))


@pytest.fixture
def beschikking(programma, organisatie, coordinator):
    return services.beschikking_aanmaken(
        programma=programma, financier="Ministerie van Justitie en Veiligheid", nummer="RUPS-2024-017",
        startdatum=D(2024, 3, 1), einddatum=D(2026, 2, 28), bedrag=Decimal("150000"), penvoerder=organisatie,
        door=coordinator,
    )


def test_beschikking_comes_with_periods_and_a_budget(beschikking):
    assert [(p.nummer, p.van, p.tot) for p in beschikking.perioden.all()] == [
        (1, D(2024, 3, 1), D(2025, 2, 28)), (2, D(2025, 3, 1), D(2026, 2, 28)),
    ]
    assert beschikking.begroting.count() == 5
    assert beschikking.accountantsverklaring_nodig


def test_penvoerder_must_execute_the_programme(programma, coordinator):
    from tests.factories import OrganisatieFactory

    with pytest.raises(ValidationError, match="uitvoerende organisatie"):
        services.beschikking_aanmaken(
            programma=programma, financier="X", nummer="1", startdatum=D(2024, 1, 1), einddatum=D(2024, 12, 31),
            bedrag=Decimal("1"), penvoerder=OrganisatieFactory(naam="Elders"), door=coordinator,
        )
    assert not programma.beschikkingen.exists()


def test_plan_figures_keep_their_history_and_refuse_a_stale_version(beschikking, coordinator):
    p1 = beschikking.perioden.get(nummer=1)
    gezien = p1.versie
    services.verslagperiode_wijzigen(periode=p1, data={"plan_deelnemers": 30, "plan_intakes": 40},
                                     gelezen_versie=gezien, door=coordinator)
    services.verslagperiode_wijzigen(periode=p1, data={"plan_deelnemers": 32, "plan_intakes": 40},
                                     gelezen_versie=p1.versie, door=coordinator)
    rijen = [(w.veld, w.oud, w.nieuw) for w in Wijziging.objects.filter(beschikking=beschikking).order_by("id")]
    assert rijen == [("plan_deelnemers", "", "30"), ("plan_intakes", "", "40"), ("plan_deelnemers", "30", "32")]
    with pytest.raises(Conflict):
        services.verslagperiode_wijzigen(periode=p1, data={"plan_deelnemers": 99}, gelezen_versie=gezien, door=coordinator)
    p1.refresh_from_db()
    assert p1.plan_deelnemers == 32
    assert AuditEvent.objects.filter(object_type="verslagperiode", actie="update").count() == 2


def test_bad_amount_writes_nothing(beschikking, coordinator):
    with pytest.raises(ValidationError, match="bedrag"):
        services.begroting_wijzigen(beschikking=beschikking, bedragen={"begeleiding": "veel"},
                                    gelezen_versie=beschikking.versie, door=coordinator)
    assert not Wijziging.objects.exists()


@pytest.fixture
def gevuld(programma, beschikking, coordinator):
    """Period 1 (01-03-2024 .. 28-02-2025): three ingestroomd (one uitgestapt, one gestopt), one contact-only closure."""
    programma.gemeenten.add(GemeenteFactory(naam="Lelystad"))
    a = traject(deelnemer(programma, roepnaam="Roosmarijn", clientcode="TST-2026-7771", geboortejaar=1991),
                "2024-03-10", ("orientatie", "2024-04-01"), ("uitvoering", "2024-05-01"))
    Uitstroom.objects.create(traject=a, datum=d("2024-12-01"), soort="uitgestapt", resultaat="betaald_werk", branche="zorg")
    b = traject(deelnemer(programma, roepnaam="Jozefien", clientcode="TST-2026-7772"), "2024-04-01",
                ("orientatie", "2024-04-15"), eind="2024-09-01")
    Uitstroom.objects.create(traject=b, datum=d("2024-09-01"), soort="gestopt", reden="motivatie")
    traject(deelnemer(programma, roepnaam="Wilhelmina", clientcode="TST-2026-7773"), "2024-06-01",
            ("orientatie", "2024-07-01"))
    traject(deelnemer(programma, clientcode="TST-2026-7774"), "2024-06-01", eind="2024-07-01")
    Intake.objects.create(traject=a, datum=d("2024-04-01"), besluit="toegelaten")
    p1 = beschikking.perioden.get(nummer=1)
    services.verslagperiode_wijzigen(periode=p1, data={"plan_deelnemers": 30, "plan_intakes": 40, "plan_uitstroom": 10,
                                                       "plan_betaald_werk": 5, "plan_fte": Decimal("2.5"),
                                                       "werkelijk_fte": Decimal("2.2")},
                                     gelezen_versie=p1.versie, door=coordinator)
    services.begroting_wijzigen(beschikking=beschikking, bedragen={"begeleiding": "100000", "activiteiten": "20000"},
                                gelezen_versie=beschikking.versie, door=coordinator)
    services.besteding_wijzigen(periode=p1, bedragen={"begeleiding": "45000.50"}, gelezen_versie=p1.versie,
                                door=coordinator)
    services.cofinancier_toevoegen(beschikking=beschikking, naam="Gemeente Almere", bijdrage=Decimal("25000"),
                                   door=coordinator)
    services.voorschot_toevoegen(beschikking=beschikking, datum=D(2024, 3, 15), bedrag=Decimal("60000"),
                                 door=coordinator)
    return services.verslag_aanmaken(beschikking=beschikking, periode=p1, door=coordinator)


SECTIES = ("ccv", "plan", "doelgroep", "werk", "resultaten", "organisaties", "keten", "financien", "toelichting",
           "definities")


def _rij(html, sleutel):
    m = re.search(rf'<tr data-sleutel="{sleutel}"><th scope="row">[^<]*</th><td class="getal">([^<]*)</td>'
                  rf'<td class="getal">([^<]*)</td>', html)
    return m.groups()


def test_report_html_has_every_section_and_the_selectors_numbers(programma, gevuld):
    gegevens = verslag_gegevens(gevuld)
    html, pdf = verslag_pdf(gegevens)
    assert pdf.startswith(b"%PDF")
    for sectie in SECTIES:
        assert f'<section id="{sectie}">' in html, sectie
    van, tot = D(2024, 3, 1), D(2025, 2, 28)
    assert _rij(html, "verwacht_deelnemers") == ("30", "30")
    assert _rij(html, "ingestroomd") == (str(c.ingestroomd(programma, van, tot)), "3")
    assert _rij(html, "uitgestapt") == (str(c.uitgestapt(programma, van, tot)), "1")
    assert _rij(html, "tussentijds_gestopt") == (str(c.tussentijds_gestopt(programma, van, tot)), "1")
    assert _rij(html, "in_traject_op_einddatum") == (str(c.in_traject_op_einddatum(programma, van, tot)), "1")
    assert "Aansluiting: ingestroomd 3 = uitgestapt 1 + tussentijds gestopt 1 + lopend 1." in html
    # Plan vs actual: intakes plan 40, 1 held, difference -39 (a Dutch minus sign); fte 2,5 against 2,2.
    assert re.search(r"Intakes</th><td class=\"getal\">40</td><td class=\"getal\">1</td>.*?−39</td>", html, re.S)
    assert re.search(r"Fte begeleiding</th><td class=\"getal\">2,5</td><td class=\"getal\">2,2</td>", html)
    assert "€ 45.000,50" in html and "€ 150.000" in html and "Gemeente Almere" in html
    assert "1 maart 2024 tot en met 28 februari 2025" in html
    for persoonlijk in ("Roosmarijn", "Jozefien", "Wilhelmina", "TST-2026-777", "1991"):
        assert persoonlijk not in html, persoonlijk


def test_extern_variant_suppresses_small_counts(gevuld):
    html, _ = verslag_pdf(verslag_gegevens(gevuld), extern=True)
    assert _rij(html, "ingestroomd") == ("&lt;5", "&lt;5")
    assert _rij(html, "verwacht_deelnemers") == ("30", "30")  # a plan figure, not a count
    assert "externe versie" in html
    assert not re.search(r'<td class="getal">[1-4]</td>', html)


def test_finalising_freezes_figures_pdf_and_hash(programma, gevuld, coordinator):
    verslag = services.verslag_wijzigen(verslag=gevuld, data={"knelpunten": "Wachtlijst schuldhulp liep op."},
                                        gelezen_versie=gevuld.versie, door=coordinator)
    verslag = services.verslag_vaststellen(verslag=verslag, gelezen_versie=verslag.versie, door=coordinator)
    verslag.refresh_from_db()
    pdf, sha, cijfers = bytes(verslag.pdf), verslag.sha256, verslag.cijfers
    assert verslag.status == "definitief" and hashlib.sha256(pdf).hexdigest() == sha
    assert cijfers["cijfers"]["ingestroomd"] == 3 and cijfers["secties"]["knelpunten"] == "Wachtlijst schuldhulp liep op."
    # A late correction to the data: a fourth participant ingestroomd in the period.
    traject(deelnemer(programma), "2024-05-01", ("orientatie", "2024-05-02"))
    verslag.refresh_from_db()
    assert bytes(verslag.pdf) == pdf and verslag.sha256 == sha and verslag.cijfers == cijfers
    assert verslag_voor_weergave(verslag)["cijfers"]["ingestroomd"] == 3
    assert verslag_gegevens(verslag)["cijfers"]["ingestroomd"] == 4
    with pytest.raises(ValidationError, match="definitief"):
        services.verslag_wijzigen(verslag=verslag, data={"evaluatie": "x"}, gelezen_versie=verslag.versie,
                                  door=coordinator)
    # A new version starts from the sent text; the old one stays.
    nieuw = services.verslag_aanmaken(beschikking=verslag.beschikking, periode=verslag.periode, door=coordinator)
    assert nieuw.volgnummer == 2 and nieuw.status == "concept" and nieuw.knelpunten == "Wachtlijst schuldhulp liep op."
    assert Jaarverslag.objects.filter(periode=verslag.periode).count() == 2
    with pytest.raises(ValidationError, match="al een concept"):
        services.verslag_aanmaken(beschikking=verslag.beschikking, periode=verslag.periode, door=coordinator)


def test_eindverslag_has_the_final_account(gevuld, beschikking, coordinator):
    eind = services.verslag_aanmaken(beschikking=beschikking, periode=None, door=coordinator)
    html, _ = verslag_pdf(verslag_gegevens(eind))
    assert eind.soort == "eindverslag"
    assert "Eindafrekening" in html
    assert "hoort een accountantsverklaring" in html
    assert "1 maart 2024 tot en met 28 februari 2026" in html


# --- screens --------------------------------------------------------------------------------------


def test_coordinator_edits_plan_figures_writes_a_section_finalises_and_downloads(login, coordinator, gevuld):
    from django.urls import reverse

    client = login(coordinator)
    b = gevuld.beschikking
    p1 = gevuld.periode
    assert client.get(reverse("rapportage:beschikking", args=[b.pk])).status_code == 200
    url = reverse("rapportage:plan", args=[p1.pk])
    # A stale version is refused and nothing changes.
    response = client.post(url, {"plan_deelnemers": 99, "gelezen_versie": p1.versie - 1})
    assert response.status_code == 200 and "intussen opgeslagen" in response.content.decode()
    # Bad input: a Dutch message, nothing written.
    response = client.post(url, {"plan_deelnemers": -3, "gelezen_versie": p1.versie})
    assert response.status_code == 200 and "Zorg ervoor dat deze waarde minstens 0 is" in response.content.decode()
    p1.refresh_from_db()
    assert p1.plan_deelnemers == 30
    response = client.post(url, {"plan_deelnemers": 35, "plan_intakes": 40, "gelezen_versie": p1.versie})
    assert response.status_code == 302
    p1.refresh_from_db()
    assert p1.plan_deelnemers == 35
    html = client.get(reverse("rapportage:beschikking", args=[b.pk])).content.decode()
    # The history row of the screen edit: 30 became 35 (the form had already put 35 on the instance).
    assert "<td>plan_deelnemers</td><td>30</td><td>35</td>" in html
    v = gevuld
    response = client.post(reverse("rapportage:verslag", args=[v.pk]), {
        "toelichting_plan": "Minder intakes door de verhuizing van het inloophuis.", "knelpunten": "", "continuiteit": "",
        "evaluatie": "", "gelezen_versie": v.versie,
    })
    assert response.status_code == 302
    v.refresh_from_db()
    response = client.post(reverse("rapportage:vaststellen", args=[v.pk]), {"gelezen_versie": v.versie})
    v.refresh_from_db()
    assert v.status == "concept"  # not confirmed
    client.post(reverse("rapportage:vaststellen", args=[v.pk]), {"gelezen_versie": v.versie, "bevestigd": "on"})
    v.refresh_from_db()
    assert v.status == "definitief" and v.cijfers["plan"][0]["plan"] == 35
    response = client.get(reverse("rapportage:verslag_pdf", args=[v.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content == bytes(v.pdf)
    assert AuditEvent.objects.filter(actie="print", object_type="jaarverslag", object_id=str(v.pk),
                                     gebruiker=coordinator).count() == 1
    extern = client.get(reverse("rapportage:verslag_pdf", args=[v.pk]), {"extern": "1"})
    assert extern.content.startswith(b"%PDF") and extern.content != response.content


def test_other_organisations_coordinator_gets_404(login, gevuld):
    from django.urls import reverse

    from tests.factories import GebruikerFactory, OrganisatieFactory
    from uitstap.codes import Rol

    elders = GebruikerFactory(rol=Rol.COORDINATOR, organisatie=OrganisatieFactory(naam="Elders"))
    client = login(elders)
    for url in (reverse("rapportage:verslag", args=[gevuld.pk]), reverse("rapportage:verslag_pdf", args=[gevuld.pk]),
                reverse("rapportage:beschikking", args=[gevuld.beschikking_id]),
                reverse("rapportage:plan", args=[gevuld.periode_id])):
        assert client.get(url).status_code == 404, url


def test_extern_hides_a_second_cell_when_one_could_be_recomputed_from_the_total():
    from rapportage.selectors.verslag import onderdrukken

    # 3 hidden alone: 35 - 12 - 20 would give it back, so the smallest other non-zero cell goes too.
    assert onderdrukken({"betaald_werk": 3, "opleiding": 12, "vrijwilligerswerk": 20, "stage": 0}) == {
        "betaald_werk": "<5", "opleiding": "<5", "vrijwilligerswerk": 20, "stage": 0}
    # two hidden cells already protect each other; nothing small: nothing hidden
    assert onderdrukken({"a": 2, "b": 4, "c": 9}) == {"a": "<5", "b": "<5", "c": 9}
    assert onderdrukken({"a": 0, "b": 7, "c": 9}) == {"a": 0, "b": 7, "c": 9}
    # a breakdown that is not only counts (a row with a label) is left to the primary rule
    assert onderdrukken({"label": "Intakes", "plan": 3, "werkelijk": 9}, "") == {"label": "Intakes", "plan": "<5", "werkelijk": 9}


def test_cover_names_the_centrumgemeente_and_the_other_gemeenten(programma, gevuld, gemeente):
    lelystad = GemeenteFactory(naam="Lelystad")
    programma.gemeenten.add(lelystad)
    programma.centrumgemeente = gemeente
    programma.save(update_fields=["centrumgemeente"])
    html, _ = verslag_pdf(verslag_gegevens(gevuld))
    assert re.search(r"Centrumgemeente</th><td>Almere \(voert de regeling uit", html)
    assert re.search(r"Regiogemeenten</th><td>Lelystad</td>", html)


def test_the_centrumgemeente_is_one_of_the_programmes_gemeenten(programma, gemeente):
    from uitstap.forms import ProgrammaForm

    elders = GemeenteFactory(naam="Zwolle")
    velden = {"naam": programma.naam, "regeling": programma.regeling, "startdatum": programma.startdatum.isoformat(),
              "gemeenten": [gemeente.pk], "wachttijd_signaal_dagen": 30, "bewaartermijn_jaren": 7,
              "nazorg_duur_maanden": 12, "nazorg_contact_dagen": 42, "gelezen_versie": programma.versie}
    form = ProgrammaForm(data={**velden, "centrumgemeente": elders.pk}, instance=programma)
    assert not form.is_valid()
    assert form.errors["centrumgemeente"] == ["Kies als centrumgemeente een van de gemeenten in de regio."]
    assert ProgrammaForm(data={**velden, "centrumgemeente": gemeente.pk}, instance=programma).is_valid()


def test_first_periods_since_the_start_figures_are_the_selectors_over_the_same_days(programma, gevuld, beschikking):
    """Period 1 starts with the grant: its since-the-start column reuses the period's figures, and they equal
    the selectors computed on their own over the grant's start up to the period's end (a second period would
    compute them anew)."""
    from rapportage.selectors.verslag import CUMULATIEF_SLEUTELS, _cumulatief_sinds_start

    gegevens = verslag_gegevens(gevuld)
    p1 = beschikking.perioden.get(nummer=1)
    assert p1.van == beschikking.startdatum
    los = json.loads(json.dumps(_cumulatief_sinds_start(programma, beschikking.startdatum, p1.tot), default=str))
    assert json.loads(json.dumps(gegevens["cumulatief_sinds_start"], default=str)) == los
    assert set(los) == set(CUMULATIEF_SLEUTELS) and los["ingestroomd"] == 3
