"""Role x URL access matrix: every URL pattern from the resolver, GET as every role, against access_matrix.py.

Participant routes are also walked with the ids of a participant of another organisation: 404 for every
role of the first organisation (unless a role gate answers 403 first, or the route is POST-only).
Routes the table does not list yet fall back to a default rule and are reported by name.
"""

import datetime
import re
import warnings

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.avg_data import vul_dossier
from tests.security import access_matrix as am
from clients.avg import eigen_records
from trajecten import services
from trajecten.models import Traject, WerkoverlegAfspraak
from uitstap.models import Contactpersoon, Ketenpartner

ROL_FIXTURE = {
    "coach": "coach", "achtervang": "coach2", "andere_coach": "coach3", "coordinator": "coordinator",
    "coordinator_elders": "coordinator_elders", "klantmanager": "klantmanager", "beheerder": "beheerder",
    "km_geldig": "km_geldig", "km_verlopen": "km_verlopen", "km_ingetrokken": "km_ingetrokken",
}


def url_patterns():
    """(full name, route string, converter names) for every named pattern."""

    def walk(patterns, prefix="", ns=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                sub = ":".join(x for x in (ns, p.namespace) if x) or None
                yield from walk(p.url_patterns, prefix + str(p.pattern), sub)
            elif isinstance(p, URLPattern) and p.name:
                yield (f"{ns}:{p.name}" if ns else p.name), prefix + str(p.pattern), list(p.pattern.converters)

    seen = set()
    for name, route, params in walk(get_resolver().url_patterns):
        if name not in seen:
            seen.add(name)
            yield name, route, params


def _model_for(route: str, param: str):
    """The model a URL parameter points at: by parameter name, else by the path segment before it."""
    if param in am.PARAM_MODEL:
        return am.PARAM_MODEL[param]
    m = re.search(r"([\w-]+)/<(?:\w+:)?" + re.escape(param) + ">", route)
    if m and m.group(1) in am.SEGMENT_MODEL:
        return am.SEGMENT_MODEL[m.group(1)]
    return None


class World:
    """Two participants with full dossiers: A in our organisation, E in another organisation's programme."""

    def __init__(self, deelnemer, deelnemer_elders, coach, coach_elders, programma):
        vul_dossier(deelnemer, coach, "MatrixA")
        vul_dossier(deelnemer_elders, coach_elders, "MatrixE")
        self.programma = programma
        self.a = deelnemer
        self.e = deelnemer_elders
        kp = Ketenpartner.objects.filter(programma=programma).first()
        Contactpersoon.objects.create(ketenpartner=kp, naam="Contact Matrix")
        self.objecten = {"a": self._index(deelnemer), "e": self._index(deelnemer_elders)}

    def _index(self, d):
        index = {"deelnemer": d, "traject": Traject.objects.filter(deelnemer=d).first()}
        for model, qs in eigen_records(d):
            obj = qs.first()
            if obj is not None:
                index.setdefault(model._meta.model_name, obj)
        return index

    def kwargs(self, route, params, wie, users):
        """URL kwargs, whether this is a participant route, and what could not be resolved."""
        kwargs, deelnemer_route, onbekend = {}, False, []
        for param in params:
            model = _model_for(route, param)
            if model in am.DEELNEMER_MODELLEN or (model and model.split(".")[-1] in self.objecten[wie]):
                obj = self.objecten[wie].get(model.split(".")[-1])
                if obj is None:
                    onbekend.append(param)
                    kwargs[param] = 999999
                else:
                    kwargs[param] = obj.pk
                    deelnemer_route = True
            elif model == "gebruiker":
                kwargs[param] = users["coach"].pk
            elif model == "ketenpartner":
                kwargs[param] = Ketenpartner.objects.filter(programma=self.programma).first().pk
            elif model == "werkoverleg":
                kwargs[param] = self.werkoverleg.pk
            elif model == "contactpersoon":
                kwargs[param] = Contactpersoon.objects.first().pk
            elif param == "slug":
                kwargs[param] = self.programma.slug
            elif param == "jaar":
                kwargs[param] = 2026
            elif param in am.VASTE_WAARDEN:
                kwargs[param] = am.VASTE_WAARDEN[param]
            else:
                onbekend.append(param)
                kwargs[param] = 999999
        return kwargs, deelnemer_route, onbekend


@pytest.fixture
def world(deelnemer, deelnemer_elders, coach, coach_elders, programma, ander_deelnemer, km_toestemmingen, km_geldig,
          coordinator):
    # A werkoverleg of our programme with Zeewolde (A shares everything with it) and an afspraak about A; the
    # programme serves Zeewolde too. Created before the World indexes A's records, so the afspraak is one of them.
    programma.gemeenten.add(km_geldig.gemeente)
    wo = services.werkoverleg_plannen(programma=programma, gemeente=km_geldig.gemeente, datum=datetime.date.today(),
                                      aanwezigen="Matrix – coördinator", door=coordinator)
    world = World(deelnemer, deelnemer_elders, coach, coach_elders, programma)
    services.werkoverleg_afspraak_vastleggen(werkoverleg=wo, deelnemer=deelnemer, wat="Matrix afspraak",
                                             eigenaar="klantmanager", deadline=datetime.date.today(), door=coordinator)
    world.objecten["a"]["werkoverlegafspraak"] = WerkoverlegAfspraak.objects.get()
    world.werkoverleg = wo
    return world


def _users(request):
    return {rol: request.getfixturevalue(fx) for rol, fx in ROL_FIXTURE.items()}


def _get(client, url):
    try:
        return client.get(url).status_code
    except Exception as e:  # noqa: BLE001 - a crash is a finding, reported with the URL
        return f"exception {type(e).__name__}: {e}"


def _matches(verwacht, status):
    return status in verwacht if isinstance(verwacht, (set, frozenset, tuple)) else status == verwacht


@pytest.mark.django_db
@pytest.mark.parametrize("rol", am.ROLLEN + am.KM_KOLOMMEN)
def test_access_matrix(request, client, world, rol):
    users = _users(request)
    client.force_login(users[rol])
    fouten, niet_ingedeeld = [], []
    for name, route, params in url_patterns():
        if am.overslaan(name):
            continue
        kwargs, deelnemer_route, onbekend = world.kwargs(route, params, "a", users)
        url = reverse(name, kwargs=kwargs)
        status = _get(client, url)
        if name in am.MATRIX:
            verwacht = am.verwacht_voor(name, rol)
        else:
            niet_ingedeeld.append(name + (f" (onbekende parameters: {', '.join(onbekend)})" if onbekend else ""))
            verwacht = am.standaard(rol, deelnemer_route=deelnemer_route, onbekend=bool(onbekend))
        if not _matches(verwacht, status):
            fouten.append(f"{rol} GET {url} ({name}): verwacht {verwacht}, kreeg {status}")
        # The same route with the other organisation's participant: never shown to anyone of ours.
        if deelnemer_route and rol != "coordinator_elders":
            kwargs_e, _, _ = world.kwargs(route, params, "e", users)
            url_e = reverse(name, kwargs=kwargs_e)
            status_e = _get(client, url_e)
            verwacht_e = am.elders(verwacht)
            if not _matches(verwacht_e, status_e):
                fouten.append(f"{rol} GET {url_e} ({name}, andere organisatie): verwacht {verwacht_e}, kreeg {status_e}")
    if niet_ingedeeld and rol == am.ROLLEN[0]:
        warnings.warn("Niet in access_matrix.MATRIX (standaardregel gebruikt): " + "; ".join(niet_ingedeeld), stacklevel=1)
    assert not fouten, "\n".join(fouten)


@pytest.mark.django_db
def test_every_route_is_classified_or_reported(world):
    """The table names only routes that exist (stale rows are a mistake)."""
    namen = {name for name, _, _ in url_patterns()}
    assert not set(am.MATRIX) - namen, f"Rijen in MATRIX zonder route: {sorted(set(am.MATRIX) - namen)}"
