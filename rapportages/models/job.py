"""A background job as a database row: status, progress, attempts (Sentry's data export)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_POGINGEN = 3


class Status(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


class Job(models.Model):
    """What report and export jobs share: the row is the truth (status, progress, attempts);
    the Celery task that does the work only carries the row's id."""

    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.WACHTRIJ)
    voortgang = models.PositiveIntegerField(_("voortgang"), default=0)
    totaal = models.PositiveIntegerField(_("totaal"), default=0)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    voltooid_op = models.DateTimeField(_("voltooid op"), null=True, blank=True)
    # Renewed every few seconds while a worker has the job (rapportages.jobs.hartslag): a
    # job whose heartbeat stopped lost its worker and is offered again within a minute.
    hartslag = models.DateTimeField(_("laatste teken van leven"), null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def tijdslimieten(cls) -> dict:
        """Time limits sent with the task (they go before the task's own, which the sending
        process's registry would otherwise put in the message); none: the task's own."""
        return {}

    @property
    def is_afgelopen(self) -> bool:
        return self.status in (Status.KLAAR, Status.MISLUKT)
