"""Documents asked for from a page (the canvas on A3, the terugkoppeling) as jobs: asked
for in a request (only the template is rendered, for its hash), laid out by a worker
within ``DOCUMENT_TIJDSLIMIET``."""

import logging
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canvas.documenten import canvas_bron, canvas_pdf
from core.pdfbron import Bron
from participatie.documenten import terugkoppeling_bron, terugkoppeling_pdf

from . import jobs
from .models import Document, Status

logger = logging.getLogger(__name__)


def _bron(document: Document) -> Bron:
    if document.soort == Document.Soort.TERUGKOPPELING:
        return terugkoppeling_bron(thematafel=document.thematafel)
    return canvas_bron(opgave=document.opgave, versie=document.versie)


def _pdf(document: Document, bron: Bron) -> bytes:
    if document.soort == Document.Soort.TERUGKOPPELING:
        return terugkoppeling_pdf(bron)
    return canvas_pdf(bron)


@transaction.atomic
def document_aanvragen(*, user, soort: str, opgave=None, versie=None, thematafel=None) -> Document:
    """The document for this content: the one already made or being made, or a new job.

    The HTML is built here (a template, milliseconds) only for its hash; the layout, which
    can take minutes, happens in a worker within ``DOCUMENT_TIJDSLIMIET``.
    """
    document = Document(
        soort=soort,
        opgave=opgave,
        versie=versie,
        thematafel=thematafel,
        aangevraagd_door=user,
        totaal=1,
    )
    document.inhoud_hash = _bron(document).hash
    bestaand = (
        Document.objects.hergebruikbaar()
        .filter(
            soort=soort,
            opgave=opgave,
            versie=versie,
            thematafel=thematafel,
            inhoud_hash=document.inhoud_hash,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if bestaand is not None:
        return bestaand
    document.save()
    transaction.on_commit(lambda: jobs.aanbieden(document), robust=True)
    return document


def document_tijdslimiet_melding() -> str:
    return _(
        "Het document kon niet binnen %(seconden)s seconden worden opgemaakt: er staat te veel "
        "tekst in. Kort de langste teksten in en vraag het document opnieuw aan."
    ) % {"seconden": settings.DOCUMENT_TIJDSLIMIET}


def document_te_lang(*, document_id: int) -> None:
    logger.warning("Document %s: not laid out within the time limit", document_id)
    jobs.mislukt(Document, document_id, document_tijdslimiet_melding())


def document_maken(*, document_id: int) -> None:
    """Claim the document, lay it out, store it atomically. Safe to run twice.

    The worker builds the HTML again from the data as they are now, and records the hash of
    what it laid out.
    """
    if not jobs.claim(Document, document_id):
        return
    document = Document.objects.select_related("opgave", "versie", "thematafel").get(pk=document_id)
    naam = f"documenten/{document.pk}-{document.bestandsnaam}"
    try:
        bron = _bron(document)
        jobs.schrijf_atomair(Path(settings.MEDIA_ROOT) / naam, _pdf(document, bron))
    except SoftTimeLimitExceeded:
        document_te_lang(document_id=document_id)
        return
    except Exception:
        logger.exception("Document %s failed", document_id)
        jobs.mislukt(Document, document_id)
        return
    Document.objects.filter(pk=document_id, status=Status.BEZIG).update(
        status=Status.KLAAR,
        bestand=naam,
        voortgang=1,
        inhoud_hash=bron.hash,
        voltooid_op=timezone.now(),
    )
