"""Signalen uit de praktijk: a colleague tells an opgave that policy does not fit."""

import pghistory
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave


class SignaalStatus(models.TextChoices):
    NIEUW = "nieuw", _("Wacht op antwoord")
    BEANTWOORD = "beantwoord", _("Beantwoord")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Signaal(TimeStampedModel):
    """A colleague's report that policy does not fit reality, routed to an opgave."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="signalen"
    )
    titel = models.CharField(_("titel"), max_length=200)
    beschrijving = models.TextField(_("wat gaat er mis in de praktijk?"), max_length=4000)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.PROTECT,
        related_name="ingediende_signalen",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignaalStatus, default=SignaalStatus.NIEUW
    )
    antwoord = models.TextField(_("antwoord"), max_length=4000, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SignaalStatus.values), name="signaal_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=SignaalStatus.BEANTWOORD) | ~models.Q(antwoord=""),
                name="signaal_beantwoord_met_antwoord",
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("participatie:signaal-detail", args=[self.pk])

    def doorsturen(self, opgave: Opgave) -> None:
        """Route the signal to another opgave, whose team answers it from now on."""
        self.opgave = opgave
        self.save(update_fields=["opgave", "updated_at"])
