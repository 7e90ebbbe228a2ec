"""One migrated database that every test process copies its own test database from.

Migrating this project takes about 35 s of CPU (Django re-renders the model state for each
of some 90 migrations); every pytest-xdist process did it again for its own database.
Now the first process migrates a template once, under a file lock, and every process's
test database is a copy of it (``CREATE DATABASE ... TEMPLATE``, about a second); Django's
migrate then finds nothing left to do. The template's name carries a fingerprint of every
migration and of the lock file, so a changed migration or package builds a new one (and
removes the old ones); an unchanged one is reused by the next run on the same server.
"""

import fcntl
import hashlib
from pathlib import Path

from django.core.management import call_command
from django.db import connections

ROOT = Path(__file__).resolve().parent.parent
SLOT = ROOT / "var" / "test" / "sjabloon.lock"


def _vingerafdruk() -> str:
    h = hashlib.sha256()
    for pad in [*sorted(ROOT.glob("*/migrations/*.py")), ROOT / "uv.lock"]:
        h.update(pad.relative_to(ROOT).as_posix().encode())
        h.update(pad.read_bytes())
    return h.hexdigest()[:12]


def zorg_voor_sjabloon() -> str:
    """The name of a migrated template database for this code, made if it is missing."""
    verbinding = connections["default"]
    basis = verbinding.settings_dict["NAME"]
    naam = f"sjabloon_{basis}_{_vingerafdruk()}"[:63]
    SLOT.parent.mkdir(parents=True, exist_ok=True)
    with SLOT.open("w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)  # one process builds; the others wait for it
        with verbinding._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s",
                [f"sjabloon\\_{basis}\\_%"],
            )
            bestaand = {rij[0] for rij in cursor.fetchall()}
            for oud in bestaand - {naam}:
                cursor.execute(f'DROP DATABASE IF EXISTS "{oud}"')
            if naam not in bestaand:
                cursor.execute(f'CREATE DATABASE "{naam}"')
                _migreer(verbinding, naam, cursor)
    return naam


def _migreer(verbinding, naam: str, cursor) -> None:
    echt = verbinding.settings_dict["NAME"]
    verbinding.close()
    verbinding.settings_dict["NAME"] = naam
    try:
        call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
    except BaseException:
        verbinding.close()
        cursor.execute(f'DROP DATABASE IF EXISTS "{naam}"')  # never a half-built template
        raise
    finally:
        verbinding.close()  # a template with a session open cannot be copied
        verbinding.settings_dict["NAME"] = echt
