"""Prepared statements for the few read queries PostgreSQL spends longer planning than
running (docs/performance.md, "Planning counts too").

Kept for a measured reason: the history's UNION over 38 event tables (opgaven.geschiedenis) took
PostgreSQL 7-8 ms to plan, twice its running time, on every start page and history page;
prepared, planning is 1 ms for the first five runs on a connection and 0.03 ms after, and
the history page answers 6-11 ms sooner at 3,014 opgaven (in-process A/B, both orders).
The risk: ``ServerBindingCursor`` and ``make_cursor`` are Django's backend classes, not
its documented API; tests/core/test_geschiedenis.py runs the query seven times and checks
it is the only prepared statement, so an upgrade that breaks this fails there.

Django binds parameters on the client and prepares nothing. The settings give psycopg a
threshold no query reaches by itself (``prepare_threshold`` sys.maxsize), so only a query
run through ``voorbereid`` becomes a prepared statement of its connection; every other
query runs as before. Such a query is written by hand for server-side binding: typed
parameters (``%s::text``), one statement, nothing interpolated on the client (pghistory's
context, which it prepends to writes, has no place in it: read queries only).
"""

from django.db import connection
from django.db.backends.postgresql.base import ServerBindingCursor


class _Voorbereid(ServerBindingCursor):
    """A server-binding cursor that prepares what it runs."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


def voorbereid(sql: str, params) -> list[tuple]:
    """The rows of the read query ``sql`` as a prepared statement of this connection:
    parsed once, and planned generically once PostgreSQL finds that as good (after five
    runs). Through Django's cursor wrapper, so it is counted and logged like any query."""
    connection.ensure_connection()
    ruw = _Voorbereid(connection.connection)
    if connection.queries_logged:
        cursor = connection.make_debug_cursor(ruw)
    else:
        cursor = connection.make_cursor(ruw)
    with cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
