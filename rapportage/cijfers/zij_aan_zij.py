"""The figures side by side: on PostgreSQL the large figure queries of one alle_cijfers run on two connections at
once, on one snapshot, so a verslag over twenty thousand participants waits for the slower half of them instead of
their sum (the database has a core for each).

The calling thread opens a REPEATABLE READ transaction and exports its snapshot (pg_export_snapshot); one more
thread opens its own connection, imports that snapshot (SET TRANSACTION SNAPSHOT) and computes its lane of the
figures while the calling thread computes the other. Both see exactly the same rows, so the figures add up as
when computed one after the other. Group queries (basis.groep) are shared: the second thread to ask for one waits
for the first. On SQLite, and inside a transaction (a test's, or finalising a verslag: a second connection would
not see its uncommitted rows), the figures are computed one after the other.
"""

import contextvars
import re
import threading

from django.db import connection, transaction

from rapportage.cijfers.basis import eigen_plannen

# The figures that each read much of a large table (at 20 000 participants 30 to 100 ms each: the pass over the
# trajecten behind `aanmeldingen`, the contacts, the scores, ...), in two lanes of about the same cost; the first
# is the calling thread's. What alle_cijfers computes after them reads the groups these filled.
BANEN = (
    ("aanmeldingen", "duurzaam_uitgestapt_12m", "doorlooptijden", "verwijzingen_per_soort", "leefsituatie_instroom_uitstroom",
     "doelgroep_instroom"),
    ("leefgebied_voortgang", "contactmomenten_gehouden", "doelen_per_leefgebied"),
)
_MOMENTOPNAME = re.compile(r"^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$")
# The two lanes are the parallelism: a lane's query that took parallel workers as well (the contacts' scan does,
# alone) would take the other lane's core. For these transactions only (SET LOCAL).
_GEEN_WORKERS = "SET LOCAL max_parallel_workers_per_gather = 0"


def mogelijk() -> bool:
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def vooraf(programma, van, tot, figuren: dict) -> dict:
    """The figures of BANEN (key -> value), two lanes at once on one snapshot. Call inside transaction.atomic()
    and een_doorgang(), with `mogelijk()` true before the atomic block was entered; the caller computes the
    rest of its figures in the same transaction, so on the same snapshot."""
    with connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute(_GEEN_WORKERS)
        cursor.execute("SELECT pg_export_snapshot()")
        momentopname = cursor.fetchone()[0]
    if not _MOMENTOPNAME.match(momentopname):
        raise ValueError(f"onverwachte momentopname {momentopname!r}")
    uit, fouten = {}, []
    draad = threading.Thread(
        target=contextvars.copy_context().run,  # een_doorgang()'s groups, shared
        args=(_baan, momentopname, programma, van, tot, [(k, figuren[k]) for k in BANEN[1]], uit, fouten),
        name="cijfers-zij-aan-zij",
    )
    draad.start()
    try:
        for sleutel in BANEN[0]:
            uit[sleutel] = figuren[sleutel](programma, van, tot)
    finally:
        draad.join()
    if fouten:
        raise fouten[0]
    return uit


def _baan(momentopname: str, programma, van, tot, taken, uit: dict, fouten: list) -> None:
    """The second lane, on this thread's own connection (Django keeps one per thread), closed afterwards."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                cursor.execute(f"SET TRANSACTION SNAPSHOT '{momentopname}'")
                cursor.execute(_GEEN_WORKERS)
            with eigen_plannen():
                for sleutel, functie in taken:
                    uit[sleutel] = functie(programma, van, tot)
    except BaseException as fout:  # noqa: BLE001 - handed to the calling thread, which raises it
        fouten.append(fout)
    finally:
        connection.close()
