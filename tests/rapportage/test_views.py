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


def test_dashboard_headline_with_a_grant_period_and_the_second_set(login, coordinator, organisatie, gevuld):
    from rapportage import services

    b = services.beschikking_aanmaken(programma=gevuld, financier="JenV", nummer="B-7", startdatum=datetime.date(2023, 7, 1),
                                      einddatum=datetime.date(2025, 6, 30), bedrag=Decimal("50000"), penvoerder=organisatie,
                                      door=coordinator)
    p1, p2 = b.perioden.order_by("nummer")
    services.verslagperiode_wijzigen(periode=p1, data={"plan_deelnemers": 12}, gelezen_versie=p1.versie, door=coordinator)
    client = login(coordinator)
    response = client.get(reverse("rapportage:cijfers"), {"programma": gevuld.slug, "periode": p1.pk})
    html = response.content.decode()
    # The traject ingestroomd on 01-02-2024 falls in period 1 (01-07-2023 .. 30-06-2024).
    assert response.context["van"] == datetime.date(2023, 7, 1) and response.context["cijfers"]["ingestroomd"] == 1
    kop = {k["sleutel"]: k for k in response.context["kop"]}
    assert kop["verwacht_deelnemers"]["waarde"] == 12 and kop["ingestroomd"]["cumulatief"] == 1
    assert kop["ingestroomd"]["vorige"] is None  # no period before the first
    for tekst in ("De vijf vragen", "Per woongemeente", "Per organisatie", "Intakes per besluit", "Doorlooptijden",
                  "Nacontrole na 12 maanden", "Aansluiting: ingestroomd 1 = uitgestapt 0 + tussentijds gestopt 0 + lopend 1"):
        assert tekst in html, tekst
    response = client.get(reverse("rapportage:cijfers"), {"programma": gevuld.slug, "periode": p2.pk})
    kop = {k["sleutel"]: k for k in response.context["kop"]}
    assert kop["ingestroomd"]["waarde"] == 0 and kop["ingestroomd"]["vorige"] == 1 and kop["ingestroomd"]["cumulatief"] == 1


def test_no_years_before_the_programme_started(login, coordinator, gevuld):
    response = login(coordinator).get(reverse("rapportage:cijfers"), {"jaar": 2015})
    assert min(response.context["jaren"]) == gevuld.startdatum.year and response.context["jaar"] == max(response.context["jaren"])


def test_uniform_dataset_reads_each_traject_its_own_history(programma, coordinator):
    """The columns from a traject's history (read per kind in one query for all trajecten): the instroom date, the
    first day a plan was signed by both, the first relapse, the last 12-month check; another traject's history
    never leaks into a row."""
    from clients.selectors import deelnemers_visible_to
    from rapportage.selectors.dataset import KOLOMMEN, uniforme_dataset
    from trajecten.models import Nacontrole, Terugval, Trajectplan

    D = datetime.date
    met = traject(DeelnemerFactory(programma=programma), "2024-01-10", ("orientatie", "2024-02-01"),
                  ("uitvoering", "2024-03-01"))
    traject(DeelnemerFactory(programma=programma), "2024-01-15", ("orientatie", "2024-04-01"))
    for nr, deelnemer_op, begeleider_op in ((1, D(2024, 3, 5), D(2024, 3, 9)), (2, D(2024, 2, 20), D(2024, 3, 7)),
                                             (3, D(2024, 1, 30), None)):
        Trajectplan.objects.create(traject=met, volgnummer=nr, opgesteld_op=D(2024, 1, 20),
                                   ondertekend_deelnemer_op=deelnemer_op, ondertekend_begeleider_op=begeleider_op)
    Terugval.objects.create(traject=met, datum=D(2024, 9, 1))
    Terugval.objects.create(traject=met, datum=D(2024, 6, 1))
    Nacontrole.objects.create(traject=met, termijn="12m", datum=D(2025, 3, 1), uitkomst="onbekend")
    Nacontrole.objects.create(traject=met, termijn="12m", datum=D(2025, 3, 20), uitkomst="teruggevallen")
    Nacontrole.objects.create(traject=met, termijn="6m", datum=D(2025, 4, 1), uitkomst="uitgestapt_gebleven")
    _, rijen, _ = uniforme_dataset(programma, deelnemers_visible_to(coordinator))
    per_aanmelding = {r[KOLOMMEN.index("aanmelddatum")]: dict(zip(KOLOMMEN, r)) for r in rijen}
    rij = per_aanmelding["2024-01-10"]
    assert (rij["instroomdatum"], rij["trajectplan_ondertekend"], rij["eerste_terugval"], rij["nacontrole_12m"]) == (
        "2024-02-01", "2024-03-07", "2024-06-01", "teruggevallen")
    rij = per_aanmelding["2024-01-15"]
    assert (rij["instroomdatum"], rij["trajectplan_ondertekend"], rij["eerste_terugval"], rij["nacontrole_12m"]) == (
        "2024-04-01", "", "", "")


