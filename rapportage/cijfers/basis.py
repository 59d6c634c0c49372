"""Shared pieces of the figures: the programme's trajecten, the dates a figure rests on, rounding."""

import contextlib
import datetime
import functools
import threading
from contextvars import ContextVar
from decimal import Decimal
from fractions import Fraction

from django.db import DatabaseError, connection
from django.db.models import DateField, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from trajecten.models import INSTROOM_FASEN  # noqa: F401 - the one list, re-exported for the figures
from trajecten.models import FaseOvergang, Traject
from uitstap.codes import Fase



class PlusDagen(Func):
    """`date + n days` in SQL, exact on both backends (SQLite date(), PostgreSQL date + integer)."""

    output_field = DateField()

    def __init__(self, expression, dagen: int):
        self.dagen = int(dagen)
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + {self.dagen})", params

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, '{self.dagen:+d} days')", params


class DagenTussen(Func):
    """Whole days from `begin` to `eind` (eind - begin) as an integer."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):
        (eind, p1), (begin, p2) = (compiler.compile(e) for e in self.source_expressions)
        return f"({eind} - {begin})", [*p1, *p2]

    def as_sqlite(self, compiler, connection, **extra):
        (eind, p1), (begin, p2) = (compiler.compile(e) for e in self.source_expressions)
        return f"CAST(ROUND(julianday({eind}) - julianday({begin})) AS INTEGER)", [*p1, *p2]


# --- one pass per figure group ---------------------------------------------------------------
# Figures that read the same rows (the trajecten with their intake and Uitstroom: doorgang.py; the
# 12-month cohort; the contacts, ...) are computed together by one query of their group: conditional
# aggregation (COUNT ... FILTER on PostgreSQL, CASE on SQLite). Each figure stays its own selector and picks
# its value from the group's result; inside `een_doorgang()` (alle_cijfers) a group runs once per
# programme and period, outside it every figure simply runs its group's query.

_DOORGANG: ContextVar[dict | None] = ContextVar("cijfers_doorgang", default=None)


@contextlib.contextmanager
def een_doorgang():
    """Memoise the group queries inside this block; a nested block shares the outer one's results (the verslag
    computes alle_cijfers and then more figures over the same days)."""
    if _DOORGANG.get() is not None:
        yield
        return
    token = _DOORGANG.set({})
    try:
        with eigen_plannen():
            yield
    finally:
        _DOORGANG.reset(token)


@contextlib.contextmanager
def eigen_plannen():
    """On PostgreSQL, plan every figure query for its own dates: no statement is prepared. The connection keeps a
    statement it ran twice prepared (settings, DB_PREPARE), and after five runs PostgreSQL may switch a prepared
    statement to a generic plan, made without knowing the period: the contacts, goals, doelgroep and leefsituatie
    queries then took twice as long from the eighth alle_cijfers of a connection on. Planning these few large
    queries anew costs well under a millisecond each."""
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    psycopg_verbinding = connection.connection
    drempel = psycopg_verbinding.prepare_threshold
    psycopg_verbinding.prepare_threshold = None  # no statement is prepared: each is planned with its values
    try:
        yield
    finally:
        psycopg_verbinding.prepare_threshold = drempel


# The planner settings for the pass over the trajecten (doorgang.py). No parallel workers: with several hash joins
# each worker builds every hash table again for its share of the rows, which on two cores costs more than it saves
# (80 ms without, 90 ms with workers at 20 000 participants; a large scan with one join, such as the contacts',
# gains from them, so this is for the pass only). No sort: grouped on a dozen codes, the planner expects a group
# per traject (21 000) and sorts them all, where there are about 1 200 groups; a hash table is faster (93-96
# against 105-107 ms).
VOOR_DE_DOORGANG = {"max_parallel_workers_per_gather": "0", "enable_sort": "off"}


@contextlib.contextmanager
def planner(**instellingen: str):
    """On PostgreSQL, these planner settings for the queries inside, put back afterwards (one statement each way)."""
    if connection.vendor != "postgresql":
        yield
        return
    namen = list(instellingen)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(
            [f"current_setting('{naam}')" for naam in namen] + [f"set_config('{naam}', %s, false)" for naam in namen]),
            list(instellingen.values()))
        eerder = cursor.fetchone()[:len(namen)]
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT " + ", ".join(f"set_config('{naam}', %s, false)" for naam in namen), list(eerder))
        except DatabaseError:
            pass  # the transaction failed: its rollback undoes the settings as well


class _Groepsuitkomst:
    """A group query's result inside een_doorgang(), or the wait for it while another thread computes it (the
    figures side by side, rapportage.cijfers.zij_aan_zij)."""

    def __init__(self):
        self.klaar = threading.Event()
        self.waarde = None
        self.fout = None


_GROEPEN_LOCK = threading.Lock()


def groep(functie):
    """Memoise a group query per (programme, arguments) inside een_doorgang(); when two threads ask for the same
    group at once, one computes it and the other waits for its result."""

    @functools.wraps(functie)
    def wrapper(programma, *args, **kwargs):
        cache = _DOORGANG.get()
        if cache is None:
            return functie(programma, *args, **kwargs)
        sleutel = (functie.__module__, functie.__qualname__, programma.pk, args, tuple(sorted(kwargs.items())))
        with _GROEPEN_LOCK:
            uitkomst = cache.get(sleutel)
            zelf = uitkomst is None
            if zelf:
                uitkomst = cache[sleutel] = _Groepsuitkomst()
        if zelf:
            try:
                uitkomst.waarde = functie(programma, *args, **kwargs)
            except BaseException as fout:
                uitkomst.fout = fout
                with _GROEPEN_LOCK:
                    del cache[sleutel]  # a later call tries again
                raise
            finally:
                uitkomst.klaar.set()
        else:
            uitkomst.klaar.wait()
            if uitkomst.fout is not None:
                raise uitkomst.fout
        return uitkomst.waarde

    return wrapper


def trajecten_van(programma) -> QuerySet[Traject]:
    return Traject.objects.filter(deelnemer__programma=programma).order_by()  # no sort by clientcode: figures only count


def instroomdatum(ref: str = "pk") -> F:
    """The date of the traject's earliest transition to orientatie, uitvoering or nazorg (or NULL): the column
    the database keeps for it (Traject.instroom_op). `ref` names the traject from the queried model."""
    return F("instroom_op") if ref == "pk" else F(f"{ref.removesuffix('_id')}__instroom_op")


def fase_op(dag: datetime.date, ref: str = "pk") -> Coalesce:
    """The phase on `dag`: the latest transition on or before it (same day: the last recorded), else contact."""
    return Coalesce(
        Subquery(
            FaseOvergang.objects.filter(traject=OuterRef(ref), datum__lte=dag)
            .order_by("-datum", "-id").values("fase")[:1]
        ),
        Value(Fase.CONTACT),
    )


def open_op(dag: datetime.date, prefix: str = "") -> Q:
    """aanmelddatum <= dag and (no einddatum or einddatum > dag)."""
    return Q(**{f"{prefix}aanmelddatum__lte": dag}) & (
        Q(**{f"{prefix}einddatum__isnull": True}) | Q(**{f"{prefix}einddatum__gt": dag})
    )


def met_instroomdatum(qs: QuerySet[Traject]) -> QuerySet[Traject]:
    return qs.annotate(instroomdatum=instroomdatum())


def ingestroomd_qs(programma, van, tot) -> QuerySet[Traject]:
    return met_instroomdatum(trajecten_van(programma)).filter(instroomdatum__range=(van, tot))


def actief_qs(programma, van, tot) -> QuerySet[Traject]:
    """Trajecten actief_in_periode: ingestroomd by the end of P and not closed before its start."""
    return met_instroomdatum(trajecten_van(programma)).filter(instroomdatum__lte=tot).filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=van)
    )


def afronden(waarde, decimalen: int) -> Decimal:
    """Round half away from zero on the exact value (0.125 -> 0.13, -0.125 -> -0.13, 1707.5 -> 1708)."""
    exact = Fraction(waarde)
    geschaald = abs(exact) * 10**decimalen
    geheel = int(geschaald)
    if geschaald - geheel >= Fraction(1, 2):
        geheel += 1
    uitkomst = Decimal(geheel).scaleb(-decimalen)
    return -uitkomst if exact < 0 else uitkomst


def getal(waarde):
    """A JSON number: an int when whole, else a float (None stays None)."""
    if waarde is None:
        return None
    if isinstance(waarde, int):
        return waarde
    exact = Fraction(waarde)
    if exact.denominator == 1:
        return int(exact)
    return float(waarde)


def mediaan_van_telling(telling: dict[int, int]) -> int | float | None:
    """The median of whole days given as {dagen: how often}, not rounded (mean of the two middle values for an even
    count); None when empty."""
    n = sum(telling.values())
    if not n:
        return None
    midden, gezien = [], 0
    for dagen in sorted(telling):
        voor = gezien
        gezien += telling[dagen]
        # positions (0-based) of the middle value(s): n // 2 for odd n, n // 2 - 1 and n // 2 for even n
        midden += [dagen for positie in {(n - 1) // 2, n // 2} if voor <= positie < gezien]
    return getal(sum(Fraction(d) for d in midden) / len(midden))
