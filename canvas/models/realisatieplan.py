"""The realisatieplan: who carries out each activity, when, how far; milestones."""

import pghistory
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd

from .items import Blok, CanvasItem


class UitvoeringStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    LOOPT = "loopt", _("Loopt")
    VERTRAAGD = "vertraagd", _("Vertraagd")
    AFGEROND = "afgerond", _("Afgerond")
    GESTOPT = "gestopt", _("Gestopt")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Uitvoering(TimeStampedModel):
    """The realisatieplan for one activity: who carries it out, when, and how far it is."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("%(activiteit)s door %(partner)s")

    activiteit = models.OneToOneField(
        CanvasItem,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="uitvoering",
        limit_choices_to={"blok": Blok.ACTIVITEITEN},
    )
    partner = models.CharField(
        _("uitvoerende partner"),
        max_length=200,
        blank=True,
        help_text=_("Als een partnerorganisatie de activiteit trekt."),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    eind = models.DateField(_("eind"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=UitvoeringStatus, default=UitvoeringStatus.GEPLAND
    )
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("uitvoering")
        verbose_name_plural = _("uitvoering")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=UitvoeringStatus.values),
                name="uitvoering_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(voortgang__lte=100), name="uitvoering_voortgang_max_100"
            ),
            models.CheckConstraint(
                condition=models.Q(eind__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(eind__gte=models.F("start")),
                name="uitvoering_eind_na_start",
            ),
        ]

    def __str__(self):
        return f"{self.activiteit}: {self.get_status_display()}"


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Mijlpaal(models.Model):
    """A dated point an activity must reach."""

    activiteit = models.ForeignKey(
        CanvasItem,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="mijlpalen",
        limit_choices_to={"blok": Blok.ACTIVITEITEN},
    )
    naam = models.CharField(_("naam"), max_length=200)
    datum = models.DateField(_("datum"))
    behaald = models.BooleanField(_("behaald"), default=False)

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(naam=""), name="mijlpaal_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam
