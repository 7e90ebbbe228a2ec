import logging

from celery import shared_task
from django.db import close_old_connections

from . import services

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
        services.export_maken(export_id=export_id)
    finally:
        close_old_connections()


@shared_task(ignore_result=True)
def exports_opruimen() -> None:
    """Daily: expired export files are deleted."""
    logger.info("exports_opruimen: %s files deleted", services.verlopen_exports_opruimen())


@shared_task(ignore_result=True)
def jobs_opnieuw_aanbieden() -> None:
    """Every minute: jobs stuck in the queue are dispatched again."""
    logger.info("jobs_opnieuw_aanbieden: %s", services.vastgelopen_jobs_opnieuw_aanbieden())


@shared_task(ignore_result=True)
def conceptrapportages_klaarzetten() -> None:
    """Daily: a week before a P&C deadline, the report for that moment is drafted."""
    logger.info("conceptrapportages_klaarzetten: %s", services.concept_rapportages_klaarzetten())
