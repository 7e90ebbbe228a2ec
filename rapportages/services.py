import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from opgaven.models import Opgave

from .models import MAX_POGINGEN, Rapportage, Status

logger = logging.getLogger(__name__)

FOUT_ALGEMEEN = (
    "De rapportage kon niet worden gemaakt. Probeer het opnieuw; blijft dit gebeuren, "
    "neem dan contact op met de beheerder."
)


@transaction.atomic
def rapportage_aanvragen(*, opgave: Opgave | None, user) -> Rapportage:
    """Create the job row and hand it to a worker once the transaction commits."""
    totaal = 1 if opgave is not None else Opgave.objects.count()
    rapportage = Rapportage.objects.create(opgave=opgave, aangevraagd_door=user, totaal=totaal)
    # robust: a broker that is down must not turn this request into an error; the row
    # stays "wachtrij" and can be dispatched again.
    transaction.on_commit(lambda: _dispatch(rapportage.pk), robust=True)
    return rapportage


def _dispatch(rapportage_id: int) -> None:
    from .tasks import render_rapportage

    render_rapportage.apply_async(args=[rapportage_id], retry=True)


def rapportage_render(*, rapportage_id: int) -> None:
    """Claim the job, render its PDF, store it atomically. Safe to run twice."""
    claimed = Rapportage.objects.filter(
        pk=rapportage_id, status__in=[Status.WACHTRIJ, Status.BEZIG], pogingen__lt=MAX_POGINGEN
    ).update(status=Status.BEZIG, pogingen=F("pogingen") + 1, gestart_op=timezone.now())
    if not claimed:
        given_up = Rapportage.objects.filter(
            pk=rapportage_id, status__in=[Status.WACHTRIJ, Status.BEZIG]
        ).update(status=Status.MISLUKT, foutmelding=FOUT_ALGEMEEN, voltooid_op=timezone.now())
        logger.info(
            "Rapportage %s not claimed (done, gone or given up: %s)", rapportage_id, given_up
        )
        return

    rapportage = Rapportage.objects.select_related("opgave").get(pk=rapportage_id)
    opgaven = (
        Opgave.objects.filter(pk=rapportage.opgave_id)
        if rapportage.opgave_id
        else Opgave.objects.all()
    )

    def progress(done: int, total: int) -> None:
        Rapportage.objects.filter(pk=rapportage_id).update(voortgang=done, totaal=total)

    # WeasyPrint takes seconds to import: only the worker that renders pays for it.
    from .renderers import programmarapportage_pdf

    try:
        pdf = programmarapportage_pdf(opgaven, titel=rapportage.titel, on_progress=progress)
        name = f"rapportages/{rapportage.bestandsnaam}"
        _write_atomically(Path(settings.MEDIA_ROOT) / name, pdf)
    except Exception:
        logger.exception("Rapportage %s failed", rapportage_id)
        Rapportage.objects.filter(pk=rapportage_id).update(
            status=Status.MISLUKT, foutmelding=FOUT_ALGEMEEN, voltooid_op=timezone.now()
        )
        return
    Rapportage.objects.filter(pk=rapportage_id, status=Status.BEZIG).update(
        status=Status.KLAAR, bestand=name, voltooid_op=timezone.now()
    )
    logger.info("Rapportage %s ready (%d bytes)", rapportage_id, len(pdf))


def _write_atomically(path: Path, data: bytes) -> None:
    """Write under a temporary name and rename: a rerun replaces, never duplicates."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
