"""The kernel's housekeeping: thin tasks, safe to run twice or at once."""

from celery import shared_task
from django.conf import settings

from .models import Beveiligingsgebeurtenis


@shared_task(ignore_result=True)
def beveiligingslog_opruimen() -> None:
    """Daily: the lines of the security log kept in the app past their retention go (the
    SIEM keeps its own copy as long as its policy says)."""
    Beveiligingsgebeurtenis.opruimen(settings.BEVEILIGINGSLOG_BEWAREN_DAGEN)
