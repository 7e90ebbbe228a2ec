"""Named versions: the whole canvas frozen, to compare later."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave


class CanvasVersieQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CanvasVersieQuerySet":
        return self.filter(opgave__in=Opgave.objects.visible_to(user))


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
class CanvasVersie(TimeStampedModel):
    """The whole canvas of an opgave frozen under a name ("na sprint 2"); never changed."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="canvasversies"
    )
    naam = models.CharField(_("naam"), max_length=100)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # [{"id", "blok", "volgorde", "tekst"}, ...]: a copy, so later edits never change it.
    items = models.JSONField(_("items"), default=list, blank=True)

    objects = CanvasVersieQuerySet.as_manager()

    class Meta:
        verbose_name = _("canvasversie")
        verbose_name_plural = _("canvasversies")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["opgave", "naam"], name="canvasversie_naam_uniek"),
            models.CheckConstraint(
                condition=~models.Q(naam=""), name="canvasversie_naam_niet_leeg"
            ),
        ]

    def __str__(self):
        return self.naam

    @classmethod
    def vastleggen(cls, *, opgave: Opgave, naam: str, user) -> "CanvasVersie":
        items = opgave.canvas_items.momentopname()
        versie = cls(opgave=opgave, naam=naam, vastgelegd_door=user, items=items)
        versie.full_clean()
        versie.save()
        return versie
