"""Meldingen by e-mail (accounts.meldingen): thin tasks, safe to run twice or at once."""

from celery import shared_task

from . import meldingen
from .models import Frequentie


@shared_task(ignore_result=True)
def meldingen_mailen() -> None:
    """What goes out at once; also run every few minutes by beat (a missed hand-off)."""
    meldingen.mailen()


@shared_task(ignore_result=True)
def meldingen_opruimen() -> None:
    """Daily: meldingen older than half a year go (their texts can quote an afspraak)."""
    meldingen.opruimen()


@shared_task(ignore_result=True)
def meldingen_bundelen(frequentie: str) -> None:
    """The daily or weekly overview (beat: every morning, every Monday morning)."""
    if frequentie in (Frequentie.DAGELIJKS, Frequentie.WEKELIJKS):
        meldingen.bundelen(frequentie)
