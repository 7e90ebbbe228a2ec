"""Samenhang: how one opgave relates to another."""

import pghistory
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import gevolgd

from .opgave import Opgave


class RelatieSoort(models.TextChoices):
    RAAKT_AAN = "raakt_aan", _("raakt aan")
    VERSTERKT = "versterkt", _("versterkt")
    BOTST_MET = "botst_met", _("botst met")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class OpgaveRelatie(models.Model):
    """Samenhang: how one opgave relates to another ("Vitale kernen versterkt Eenzaamheid")."""

    van = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="relaties_uit"
    )
    naar = models.ForeignKey(
        Opgave,
        verbose_name=_("andere opgave"),
        on_delete=models.CASCADE,
        related_name="relaties_in",
    )
    soort = models.CharField(_("soort samenhang"), max_length=20, choices=RelatieSoort)
    toelichting = models.TextField(_("toelichting"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    # The history in words (core.geschiedenis): which opgaven, and how.
    geschiedenis_zinnen = {
        "insert": _("Samenhang vastgelegd: %(van)s %(soort)s %(naar)s"),
        "delete": _("Samenhang verwijderd: %(van)s %(soort)s %(naar)s"),
    }

    class Meta:
        verbose_name = _("samenhang")
        verbose_name_plural = _("samenhang")
        ordering = ["van__titel", "naar__titel"]
        constraints = [
            models.UniqueConstraint(fields=["van", "naar"], name="relatie_een_per_paar"),
            models.CheckConstraint(
                condition=~models.Q(van=models.F("naar")), name="relatie_niet_met_zichzelf"
            ),
            models.CheckConstraint(
                condition=models.Q(soort__in=RelatieSoort.values), name="relatie_soort_valid"
            ),
        ]

    def __str__(self):
        return f"{self.van} {self.get_soort_display()} {self.naar}"
