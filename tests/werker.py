"""A real Celery worker as a separate process, on the test database, and waiting for it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from config.celery import app

ROOT = Path(__file__).resolve().parents[1]


def database_env() -> dict[str, str]:
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


def kinderen(pid: int) -> list[int]:
    uit = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(regel) for regel in uit.split()]


def wacht(voorwaarde, seconden: float, wat: str):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if resultaat := voorwaarde():
            return resultaat
        time.sleep(0.1)
    raise AssertionError(f"Niet gebeurd binnen {seconden} s: {wat}")


def start_worker(*, beat: bool = False, log: Path | None = None, **env_extra) -> subprocess.Popen:
    """A worker process on the test database and the test's media folder; with ``beat``,
    running the beat schedule too (the sweeper), as ``make run`` does; its output in
    ``log`` if given (to show when a test fails)."""
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings.test"} | database_env()
    env["DJANGO_MEDIA_ROOT"] = str(settings.MEDIA_ROOT)  # the test's own folder
    schema = ["-B", "--schedule", str(Path(settings.MEDIA_ROOT).parent / "beat")] if beat else []
    return subprocess.Popen(
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
            *schema,
        ],
        cwd=ROOT,
        env=env | env_extra,
        stdout=log.open("ab") if log else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
        start_new_session=True,
    )


def start_web(poort: int, log: Path) -> subprocess.Popen:
    """The ASGI process (config/asgi.py: the live streams and the pages) under uvicorn, on
    the test database and this test process's Redis, answering on ``poort`` when it returns."""
    import requests

    env = os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings.test"} | database_env()
    env |= {"DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT), "DJANGO_CONN_MAX_AGE": "0"}
    proces = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "config.asgi:application", "--lifespan", "off"),
            *("--host", "127.0.0.1", "--port", str(poort), "--no-access-log"),
            # Open streams never end by themselves; a stop closes them after a second.
            *("--timeout-graceful-shutdown", "1"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def antwoordt():
        if proces.poll() is not None:
            raise AssertionError(f"uvicorn stopte: {log.read_text()[-2000:]}")
        try:
            return requests.get(f"http://127.0.0.1:{poort}/gezondheid/live", timeout=1).ok
        except requests.RequestException:
            return False

    wacht(antwoordt, 30, f"uvicorn op poort {poort}")
    return proces


def stop_worker(proces: subprocess.Popen) -> None:
    if proces.poll() is not None:
        return
    os.killpg(proces.pid, signal.SIGTERM)
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait(timeout=10)


def vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(poort: int) -> subprocess.Popen:
    proces = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(poort),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def bereikbaar():
        import socket

        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
        except OSError:
            return False
        return True

    wacht(bereikbaar, 10, "redis-server luistert")
    return proces


def zet_broker(url: str | None) -> None:
    """Point this process's Celery app at another broker. The pools stay open: kombu keeps
    them per broker URL and hands the original back when the URL is restored."""
    app._pool = None
    app.amqp._producer_pool = None
    app.conf.broker_url = url or settings.CELERY_BROKER_URL
    app.conf.broker_transport_options = (
        settings.REDIS_TRANSPORT_OPTIONS if url else settings.CELERY_BROKER_TRANSPORT_OPTIONS
    )
    # A running web process has loaded the transport code already (about a second of
    # imports, once per process); load it here too, so the test measures the broker wait.
    app.connection_for_write().transport  # noqa: B018
