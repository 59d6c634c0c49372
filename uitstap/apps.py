from django.apps import AppConfig


class UitstapConfig(AppConfig):
    name = "uitstap"
    verbose_name = "Uitstap"

    def ready(self):
        from uitstap import signals  # noqa: F401  (login/logout/lockout audit events)

        _psycopg_onthoudt_lange_queries()


# The dossier's, caseload's and lists' queries are 9-12 KB of SQL. psycopg converts a query's %s placeholders
# once and keeps the result (an LRU of 128), but only for queries of at most 4 KB; every longer one is parsed
# again on every execution (0.5 ms each, two per page). 32 KB covers every query the pages run.
PSYCOPG_QUERY_ONTHOUDEN_TOT = 32 * 1024


def _psycopg_onthoudt_lange_queries() -> None:
    try:
        from psycopg import _queries
    except ImportError:  # SQLite-only installation
        return
    if getattr(_queries, "MAX_CACHED_STATEMENT_LENGTH", None) is not None:
        _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, PSYCOPG_QUERY_ONTHOUDEN_TOT)