def test_uniform_dataset_is_pseudonymous_logged_and_per_export_keyed(login, coordinator, programma, organisatie):
    import csv
    import io

    from clients.models import Deelnemer
    from tests.factories import GemeenteFactory
    from trajecten.models import Uitstroom

    zwolle = GemeenteFactory(naam="Zwolle")
    dn = DeelnemerFactory(programma=programma, roepnaam="Roosmarijn", geboortejaar=1990, herkomstland="RO",
                          woongemeente=zwolle, gender="vrouw")
    eerste = traject(dn, "2023-01-10", ("orientatie", "2023-02-01"), eind="2023-06-01")
    Uitstroom.objects.create(traject=eerste, datum=datetime.date(2023, 6, 1), soort="gestopt", reden="motivatie")
    tweede = traject(dn, "2024-01-10", ("orientatie", "2024-02-01"))
    tweede.organisatie = organisatie
    tweede.save()
    traject(DeelnemerFactory(programma=programma, woongemeente=None), "2024-03-01", eind="2024-04-01")
    client = login(coordinator)
    response = client.get(reverse("rapportage:dataset", args=[programma.slug]))
    assert response["Content-Disposition"].startswith('attachment; filename="test-dataset-')
    tekst = response.content.decode("utf-8-sig")
    rijen = list(csv.DictReader(io.StringIO(tekst), delimiter=";"))
    assert len(rijen) == 3
    van_dn = sorted((r for r in rijen if r["herkomst"] == "EU"), key=lambda r: r["traject"])
    assert [r["traject"] for r in van_dn] == ["1", "2"] and van_dn[0]["deelnemer"] == van_dn[1]["deelnemer"]
    assert van_dn[0]["uitstroom_soort"] == "gestopt" and van_dn[0]["stopreden"] == "motivatie"
    assert van_dn[1]["organisatie"] == "Stichting Test" and van_dn[1]["instroomdatum"] == "2024-02-01"
    assert van_dn[1]["woongemeente"] == "buiten_regio" and van_dn[1]["leeftijdsgroep"] == "30-39"
    alleen_contact = next(r for r in rijen if r["herkomst"] == "onbekend")
    assert alleen_contact["instroomdatum"] == "" and alleen_contact["woongemeente"] == "onbekend"
    for persoonlijk in [*Deelnemer.objects.values_list("clientcode", flat=True), "Roosmarijn", "1990", "RO;"]:
        assert persoonlijk not in tekst, persoonlijk
    event = AuditEvent.objects.get(actie="export", object_type="dataset")
    assert event.gebruiker == coordinator and len(event.clientcodes) == 2
    # A new export draws new keys.
    opnieuw = client.get(reverse("rapportage:dataset", args=[programma.slug])).content.decode("utf-8-sig")
    assert {r["deelnemer"] for r in csv.DictReader(io.StringIO(opnieuw), delimiter=";")}.isdisjoint({r["deelnemer"] for r in rijen})
    xlsx = client.get(reverse("rapportage:dataset", args=[programma.slug]), {"formaat": "xlsx"})
    assert xlsx.content[:2] == b"PK"
    assert client.get(reverse("rapportage:dataset", args=[programma.slug]), {"formaat": "pdf"}).status_code == 404
