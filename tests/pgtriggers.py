"""`pgtrigger.ignore` for the tests that must lift an append-only trigger for a moment.

pgtrigger puts a `set_config(...)` in front of every statement inside `ignore`: two commands in one. Our
PostgreSQL connections bind parameters on the server (prepared statements, uitstap/settings.py), and PostgreSQL
refuses two commands in one prepared statement. Inside this context the connection's cursors bind on the client,
as pgtrigger expects; outside it nothing changes.
"""

import contextlib

import pgtrigger
from django.db import connection


@contextlib.contextmanager
def triggers_genegeerd(*uris: str):
    if connection.vendor != "postgresql":
        with pgtrigger.ignore(*uris):
            yield
        return
    from django.db.backends.postgresql.base import Cursor  # Django's client-side-binding cursor

    connection.ensure_connection()
    ruw = connection.connection
    vorige = ruw.cursor_factory
    ruw.cursor_factory = Cursor
    try:
        with pgtrigger.ignore(*uris):
            yield
    finally:
        ruw.cursor_factory = vorige
