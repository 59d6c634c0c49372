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
def _binden_op_de_client():
    from django.db.backends.postgresql.base import Cursor  # Django's client-side-binding cursor

    connection.ensure_connection()
    ruw = connection.connection
    vorige, ruw.cursor_factory = ruw.cursor_factory, Cursor
    try:
        yield
    finally:
        ruw.cursor_factory = vorige


@contextlib.contextmanager
def triggers_genegeerd(*uris: str):
    binden = _binden_op_de_client() if connection.vendor == "postgresql" else contextlib.nullcontext()
    with binden, pgtrigger.ignore(*uris):
        yield
