from django.apps import AppConfig


class UitstapConfig(AppConfig):
    name = "uitstap"
    verbose_name = "Uitstap"

    def ready(self):
        from uitstap import signals  # noqa: F401  (login/logout/lockout audit events)

        _psycopg_onthoudt_lange_queries()


# The dossier's, caseload's and lists' queries are 9-12 KB of SQL with up to 111 parameters (the caseload).
# psycopg converts a query's %s placeholders once and keeps the result (an LRU of 128), but only for queries of
# at most 4 KB and 50 parameters; every larger one is parsed again on every execution (0.5 ms each, two per
# page). 32 KB and 256 parameters cover every query the pages run; bulk inserts stay far above both.
PSYCOPG_QUERY_ONTHOUDEN_TOT = 32 * 1024
PSYCOPG_PARAMETERS_ONTHOUDEN_TOT = 256
# psycopg has no public setting for these limits: they are module constants of psycopg._queries, read on every
# conversion. This is the one place that touches them; psycopg_cachegrenzen() reports them.
_GRENZEN = {"MAX_CACHED_STATEMENT_LENGTH": PSYCOPG_QUERY_ONTHOUDEN_TOT,
            "MAX_CACHED_STATEMENT_PARAMS": PSYCOPG_PARAMETERS_ONTHOUDEN_TOT}


def _psycopg_queries():
    try:
        from psycopg import _queries
    except ImportError:  # SQLite-only installation
        return None
    return _queries


def _psycopg_onthoudt_lange_queries() -> None:
    if (queries := _psycopg_queries()) is None:
        return
    for naam, grens in _GRENZEN.items():
        if getattr(queries, naam, None) is not None:
            setattr(queries, naam, max(getattr(queries, naam), grens))


def psycopg_cachegrenzen() -> dict[str, int | None]:
    """psycopg's current limits for its conversion cache (None without psycopg or when it lacks the constant)."""
    queries = _psycopg_queries()
    return {naam: getattr(queries, naam, None) for naam in _GRENZEN}
