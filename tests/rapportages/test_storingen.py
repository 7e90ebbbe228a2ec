"""Failures that really happen: a worker process killed in the middle of a render.

A real Celery worker runs as a separate process (prefork, one child); the test kills the
child that is rendering. Late acknowledgement with reject-on-worker-lost puts the task back
in the queue, the next child claims the same row again, and exactly one report is finished.
"""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from accounts.models import User
from config.celery import app
from rapportages import services
from rapportages.models import Rapportage, Status

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


def _database_env() -> dict[str, str]:
    """The test database for another process (a TCP server, or the embedded one's socket)."""
    db = connection.settings_dict
    wachtwoord = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host, poort = db.get("HOST") or "127.0.0.1", db.get("PORT") or "5432"
    if host.startswith("/"):
        # libpq reads a socket directory from PGHOST when the URL has no host.
        return {
            "DATABASE_URL": f"postgres://{db['USER']}{wachtwoord}@/{db['NAME']}",
            "PGHOST": host,
            "PGPORT": poort,
        }
    return {"DATABASE_URL": f"postgres://{db['USER']}{wachtwoord}@{host}:{poort}/{db['NAME']}"}


def _kinderen(pid: int) -> list[int]:
    uit = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(regel) for regel in uit.split()]


def _wacht(voorwaarde, seconden: float, wat: str):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if resultaat := voorwaarde():
            return resultaat
        time.sleep(0.1)
    raise AssertionError(f"Niet gebeurd binnen {seconden} s: {wat}")


@pytest.fixture
def worker_proces():
    app.control.purge()
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings.test"} | _database_env()
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield proces
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=10)


def test_killing_the_rendering_worker_still_yields_exactly_one_report(worker_proces):
    call_command("demodata")  # fourteen opgaven: a render takes long enough to interrupt
    beheerder = User.objects.get(username="beheerder")
    rapportage = services.rapportage_aanvragen(opgave=None, user=beheerder)

    def midden_in_de_render():
        rapportage.refresh_from_db()
        return rapportage.status == Status.BEZIG and rapportage.voortgang >= 1

    _wacht(midden_in_de_render, 120, "de worker is begonnen met renderen")
    (kind,) = _kinderen(worker_proces.pid)
    os.kill(kind, signal.SIGKILL)

    def klaar():
        rapportage.refresh_from_db()
        return rapportage.is_afgelopen

    _wacht(klaar, 180, "de rapportage is opnieuw gemaakt")
    assert rapportage.status == Status.KLAAR, rapportage.foutmelding
    assert rapportage.pogingen == 2
    assert Rapportage.objects.count() == 1
    pad = Path(settings.MEDIA_ROOT) / rapportage.bestand.name
    try:
        assert len(pypdf.PdfReader(io.BytesIO(pad.read_bytes())).pages) > 14
        assert not list(pad.parent.glob(".tmp-*")), "a half-written file was left behind"
    finally:
        pad.unlink(missing_ok=True)
