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
