"""The effect chain: which item contributes to which."""

import pghistory
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import gevolgd

from .items import CanvasItem


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
class Schakel(models.Model):
    """One link of the effect chain: this item contributes to that one."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = "%(van)s → %(naar)s"

    van = models.ForeignKey(CanvasItem, on_delete=models.CASCADE, related_name="schakels_naar")
    naar = models.ForeignKey(CanvasItem, on_delete=models.CASCADE, related_name="schakels_van")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("schakel in de effectketen")
        verbose_name_plural = _("schakels in de effectketen")
        constraints = [
            models.UniqueConstraint(fields=["van", "naar"], name="schakel_uniek"),
            models.CheckConstraint(
                condition=~models.Q(van=models.F("naar")), name="schakel_niet_naar_zichzelf"
            ),
        ]

    def __str__(self):
        return f"{self.van_id} -> {self.naar_id}"
