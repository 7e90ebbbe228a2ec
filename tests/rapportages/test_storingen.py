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

from accounts.models import User
from config.celery import app
from rapportages import services
from rapportages.models import Rapportage, Status
from tests.demo_kopie import demodata
from tests.werker import (
    ROOT,
    database_env,
    kinderen,
    start_redis,
    start_worker,
    stop_worker,
    vrije_poort,
    wacht,
    zet_broker,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker_proces():
    app.control.purge()
    proces = start_worker()
    try:
        yield proces
    finally:
        stop_worker(proces)


def test_killing_the_rendering_worker_still_yields_exactly_one_report(worker_proces):
    demodata()  # fourteen opgaven: a render takes long enough to interrupt
    beheerder = User.objects.get(username="beheerder")
    rapportage = services.rapportage_aanvragen(opgave=None, user=beheerder)

    def midden_in_de_render():
        rapportage.refresh_from_db()
        return rapportage.status == Status.BEZIG and rapportage.voortgang >= 1

    wacht(midden_in_de_render, 120, "de worker is begonnen met renderen")
    (kind,) = kinderen(worker_proces.pid)
    os.kill(kind, signal.SIGKILL)

    def klaar():
        rapportage.refresh_from_db()
        return rapportage.is_afgelopen

    wacht(klaar, 180, "de rapportage is opnieuw gemaakt")
    assert rapportage.status == Status.KLAAR, rapportage.foutmelding
    assert rapportage.pogingen == 2
    assert Rapportage.objects.count() == 1
    pad = Path(settings.MEDIA_ROOT) / rapportage.bestand.name
    try:
        assert len(pypdf.PdfReader(io.BytesIO(pad.read_bytes())).pages) > 14
        assert not list(pad.parent.glob(".tmp-*")), "a half-written file was left behind"
    finally:
        pad.unlink(missing_ok=True)


def test_with_redis_stopped_a_report_request_answers_fast_and_completes_later(users, opgave):
    from django.urls import reverse

    from tests.conftest import client_for

    poort = vrije_poort()
    url = f"redis://127.0.0.1:{poort}/0"
    redis = start_redis(poort)
    zet_broker(url)
    worker = None
    try:
        redis.terminate()
        redis.wait(timeout=10)
        client = client_for(users["regisseur"])
        begin = time.monotonic()
        response = client.post(reverse("rapportages:rapportage-create"), {"opgave": opgave.pk})
        duur = time.monotonic() - begin
        assert response.status_code == 302
        print(f"aanvraag zonder Redis: {duur:.2f} s")
        assert duur < 1.0, f"{duur:.2f} s"
        rapportage = Rapportage.objects.get()
        assert rapportage.status == Status.WACHTRIJ

        redis = start_redis(poort)
        env = os.environ | {"DJANGO_SETTINGS_MODULE": "config.settings.test", "REDIS_URL": url}
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env | database_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        import datetime

        assert services.vastgelopen_jobs_opnieuw_aanbieden(ouder_dan=datetime.timedelta(0)) == 1

        def klaar():
            rapportage.refresh_from_db()
            return rapportage.is_afgelopen

        wacht(klaar, 120, "de rapportage is gemaakt nadat Redis terug was")
        assert rapportage.status == Status.KLAAR, rapportage.foutmelding
        (Path(settings.MEDIA_ROOT) / rapportage.bestand.name).unlink(missing_ok=True)
    finally:
        if worker is not None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=20)
        redis.terminate()
        redis.wait(timeout=10)
        zet_broker(None)


def _filesystem_broker() -> None:
    """This process on the file-system broker that ``make run`` uses without Redis."""
    app._pool = None
    app.amqp._producer_pool = None
    wachtrij = Path(settings.VAR_DIR) / "celery-queue"
    app.conf.broker_url = "filesystem://"
    app.conf.broker_transport_options = {
        "data_folder_in": str(wachtrij),
        "data_folder_out": str(wachtrij),
        "processed_folder": str(Path(settings.VAR_DIR) / "celery-processed"),
        "control_folder": str(Path(settings.VAR_DIR) / "celery-control"),
        "store_processed": False,
    }
    wachtrij.mkdir(parents=True, exist_ok=True)
    for bericht in wachtrij.glob("*"):
        bericht.unlink()


@pytest.mark.parametrize("broker", ["redis", "filesystem"])
def test_a_job_survives_the_whole_worker_being_killed(broker):
    """Found by a probe: SIGKILL to the worker's whole process group (not only the pool
    child) in the middle of a render left the report "bezig" until the sweeper's twelve
    minutes. The job's heartbeat stops with its worker; after a restart the sweeper (beat,
    in the worker as with ``make run``) offers it again and it is finished within a minute,
    once, on Redis and on the file-system broker. The heartbeat's seconds are shortened
    (1 s, silent after 4, swept every 2) so the test waits seconds, not a minute."""
    # Shorter than the defaults (5, 20, 15 s): the same mechanism, a test that waits seconds.
    env = {"JOB_HARTSLAG": "1", "JOB_HARTSLAG_STIL": "4", "JOBS_NAKIJKEN": "2"}
    if broker == "filesystem":
        _filesystem_broker()
        env["REDIS_URL"] = ""
    else:
        app.control.purge()
    eerste = tweede = None
    try:
        demodata()
        beheerder = User.objects.get(username="beheerder")
        eerste = start_worker(**env)
        rapportage = services.rapportage_aanvragen(opgave=None, user=beheerder)

        def midden_in_de_render():
            rapportage.refresh_from_db()
            return rapportage.status == Status.BEZIG and rapportage.voortgang >= 1

        wacht(midden_in_de_render, 120, "de worker is begonnen met renderen")
        os.killpg(eerste.pid, signal.SIGKILL)
        eerste.wait(timeout=10)
        rapportage.refresh_from_db()
        assert rapportage.status == Status.BEZIG  # nobody is working on it any more

        log = Path(settings.MEDIA_ROOT).parent / "worker.log"
        tweede = start_worker(beat=True, log=log, **env)

        def opnieuw_begonnen():
            rapportage.refresh_from_db()
            return rapportage.pogingen == 2

        def klaar():
            rapportage.refresh_from_db()
            return rapportage.is_afgelopen

        # The behaviour asked for: taken up again within a minute of the restart, nobody
        # intervening (seconds here); then made, however busy the machine is.
        try:
            wacht(opnieuw_begonnen, 60, "de rapportage is binnen een minuut opnieuw begonnen")
            wacht(klaar, 180, "de rapportage is gemaakt")
        except AssertionError as fout:
            raise AssertionError(f"{fout}\n{log.read_text()[-3000:]}") from None
        assert (rapportage.status, rapportage.pogingen) == (Status.KLAAR, 2)
        gemaakt = list((Path(settings.MEDIA_ROOT) / "rapportages").iterdir())
        assert [p.name for p in gemaakt] == [rapportage.bestandsnaam]  # once, no leftovers
        (Path(settings.MEDIA_ROOT) / rapportage.bestand.name).unlink(missing_ok=True)
    finally:
        for proces in (eerste, tweede):
            if proces is not None:
                stop_worker(proces)
        if broker == "filesystem":
            zet_broker(None)
