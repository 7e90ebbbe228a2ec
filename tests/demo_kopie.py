"""The demo municipality for tests that need it whole (the browser flows): made once with
``manage.py demodata`` in the template every test database is copied from
(tests/sjabloon.py), kept there in a schema of its own (``demo_kopie``), and put back for
every test that asks, in a fraction of the time the command takes.

The flush between transactional tests does not touch that schema (it empties Django's
tables only). Putting it back empties Django's tables and copies every row in one
transaction, the app's triggers (the history, the append-only guard) switched off for the
copy so no history is added or refused, and the sequences set past the copied ids. Foreign
keys stay checked: Django makes them deferrable, so they are checked at the commit, whole.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction

SCHEMA = "demo_kopie"


def _tabellen() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def bewaren() -> None:
    """Copy every Django table as it is now into the copy's schema."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE; CREATE SCHEMA "{SCHEMA}"')
        for tabel in _tabellen():
            cursor.execute(f'CREATE TABLE "{SCHEMA}"."{tabel}" AS TABLE public."{tabel}"')


def bewaard() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", [SCHEMA])
        return cursor.fetchone() is not None


def terugzetten() -> None:
    """Replace the rows of every Django table with the copy's."""
    tabellen = _tabellen()
    lijst = ", ".join(f'public."{t}"' for t in tabellen)
    with transaction.atomic(), connection.cursor() as cursor:
        # The triggers go off before any row moves (a table with checks still to run cannot
        # be altered), and back on after the foreign keys were checked.
        for tabel in tabellen:
            cursor.execute(f'ALTER TABLE public."{tabel}" DISABLE TRIGGER USER')
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(f"TRUNCATE {lijst} CASCADE")
        for tabel in tabellen:
            # Table names from Django's own catalogue, never from input.
            cursor.execute(f'INSERT INTO public."{tabel}" SELECT * FROM "{SCHEMA}"."{tabel}"')  # noqa: S608
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for tabel in tabellen:
            cursor.execute(f'ALTER TABLE public."{tabel}" ENABLE TRIGGER USER')
        cursor.execute(
            """
            SELECT c.relname, a.attname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
              AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
            """
        )
        for tabel, kolom, reeks in cursor.fetchall():
            hoogste = f'SELECT max("{kolom}") FROM public."{tabel}"'  # noqa: S608 (catalogue)
            cursor.execute(f"SELECT setval(%s, COALESCE(({hoogste}), 0) + 1, false)", [reeks])
    # What this process remembers of the rows just replaced (content types, the branding).
    ContentType.objects.clear_cache()
    caches["default"].clear()


def demodata() -> None:
    """The demo data as ``manage.py demodata`` makes it: from the copy, or by the command
    (and kept) where the copy is missing."""
    if bewaard():
        terugzetten()
    else:
        call_command("demodata")
        bewaren()
