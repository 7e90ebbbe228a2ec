"""One migrated database that every test process copies its own test database from.

Migrating this project takes about 35 s of CPU (Django re-renders the model state for each
of some 90 migrations); every pytest-xdist process did it again for its own database.
Now the first process migrates a template once, under a file lock, and every process's
test database is a copy of it (``CREATE DATABASE ... TEMPLATE``, about a second); Django's
migrate then finds nothing left to do. The template's name carries a fingerprint of every
migration and of the lock file, so a changed migration or package builds a new one (and
removes the old ones); an unchanged one is reused by the next run on the same server.

On top of it a second template holds the demo municipality as the browser flows use it
(tests/demo_kopie.py): ``manage.py demodata`` once, its rows kept in the ``demo_kopie``
schema while the app's own tables stay as migrated. Every process then starts with the
copy instead of building it (some 12 s of CPU each, and a few tests that needed the demo
paid it again). Its fingerprint adds the app's code and today's date (the demo's dates
are relative to today).
"""

import datetime
import fcntl
import hashlib
import io
from pathlib import Path

from django.core.management import call_command
from django.db import connection, connections, transaction

ROOT = Path(__file__).resolve().parent.parent
SLOT = ROOT / "var" / "test" / "sjabloon.lock"


# What the demo is made of: the app's code and texts, not the tests or the tooling.
NIET_APP = {"tests", "bench", "docs", "static", "node_modules", "var", "staticfiles"}


def _vingerafdruk(paden) -> str:
    h = hashlib.sha256()
    for pad in paden:
        h.update(pad.relative_to(ROOT).as_posix().encode())
        h.update(pad.read_bytes())
    return h.hexdigest()[:10]


def _migraties() -> list[Path]:
    return [*sorted(ROOT.glob("*/migrations/*.py")), ROOT / "uv.lock"]


def _app_code() -> list[Path]:
    mappen = [
        p
        for p in sorted(ROOT.iterdir())
        if p.is_dir() and not p.name.startswith(".") and p.name not in NIET_APP
    ]
    return [p for m in mappen for glob in ("*.py", "*.html", "*.mo") for p in sorted(m.rglob(glob))]


def zorg_voor_sjabloon() -> str:
    """The name of a template database for this code (migrated, with the demo copy), made
    if it is missing."""
    verbinding = connections["default"]
    basis = verbinding.settings_dict["NAME"]
    kaal = f"sjabloon_{basis}_{_vingerafdruk(_migraties())}"
    vandaag = datetime.date.today().isoformat().encode()
    demo = f"{kaal}_demo_{_vingerafdruk(_app_code())}{hashlib.sha256(vandaag).hexdigest()[:4]}"
    assert len(demo) <= 63, demo  # PostgreSQL would cut the name and miss it next time
    SLOT.parent.mkdir(parents=True, exist_ok=True)
    with SLOT.open("w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)  # one process builds; the others wait for it
        with verbinding._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s",
                [f"sjabloon\\_{basis}\\_%"],
            )
            bestaand = {rij[0] for rij in cursor.fetchall()}
            for oud in bestaand - {kaal, demo}:
                cursor.execute(f'DROP DATABASE IF EXISTS "{oud}"')
            if kaal not in bestaand:
                cursor.execute(f'CREATE DATABASE "{kaal}"')
                _in(verbinding, kaal, cursor, _migreren)
            if demo not in bestaand:
                cursor.execute(f'CREATE DATABASE "{demo}" TEMPLATE "{kaal}"')
                _in(verbinding, demo, cursor, _demo_bewaren)
    return demo


def _migreren() -> None:
    call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)


def _demo_bewaren() -> None:
    """The demo's rows into the copy's schema; the app's tables stay as migrated.

    The demo is made in a transaction that is rolled back, after every table was read out
    (COPY, binary); the copy's tables are then made like the app's and filled from that.
    """
    from tests import demo_kopie

    tabellen = demo_kopie._tabellen()
    rijen = {}
    with transaction.atomic(), connection.cursor() as cursor:
        call_command("demodata", stdout=io.StringIO())
        for tabel in tabellen:
            with cursor.copy(f'COPY public."{tabel}" TO STDOUT (FORMAT binary)') as copy:
                rijen[tabel] = b"".join(bytes(blok) for blok in copy)
        transaction.set_rollback(True)  # no on_commit side effect either (mail, cache)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f'CREATE SCHEMA "{demo_kopie.SCHEMA}"')
        for tabel in tabellen:
            doel = f'"{demo_kopie.SCHEMA}"."{tabel}"'
            cursor.execute(f'CREATE TABLE {doel} (LIKE public."{tabel}")')
            with cursor.copy(f"COPY {doel} FROM STDIN (FORMAT binary)") as copy:
                copy.write(rijen[tabel])


def _in(verbinding, naam: str, cursor, bouwen) -> None:
    """Run ``bouwen`` on database ``naam``; drop it if that fails."""
    echt = verbinding.settings_dict["NAME"]
    verbinding.close()
    verbinding.settings_dict["NAME"] = naam
    try:
        bouwen()
    except BaseException:
        verbinding.close()
        cursor.execute(f'DROP DATABASE IF EXISTS "{naam}"')  # never a half-built template
        raise
    finally:
        verbinding.close()  # a template with a session open cannot be copied
        verbinding.settings_dict["NAME"] = echt
