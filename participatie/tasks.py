import logging

from celery import shared_task
from django.conf import settings

from . import aanmelden, importeren, meldingen, services
from .models import Stakeholder

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def imports_opruimen() -> None:
    """Daily: import previews never confirmed are deleted (they hold personal data)."""
    logger.info("imports_opruimen: %s files deleted", importeren.verlopen_voorbeelden_opruimen())


@shared_task(ignore_result=True)
def bewaartermijn() -> None:
    """Daily: persons past their retention date are counted, and anonymised when the
    municipality switched that on (BEWAARTERMIJN_ANONIMISEREN); never named in the log."""
    weg = aanmelden.opruimen()
    logger.info("bewaartermijn: %s sign-ups of past sessions removed", weg)
    verlopen = list(Stakeholder.objects.bewaartermijn_verstreken())
    if not settings.BEWAARTERMIJN_ANONIMISEREN:
        logger.info("bewaartermijn: %s persons past retention (not anonymised: off)", len(verlopen))
        return
    for persoon in verlopen:
        services.persoon_anonimiseren(stakeholder=persoon)
    logger.info("bewaartermijn: %s persons past retention anonymised", len(verlopen))


@shared_task(ignore_result=True)
def aanmeldingen_herinneren() -> None:
    """Daily: residents with a place in tomorrow's session are reminded (once)."""
    logger.info("aanmeldingen: %s reminders sent", aanmelden.herinneren())


@shared_task(ignore_result=True)
def meldingen_zoeken() -> None:
    """Daily: afspraken, vervolgacties and actiepunten due in three days or overdue, inbreng
    waiting 14 days for terugkoppeling (participatie.meldingen; safe to run twice)."""
    meldingen.zoeken()
