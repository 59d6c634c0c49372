"""The participant page (the dossier's timeline tab) costs the same few queries however much the dossier holds."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clients.services import contactafspraak_vastleggen, juridische_route_vastleggen
from clients.models import Toegestaan
from tests.avg_data import vul_dossier
from tests.factories import DeelnemerFactory, KetenpartnerFactory, ToestemmingFactory
from trajecten import services
from trajecten.models import Contactmoment, Intakegesprek, Verwijzing
from uitstap.audit import verzegelen_uitgesteld
from uitstap.codes import ContactStatus

D = datetime.date
MAX_QUERIES = 12
TRANSACTIE = ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK")


def _rijk(deelnemer, coach, programma):
    """Three trajecten (two closed), each with phases, intake, contacts, plan, goal, referral, exit and
    relapse; several contacts and referrals more on the current one, documents, consent, two versions of the
    safe-contact arrangement, the legal route, a verwijzer ketenpartner and a follow-up intake talk per traject."""
    for jaar, einde in ((2021, D(2022, 6, 1)), (2022, D(2023, 6, 1)), (2023, None)):
        t = vul_dossier(deelnemer, coach, f"MRK{jaar}", start=D(jaar, 1, 10), einddatum=einde)
        t.verwijzer_ketenpartner = KetenpartnerFactory(programma=programma)
        t.save()
        Intakegesprek.objects.create(intake=t.intake, datum=D(jaar, 1, 25), notitie="vervolg", door=coach)
    for i in range(5):
        partner = KetenpartnerFactory(programma=programma)
        Contactmoment.objects.create(traject=t, datum=D(2023, 3, 1 + i), duur_minuten=20, ketenpartner=partner,
                                     status=ContactStatus.GEHOUDEN, door=coach)
        Verwijzing.objects.create(traject=t, ketenpartner=partner, hulpvraag="hulp", verwezen=D(2023, 3, 1 + i))
    ToestemmingFactory(deelnemer=deelnemer)
    contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={"bellen": Toegestaan.NEE})
    contactafspraak_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=1, data={
        "bellen": Toegestaan.NEE, "huisbezoek": Toegestaan.NEE, "alleen_via": KetenpartnerFactory(programma=programma)})
    juridische_route_vastleggen(deelnemer=deelnemer, door=coach, gelezen_versie=0, data={
        "juridische_categorie": "3", "bedenktijd_start": D(2026, 1, 1), "bedenktijd_eind": D(2026, 4, 1)})


def _queries(client, url) -> int:
    """The statements of one GET without transaction control. The audit event's seal is deferred to after
    the count: SQLite seals inside the request, PostgreSQL after its commit, as in production."""
    client.get(url)  # warm up: the first request of a session reads a little more
    connection.queries_log.clear()
    with verzegelen_uitgesteld(), CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return sum(1 for x in q.captured_queries if not x["sql"].lstrip().upper().startswith(TRANSACTIE))


@pytest.mark.django_db
def test_dossier_costs_the_same_few_queries_for_a_rich_and_a_minimal_dossier(login, programma, coach, coach2, settings):
    settings.AUDIT_VERZEGEL_INTERVAL = 10**9  # PostgreSQL: the seal after the commit is not the page's work
    rijk = DeelnemerFactory(programma=programma, begeleider=coach, achtervang=coach2)
    _rijk(rijk, coach, programma)
    minimaal = DeelnemerFactory(programma=programma, begeleider=coach)
    services.traject_starten(deelnemer=minimaal, aanmelddatum=D(2025, 1, 10), door=coach)
    client = login(coach)

    n_rijk = _queries(client, reverse("trajecten:dossier", args=[rijk.pk]))
    n_minimaal = _queries(client, reverse("trajecten:dossier", args=[minimaal.pk]))

    assert n_rijk <= MAX_QUERIES and n_minimaal <= MAX_QUERIES, (n_rijk, n_minimaal)
    assert n_rijk == n_minimaal
    # The card counts the trajecten it lists: the third enrolment says so, a first one says nothing.
    assert "3e traject" in client.get(reverse("trajecten:dossier", args=[rijk.pk])).content.decode()
    assert "e traject</span>" not in client.get(reverse("trajecten:dossier", args=[minimaal.pk])).content.decode()


@pytest.mark.django_db
def test_every_tab_loads_the_participant_with_its_summary_card_once(login, programma, coach, coach2, settings):
    """Each tab reads the participant and the summary card's state in one query (dossier_deelnemer_or_404): the
    participant's row is selected once per request, and the card shows the same phase on every tab."""
    from trajecten.views.dossier import TABS

    settings.AUDIT_VERZEGEL_INTERVAL = 10**9
    rijk = DeelnemerFactory(programma=programma, begeleider=coach, achtervang=coach2)
    _rijk(rijk, coach, programma)
    client = login(coach)
    for tab, _, naam in TABS:
        url = reverse(naam, args=[rijk.pk])
        client.get(url)
        connection.queries_log.clear()
        with verzegelen_uitgesteld(), CaptureQueriesContext(connection) as q:
            r = client.get(url)
        assert r.status_code == 200, tab
        uit_deelnemer = [x["sql"] for x in q.captured_queries if x["sql"].lstrip().startswith('SELECT "clients_deelnemer"."id"')]
        assert len(uit_deelnemer) == 1, (tab, len(uit_deelnemer))
        assert r.context["stand"].pk == rijk.pk, tab
