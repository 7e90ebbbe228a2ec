import logging

from celery import shared_task

from . import importeren

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def imports_opruimen() -> None:
    """Daily: import previews never confirmed are deleted (they hold personal data)."""
    logger.info("imports_opruimen: %s files deleted", importeren.verlopen_voorbeelden_opruimen())
