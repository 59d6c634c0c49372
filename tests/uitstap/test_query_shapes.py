"""uitstap.query_shapes: SQL compiled once per shape gives exactly what the ORM gives, for every value."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Count, F, Q
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from clients import access
from clients.models import Deelnemer
from clients.selectors import deelnemers_visible_to, zichtbaarheid_sleutel
from tests.factories import DeelnemerFactory, GebruikerFactory, ToestemmingFactory
from trajecten import selectors
from trajecten.views.dossier import dossier_deelnemer_or_404
from uitstap.codes import Rol
from uitstap.query_shapes import QueryShape

TRANSACTIE = ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK")


def _geteld(gebouwd: list):
    def bouw(programma_id, pk):
        gebouwd.append(pk)
        return (Deelnemer.objects.filter(programma_id=programma_id, pk=pk).select_related("begeleider", "programma")
                .annotate(n_trajecten=Count("trajecten"), code=F("clientcode")))
    return bouw


def test_rows_equal_the_orm_for_every_value_and_the_shape_is_built_once(programma, coach):
    gebouwd = []
    vorm = QueryShape(_geteld(gebouwd))
    deelnemers = [DeelnemerFactory(programma=programma, begeleider=coach) for _ in range(3)]
    for d in deelnemers:
        [rij] = vorm.fetch(("test", programma.pk), [d.pk], programma.pk)
        assert rij == d and rij.code == d.clientcode and rij.n_trajecten == 0
        with CaptureQueriesContext(connection) as q:
            assert rij.begeleider == coach and rij.programma == programma  # select_related: no query more
        assert not q.captured_queries
    assert len(gebouwd) == 1 and gebouwd[0] < 0  # built once, with a marker
    assert vorm.fetch(("test", programma.pk), [10**9], programma.pk) == []


def test_a_run_is_one_query_and_no_build(programma, coach):
    gebouwd = []
    vorm = QueryShape(_geteld(gebouwd))
    a, b = DeelnemerFactory(programma=programma), DeelnemerFactory(programma=programma)
    vorm.fetch("k", [a.pk], programma.pk)
    with CaptureQueriesContext(connection) as q:
        assert vorm.fetch("k", [b.pk], programma.pk) == [b]
    assert [x for x in q.captured_queries if not x["sql"].lstrip().upper().startswith(TRANSACTIE)].__len__() == 1
    assert len(gebouwd) == 1


def test_the_key_decides_the_shape(programma, coach):
    """Another key builds again; the same key reuses what was built, whatever else is passed (the caller's
    promise: the key names everything the build reads)."""
    gebouwd = []
    vorm = QueryShape(_geteld(gebouwd))
    d = DeelnemerFactory(programma=programma)
    assert vorm.fetch(("p", programma.pk), [d.pk], programma.pk) == [d]
    assert vorm.fetch(("p", programma.pk + 1), [d.pk], programma.pk + 1) == []
    assert len(gebouwd) == 2


def test_a_list_of_ids_is_a_shape_per_length(programma):
    gebouwd = []

    def bouw(*ids):
        gebouwd.append(len(ids))
        return Deelnemer.objects.filter(pk__in=ids).order_by("pk")

    vorm = QueryShape(bouw)
    ds = [DeelnemerFactory(programma=programma) for _ in range(4)]
    assert vorm.fetch("in", [ds[0].pk, ds[2].pk, ds[3].pk]) == [ds[0], ds[2], ds[3]]
    assert vorm.fetch("in", [ds[1].pk, ds[1].pk, 10**9]) == [ds[1]]
    assert vorm.fetch("in", [ds[3].pk]) == [ds[3]]  # another length: another shape
    assert vorm.fetch("in", [ds[2].pk, ds[0].pk]) == [ds[0], ds[2]]
    assert gebouwd == [3, 1, 2]


def test_a_marker_that_is_not_exactly_one_parameter_is_refused(programma):
    twee_keer = QueryShape(lambda pk: Deelnemer.objects.filter(Q(pk=pk) | Q(begeleider_id=pk)))
    with pytest.raises(ImproperlyConfigured):
        twee_keer.fetch("x", [1])
    in_de_tekst = QueryShape(lambda n: Deelnemer.objects.all()[: -n])  # -marker: a LIMIT in the SQL text
    with pytest.raises(ImproperlyConfigured):
        in_de_tekst.fetch("y", [3])


def test_a_value_computed_from_a_marker_is_refused(programma):
    """pk + 1 would be baked into the SQL as marker + 1 and be wrong for every later value."""
    afgeleid = QueryShape(lambda pk: Deelnemer.objects.filter(Q(pk=pk) | Q(pk=pk + 1)))
    with pytest.raises(ImproperlyConfigured):
        afgeleid.fetch("afgeleid", [1])


def test_an_empty_queryset_gives_no_rows(programma):
    vorm = QueryShape(lambda pk: Deelnemer.objects.none().filter(pk=pk))
    assert vorm.fetch("leeg", [DeelnemerFactory(programma=programma).pk]) == []


# --- the dossier's annotated participant (clients.access) ---------------------------------------------------


def _verzoek(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def _zoals_de_orm(user, pk):
    vandaag = datetime.date.today()
    return selectors.dossier_stand(access._dossier_visible_to(user).select_related(*access.DEELNEMER_RELATIES),
                                   vandaag).get(pk=pk)


def test_dossier_participant_has_every_annotation_the_orm_gives(programma, coach, coach2, coordinator):
    eigen = DeelnemerFactory(programma=programma, begeleider=coach)
    achtervang = DeelnemerFactory(programma=programma, begeleider=coach2, achtervang=coach)
    for user, d in ((coach, eigen), (coach, achtervang), (coordinator, eigen), (coordinator, achtervang)):
        gekregen = dossier_deelnemer_or_404(_verzoek(user), d.pk)
        verwacht = _zoals_de_orm(user, d.pk)
        velden = [k for k in vars(verwacht) if not k.startswith("_")]
        assert {k: getattr(gekregen, k) for k in velden} == {k: getattr(verwacht, k) for k in velden}
        assert gekregen.begeleider == verwacht.begeleider and gekregen.programma == verwacht.programma


def test_dossier_participant_outside_scope_is_404_for_every_role(programma, coach, coach3, klantmanager, beheerder):
    d = DeelnemerFactory(programma=programma, begeleider=coach)
    ToestemmingFactory(deelnemer=d, gemeente=klantmanager.gemeente)  # the klantmanager sees her, not her dossier
    assert deelnemers_visible_to(klantmanager).filter(pk=d.pk).exists()
    assert dossier_deelnemer_or_404(_verzoek(coach), d.pk) == d
    for user in (coach3, klantmanager, beheerder):
        with pytest.raises(Http404):
            dossier_deelnemer_or_404(_verzoek(user), d.pk)
    for fout in ("abc", None, "1; drop"):
        with pytest.raises(Http404):
            dossier_deelnemer_or_404(_verzoek(coach), fout)


def test_a_changed_role_or_organisation_is_seen_at_the_next_request(programma, organisatie, coach, coach2):
    d = DeelnemerFactory(programma=programma, begeleider=coach2)
    with pytest.raises(Http404):
        dossier_deelnemer_or_404(_verzoek(coach), d.pk)
    coach.rol = Rol.COORDINATOR
    coach.save()
    assert dossier_deelnemer_or_404(_verzoek(coach), d.pk) == d
    coach.organisatie = GebruikerFactory(rol=Rol.COORDINATOR).organisatie
    coach.save()
    with pytest.raises(Http404):
        dossier_deelnemer_or_404(_verzoek(coach), d.pk)


def test_a_changed_assignment_is_seen_at_the_next_request(programma, coach, coach2):
    """What is not in the key (who is whose coach or achtervang) is read by the database at every run."""
    d = DeelnemerFactory(programma=programma, begeleider=coach)
    assert dossier_deelnemer_or_404(_verzoek(coach), d.pk) == d
    Deelnemer.objects.filter(pk=d.pk).update(begeleider=coach2)
    with pytest.raises(Http404):
        dossier_deelnemer_or_404(_verzoek(coach), d.pk)
    Deelnemer.objects.filter(pk=d.pk).update(achtervang=coach)
    assert dossier_deelnemer_or_404(_verzoek(coach), d.pk) == d


# --- zichtbaarheid_sleutel: what the kept SQL may be keyed on -----------------------------------------------


@pytest.mark.parametrize("rol", [Rol.TRAJECTBEGELEIDER, Rol.COORDINATOR, Rol.KLANTMANAGER, Rol.BEHEERDER])
def test_visibility_is_built_without_a_query_and_its_sql_follows_the_key(rol, organisatie, gemeente, programma):
    user = GebruikerFactory(rol=rol, organisatie=None if rol == Rol.KLANTMANAGER else organisatie,
                            gemeente=gemeente if rol == Rol.KLANTMANAGER else None)

    def sql():
        with CaptureQueriesContext(connection) as q:
            qs = deelnemers_visible_to(user)
            try:
                uit = qs.query.get_compiler("default").as_sql()
            except Exception as e:  # EmptyResultSet: none()
                uit = type(e).__name__
        assert not q.captured_queries  # nothing read from the database while building: no data baked in
        return uit

    voor, sleutel = sql(), zichtbaarheid_sleutel(user)
    user.username, user.email, user.first_name = "ander", "ander@example.org", "Ander"
    user.save()
    assert sql() == voor and zichtbaarheid_sleutel(user) == sleutel  # what the key leaves out, the SQL ignores
    user.rol = Rol.COORDINATOR if rol != Rol.COORDINATOR else Rol.TRAJECTBEGELEIDER
    assert zichtbaarheid_sleutel(user) != sleutel


def test_the_request_user_is_read_anew_every_time(coach, organisatie):
    """The backend's user query is kept compiled (uitstap.backends); the row is read on every request: a changed
    role or a deactivation is seen at once, and a user id that is not a number is nobody."""
    from uitstap.backends import GebruikerBackend

    backend = GebruikerBackend()
    assert backend.get_user(coach.pk) == coach and backend.get_user(coach.pk).organisatie == organisatie
    type(coach).objects.filter(pk=coach.pk).update(rol=Rol.COORDINATOR)
    assert backend.get_user(coach.pk).rol == Rol.COORDINATOR
    type(coach).objects.filter(pk=coach.pk).update(is_active=False)
    assert backend.get_user(coach.pk) is None
    assert backend.get_user(10**9) is None and backend.get_user("x") is None
