"""Readiness (``/gezondheid/klaar``): can this instance do its work now?

Each check answers ``ok``, ``overgeslagen`` or a short Dutch reason. The reasons are fixed
texts: the body holds no host names, versions or messages from the services, since anyone
may ask (a load balancer has no login). What went wrong in detail goes to the log."""

import logging
import tempfile
from pathlib import Path

from celery import current_app
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

logger = logging.getLogger(__name__)

WACHTTIJD_WERKER = 2.0  # seconds a worker gets to answer


class NietKlaar(Exception):
    """A check failed; the message is the fixed reason shown in the answer."""


def _database() -> str:
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        open_migraties = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as fout:
        raise NietKlaar("niet bereikbaar") from fout
    if open_migraties:
        raise NietKlaar("migraties nog niet uitgevoerd")
    return "ok"


def _broker() -> str:
    try:
        with current_app.connection_for_write() as verbinding:
            verbinding.ensure_connection(max_retries=1, interval_start=0)
    except Exception as fout:
        raise NietKlaar("niet bereikbaar") from fout
    return "ok"


def _werker() -> str:
    """A worker answers within two seconds and can load WeasyPrint (config.celery's control
    command ``gezondheid``). The queue on disk of a development install has no broadcast."""
    if current_app.conf.broker_url.startswith("filesystem://"):
        return "overgeslagen"
    try:
        antwoorden = current_app.control.broadcast(
            "gezondheid", reply=True, timeout=WACHTTIJD_WERKER
        )
    except Exception as fout:
        raise NietKlaar("niet bereikbaar") from fout
    if not antwoorden:
        raise NietKlaar(f"geen werker antwoordde binnen {WACHTTIJD_WERKER:.0f} s")
    if not any(a.get("weasyprint") == "ok" for antwoord in antwoorden for a in antwoord.values()):
        raise NietKlaar("de werker kan geen PDF maken (WeasyPrint laadt niet)")
    return "ok"


def _bestanden() -> str:
    """Reports, exports and logos are written under MEDIA_ROOT."""
    try:
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=settings.MEDIA_ROOT, prefix=".gezondheid-") as f:
            f.write(b"ok")
            f.flush()
    except OSError as fout:
        raise NietKlaar("niet beschrijfbaar") from fout
    return "ok"


CONTROLES = {"database": _database, "wachtrij": _broker, "werker": _werker, "bestanden": _bestanden}


def controleer() -> tuple[bool, dict[str, str]]:
    """(all well, the outcome per check)."""
    uitkomst = {}
    for naam, controle in CONTROLES.items():
        try:
            uitkomst[naam] = controle()
        except NietKlaar as fout:
            logger.warning("Gezondheid: %s %s", naam, fout, exc_info=fout.__cause__)
            uitkomst[naam] = str(fout)
    goed = all(waarde in ("ok", "overgeslagen") for waarde in uitkomst.values())
    return goed, uitkomst
