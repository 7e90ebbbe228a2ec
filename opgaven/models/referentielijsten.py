"""The lists the beheerder keeps: policy domains and areas of the municipality."""

import pghistory
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import gevolgd


class GebiedSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    KERN = "kern", _("Kern")
    WIJK = "wijk", _("Wijk")
    BUURT = "buurt", _("Buurt")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Domein(models.Model):
    """A policy domain from the municipality's managed list (wonen, zorg en welzijn, ...)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(naam=""), name="domein_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Gebied(models.Model):
    """A wijk, kern or buurt of the municipality, with its CBS code where known."""

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=GebiedSoort)
    cbs_code = models.CharField(_("CBS-code"), max_length=20, blank=True)
    bovenliggend = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="onderliggend",
    )

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["naam", "soort"], name="gebied_naam_soort_uniek"),
            models.CheckConstraint(
                condition=models.Q(soort__in=GebiedSoort.values),
                name="gebied_soort_valid",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("opgaven:gebied-detail", args=[self.pk])
