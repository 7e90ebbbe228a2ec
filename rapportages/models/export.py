"""Spreadsheet exports: a job per file, only for its requester, for a week."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .job import Job, Status


class ExportQuerySet(models.QuerySet):
    def van(self, user) -> "ExportQuerySet":
        """Exports are personal: only the one who asked for a file sees it (AVG)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(aangevraagd_door=user)


class Export(Job):
    """A spreadsheet export job; like a report, the row is the truth and the file expires."""

    TAAK = "rapportages.tasks.render_export"

    class Soort(models.TextChoices):
        STAKEHOLDERS = "stakeholders", _("Stakeholders")
        OPGAVEN = "opgaven", _("Opgaven")
        ACTIEPUNTEN = "actiepunten", _("Actiepunten")
        BEGROTINGSREGELS = "begrotingsregels", _("Begrotingsregels")
        GEBRUIKERS = "gebruikers", _("Accounts, rollen en teams")

    # Kinds whose files may hold a stakeholder's personal data: deleted when one is erased.
    MET_PERSONEN = (Soort.STAKEHOLDERS, Soort.ACTIEPUNTEN)

    class Formaat(models.TextChoices):
        XLSX = "xlsx", _("Excel (.xlsx)")
        CSV = "csv", _("CSV")

    soort = models.CharField(_("soort"), max_length=30, choices=Soort)
    formaat = models.CharField(_("formaat"), max_length=10, choices=Formaat)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.CASCADE,
        related_name="exports",
    )
    bestand = models.FileField(_("bestand"), upload_to="exports/", blank=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))

    objects = ExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="export_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(formaat__in=["xlsx", "csv"]), name="export_formaat_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(voortgang__lte=models.F("totaal")) | models.Q(totaal=0),
                name="export_voortgang_binnen_totaal",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.get_formaat_display()})"

    def get_absolute_url(self):
        return reverse("rapportages:export-detail", args=[self.pk])

    @property
    def is_verlopen(self) -> bool:
        return self.verloopt_op <= timezone.now()

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.pk}.{self.formaat}"
