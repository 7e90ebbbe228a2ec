"""What every background job row shares: claiming, progress, finishing, failing, files.

Reports, exports and documents are rows with status, progress and attempts (see models.py); their
tasks only carry the row's id. These helpers make each step a single conditional UPDATE,
so a task that runs twice (redelivery after a lost worker) cannot finish a job twice.
"""

import os
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from celery import current_app
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.utils import timezone

from .models import MAX_POGINGEN, Status

FOUT_ALGEMEEN = (
    "Het bestand kon niet worden gemaakt. Probeer het opnieuw; blijft dit gebeuren, "
    "neem dan contact op met de beheerder."
)


def aanbieden(job) -> None:
    """Hand the job's id to a worker (the task named ``job.TAAK``).

    By name, so this module and services never import the tasks that import them; a test
    checks that every ``TAAK`` is a registered task. Publishing retries once, quickly: a
    broker that is down must not hold a page (the sweeper offers the job again later).
    """
    current_app.send_task(job.TAAK, args=[job.pk], retry=True, **job.tijdslimieten())


def claim(model, pk: int) -> bool:
    """Take the job if it is still to be done and has attempts left; mark it failed if not."""
    claimed = model.objects.filter(
        pk=pk, status__in=[Status.WACHTRIJ, Status.BEZIG], pogingen__lt=MAX_POGINGEN
    ).update(status=Status.BEZIG, pogingen=F("pogingen") + 1, gestart_op=timezone.now())
    if not claimed:
        model.objects.filter(pk=pk, status__in=[Status.WACHTRIJ, Status.BEZIG]).update(
            status=Status.MISLUKT, foutmelding=FOUT_ALGEMEEN, voltooid_op=timezone.now()
        )
    return bool(claimed)


@contextmanager
def hartslag(model, pk: int):
    """While the block runs, the job's ``hartslag`` is renewed every JOB_HARTSLAG seconds,
    from a thread of its own (the layout of a large PDF is one step of half a minute that
    reports nothing). When the whole worker dies, the heartbeat stops with it, and the
    sweeper (vastgelopen_jobs_opnieuw_aanbieden) offers the job again."""
    stop = threading.Event()

    def kloppen():
        try:
            while True:
                model.objects.filter(pk=pk).update(hartslag=timezone.now())
                if stop.wait(settings.JOB_HARTSLAG):
                    return
        finally:
            connection.close()  # this thread's own connection

    draad = threading.Thread(target=kloppen, name=f"hartslag-{model.__name__}-{pk}", daemon=True)
    draad.start()
    try:
        yield
    finally:
        stop.set()
        draad.join(timeout=10)


def voortgang(model, pk: int, gedaan: int, totaal: int) -> None:
    model.objects.filter(pk=pk).update(voortgang=gedaan, totaal=totaal)


def stap(model, pk: int, stap: str) -> None:
    model.objects.filter(pk=pk).update(stap=stap, stap_sinds=timezone.now())


def klaar(model, pk: int, bestand: str) -> None:
    model.objects.filter(pk=pk, status=Status.BEZIG).update(
        status=Status.KLAAR, bestand=bestand, voltooid_op=timezone.now()
    )


def mislukt(model, pk: int, foutmelding: str = FOUT_ALGEMEEN) -> None:
    model.objects.filter(pk=pk).update(
        status=Status.MISLUKT, foutmelding=foutmelding, voltooid_op=timezone.now()
    )


def schrijf_atomair(path: Path, data: bytes | None = None, schrijver=None) -> None:
    """Write under a temporary name and rename: a rerun replaces, never duplicates.

    Either ``data`` is written, or ``schrijver(tmp_path)`` writes the file itself.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            if data is not None:
                handle.write(data)
        if schrijver is not None:
            schrijver(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
