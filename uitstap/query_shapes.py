"""Querysets compiled to SQL once per shape and run again with other values.

The dossier's summary card is one query with some thirty annotations, read on every tab of every dossier.
Django builds that queryset and compiles it to SQL on every request (about 6 of a page's 25 ms of CPU) while
only the participant's id changes. A `QueryShape` builds the queryset once per key with marker numbers in
place of the values that change, keeps its SQL and parameters, and runs that SQL with the request's values
through Django's own iterable: model instances, select_related, annotations and converters as usual.

The caller's key must name everything the build reads besides the markers (the day, the user's visibility
attributes, a list's length): the same key must always build the same SQL. Only values Django passes as query
parameters can be markers; a marker that ends up in the SQL text (a LIMIT) or twice among the parameters is
refused when the shape is compiled, so a shape is either exact or an error, never a wrong query.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models import Model, QuerySet

# Numbers that no id, count or year ever is; one per value that changes.
MARKER = -7_340_000_000_013
# A parameter this close to the markers was computed from one (marker + 1, -marker): its value would be wrong for
# the next values, so such a build is refused.
_AFSTAND = 10**9


def _is_int(waarde) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


# The compiler state that running the SQL and turning rows into objects reads (set by SQLCompiler.as_sql).
_STAAT = ("select", "klass_info", "annotation_col_map", "col_count", "has_extra_select")


@dataclass(frozen=True)
class _Gecompileerd:
    queryset: QuerySet  # as built, never evaluated: each run evaluates a clone
    sql: str | None  # None: the queryset can return nothing (Django's EmptyResultSet, e.g. .none())
    params: tuple
    posities: tuple[int, ...]  # where each marker stands among the parameters
    staat: dict

    def run(self, waarden: Sequence) -> list[Model]:
        if self.sql is None:
            return []
        params = list(self.params)
        for positie, waarde in zip(self.posities, waarden, strict=True):
            oud = params[positie]
            # psycopg's typed integers (Int4, Int8) stay typed, so the server sees the same parameter types.
            params[positie] = type(oud)(waarde) if type(oud) is not int else waarde
        sql, staat = self.sql, self.staat
        qs = self.queryset._chain()
        query = qs.query
        maak = type(query).get_compiler

        def get_compiler(using=None, connection=None, elide_empty=True):
            compiler = maak(query, using, connection, elide_empty)
            compiler.__dict__.update(staat)
            compiler.as_sql = lambda *args, **kwargs: (sql, params)
            return compiler

        query.get_compiler = get_compiler
        return list(qs)


def _compileer(qs: QuerySet, markers: tuple[int, ...]) -> _Gecompileerd:
    compiler = qs.query.get_compiler(qs.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return _Gecompileerd(qs, None, (), (), {})
    params = tuple(params)
    afgeleid = [p for p in params if _is_int(p) and p not in markers and abs(p - MARKER) < _AFSTAND]
    if afgeleid:
        raise ImproperlyConfigured(f"QueryShape: parameters {afgeleid} are computed from a marker; only a marker "
                                   "itself can be replaced by the next value.")
    posities = []
    for marker in markers:
        gevonden = [i for i, p in enumerate(params) if _is_int(p) and p == marker]
        if len(gevonden) != 1 or str(marker) in sql:
            raise ImproperlyConfigured(
                f"QueryShape: marker {marker} occurs {len(gevonden)} times among the parameters"
                f"{' and in the SQL text' if str(marker) in sql else ''}; it must be exactly one parameter."
            )
        posities.append(gevonden[0])
    return _Gecompileerd(qs, sql, params, tuple(posities), {naam: getattr(compiler, naam) for naam in _STAAT})


class QueryShape:
    """`fetch(key, values, *build_args)` gives `list(build(*build_args, *values))` without building or compiling
    the queryset again for a key and number of values it has seen (the last `maxsize` per process are kept).
    The values are integers (ids): one marker each, so a list of ids of another length is another shape."""

    def __init__(self, build: Callable[..., QuerySet], *, maxsize: int = 512):
        self.build = build
        self.maxsize = maxsize
        self._kept: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def _gecompileerd(self, key: Hashable, aantal: int, build_args: tuple) -> _Gecompileerd:
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
        markers = tuple(MARKER - i for i in range(aantal))
        kept = _compileer(self.build(*build_args, *markers), markers)
        with self._lock:
            self._kept[key] = kept
            while len(self._kept) > self.maxsize:
                self._kept.popitem(last=False)
        return kept

    def fetch(self, key: Hashable, values: Sequence[int], *build_args, using: str = "default") -> list[Model]:
        """The rows of `build(*build_args, *values)`. `key` names everything in `build_args` that shapes the SQL."""
        values = [int(v) for v in values]
        # The SQL is the backend's own: one kept per backend (a test process may switch between them).
        return self._gecompileerd((connections[using].vendor, len(values), key), len(values), build_args).run(values)

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
