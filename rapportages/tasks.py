import logging

from celery import Task, shared_task
from celery.exceptions import TimeLimitExceeded
from django.db import close_old_connections

from . import documenten, jobs, meldingen, services
from .models import Document, Export, Rapportage

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=300,
    time_limit=360,
    ignore_result=True,
)
def render_rapportage(rapportage_id: int) -> None:
    """Render one programme report; the job row says whether there is work left."""
    logger.info("render_rapportage %s", rapportage_id)
    close_old_connections()
    try:
        with jobs.hartslag(Rapportage, rapportage_id):
            services.rapportage_render(rapportage_id=rapportage_id)
    finally:
        close_old_connections()


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=600,
    time_limit=660,
    ignore_result=True,
)
def render_export(export_id: int) -> None:
    """Write one spreadsheet export; the job row says whether there is work left."""
    logger.info("render_export %s", export_id)
    close_old_connections()
    try:
        with jobs.hartslag(Export, export_id):
            services.export_maken(export_id=export_id)
    finally:
        close_old_connections()


class DocumentTaak(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        """Past the hard limit the worker kills the child; this runs in the worker itself.
        (WeasyPrint may swallow the soft limit's exception in places, so the hard limit
        is what bounds a document; the user gets the same message either way.)"""
        if isinstance(exc, TimeLimitExceeded):
            documenten.document_te_lang(document_id=args[0])


@shared_task(
    base=DocumentTaak,
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    **Document.tijdslimieten(),
)
def render_document(document_id: int) -> None:
    """Lay out one document (canvas A3, terugkoppeling) within DOCUMENT_TIJDSLIMIET."""
    logger.info("render_document %s", document_id)
    close_old_connections()
    try:
        with jobs.hartslag(Document, document_id):
            documenten.document_maken(document_id=document_id)
    finally:
        close_old_connections()


@shared_task(ignore_result=True)
def bestanden_opruimen() -> None:
    """Every six hours: expired export and document files are deleted."""
    logger.info("bestanden_opruimen: %s files deleted", services.verlopen_bestanden_opruimen())


@shared_task(ignore_result=True)
def jobs_opnieuw_aanbieden() -> None:
    """Every JOBS_NAKIJKEN seconds: jobs stuck in the queue, or whose worker died (their
    heartbeat stopped), are dispatched again."""
    if aantal := services.vastgelopen_jobs_opnieuw_aanbieden():  # quiet when there is none
        logger.info("jobs_opnieuw_aanbieden: %s", aantal)


@shared_task(ignore_result=True)
def conceptrapportages_klaarzetten() -> None:
    """Daily: a week before a P&C deadline, the report for that moment is drafted."""
    logger.info("conceptrapportages_klaarzetten: %s", services.concept_rapportages_klaarzetten())


@shared_task(ignore_result=True)
def meldingen_zoeken() -> None:
    """Daily: P&C deadlines 14 and 3 days ahead for the regisseurs (safe to run twice)."""
    meldingen.zoeken()
