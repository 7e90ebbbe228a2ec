"""The shared budget: financiers and lines per year, activity and financier."""

import pghistory
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave

from .items import Blok, CanvasItem


class FinancierSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    PARTNER = "partner", _("Partner")
    PROVINCIE = "provincie", _("Provincie")
    RIJK = "rijk", _("Rijk of subsidie")
    OVERIG = "overig", _("Overig")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Financier(TimeStampedModel):
    """Who pays for part of an opgave's plan: the municipality (per begrotingsprogramma),
    partners, the province, the state."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="financiers"
    )
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=20, choices=FinancierSoort)
    begrotingsprogramma = models.CharField(
        _("begrotingsprogramma"),
        max_length=150,
        blank=True,
        help_text=_("Bij de gemeente: het programma in de begroting."),
    )

    class Meta:
        verbose_name = _("financier")
        verbose_name_plural = _("financiers")
        ordering = ["soort", "naam", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["opgave", "naam"], name="financier_naam_uniek"),
            models.CheckConstraint(
                condition=models.Q(soort__in=FinancierSoort.values), name="financier_soort_valid"
            ),
            models.CheckConstraint(condition=~models.Q(naam=""), name="financier_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam


class BegrotingsregelQuerySet(models.QuerySet):
    def opslaan(self, *, opgave: Opgave, jaar: int, activiteit, financier, begroot, realisatie):
        """The line for this year, activity and financier: new, or updated (never doubled)."""
        regel, _aangemaakt = self.update_or_create(
            jaar=jaar,
            activiteit=activiteit,
            financier=financier,
            defaults={"opgave": opgave, "begroot": begroot, "realisatie": realisatie},
        )
        return regel


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Begrotingsregel(TimeStampedModel):
    """What one financier puts into one activity in one year: planned and realised, in euros."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("%(activiteit)s, %(financier)s, %(jaar)s")

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="begrotingsregels"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    activiteit = models.ForeignKey(
        CanvasItem,
        verbose_name=_("activiteit"),
        on_delete=models.PROTECT,
        related_name="begrotingsregels",
        limit_choices_to={"blok": Blok.ACTIVITEITEN},
    )
    financier = models.ForeignKey(
        Financier,
        verbose_name=_("financier"),
        on_delete=models.PROTECT,
        related_name="begrotingsregels",
    )
    begroot = models.DecimalField(
        _("begroot"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    realisatie = models.DecimalField(
        _("realisatie"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )

    objects = BegrotingsregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        ordering = ["jaar", "activiteit__volgorde", "financier__naam", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaar", "activiteit", "financier"], name="begrotingsregel_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(jaar__gte=2000, jaar__lte=2100), name="begrotingsregel_jaar"
            ),
            models.CheckConstraint(
                condition=models.Q(begroot__gte=0, realisatie__gte=0),
                name="begrotingsregel_niet_negatief",
            ),
        ]

    def __str__(self):
        return f"{self.jaar} {self.activiteit_id} {self.financier_id}"
