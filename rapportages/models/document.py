"""PDFs made on request from a page (the canvas on A3, the terugkoppeling), as jobs.

Laying out a PDF can take long (a canvas full of long texts), so it never happens in a
web request: the page asks for a document, a worker makes it within a time limit, and
the page offers the download. A document is kept by the hash of its HTML: asking again
for an unchanged canvas gives the file already made.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canvas.models import CanvasVersie
from opgaven.models import Opgave
from participatie.models import Thematafel

from .job import Job, Status

# A document that failed for content that has not changed is not tried again for this
# long: asking again must not cost a worker another full time limit.
OPNIEUW_NA_MISLUKKEN = datetime.timedelta(minutes=10)


class DocumentQuerySet(models.QuerySet):
    def hergebruikbaar(self) -> "DocumentQuerySet":
        """Documents that asking again joins: made (and not yet removed), being made, or
        failed so recently that the same content would fail again."""
        return self.filter(
            models.Q(status__in=[Status.WACHTRIJ, Status.BEZIG])
            | models.Q(status=Status.KLAAR) & ~models.Q(bestand="")
            | models.Q(
                status=Status.MISLUKT, voltooid_op__gte=timezone.now() - OPNIEUW_NA_MISLUKKEN
            )
        )


class Document(Job):
    TAAK = "rapportages.tasks.render_document"

    class Soort(models.TextChoices):
        CANVAS = "canvas", _("Canvas op A3")
        TERUGKOPPELING = "terugkoppeling", _("Terugkoppeling voor deelnemers")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort)
    opgave = models.ForeignKey(
        Opgave,
        verbose_name=_("opgave"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documenten",
    )
    # A frozen canvas version; empty for the canvas as it is now.
    versie = models.ForeignKey(
        CanvasVersie,
        verbose_name=_("versie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documenten",
    )
    thematafel = models.ForeignKey(
        Thematafel,
        verbose_name=_("thematafel"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="documenten",
    )
    # SHA-256 of the HTML the PDF was laid out from (the request's, until a worker made it).
    inhoud_hash = models.CharField(_("inhoud-hash"), max_length=64, db_index=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bestand = models.FileField(_("bestand"), upload_to="documenten/", blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="document_status_valid"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(soort="canvas", opgave__isnull=False, thematafel__isnull=True)
                    | models.Q(
                        soort="terugkoppeling",
                        thematafel__isnull=False,
                        opgave__isnull=True,
                        versie__isnull=True,
                    )
                ),
                name="document_onderwerp_past_bij_soort",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.onderwerp}"

    def get_absolute_url(self):
        return reverse("rapportages:document-detail", args=[self.pk])

    @classmethod
    def tijdslimieten(cls) -> dict:
        """Also the task's own limits (rapportages.tasks): one source."""
        return {
            "soft_time_limit": settings.DOCUMENT_TIJDSLIMIET,
            "time_limit": settings.DOCUMENT_TIJDSLIMIET + 10,
        }

    @property
    def onderwerp(self) -> str:
        if self.soort == self.Soort.TERUGKOPPELING:
            return self.thematafel.thema
        if self.versie_id:
            return f"{self.opgave.titel} ({self.versie.naam})"
        return self.opgave.titel

    @property
    def bestandsnaam(self) -> str:
        """The file's name in storage, and as saved (the document names no one)."""
        if self.soort == self.Soort.TERUGKOPPELING:
            return f"terugkoppeling-{self.thematafel_id}.pdf"
        versie = f"-versie-{self.versie_id}" if self.versie_id else ""
        return f"canvas-{self.opgave_id}{versie}.pdf"
