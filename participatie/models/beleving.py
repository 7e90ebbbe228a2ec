"""The belevingsperspectief: personas and their journey through the opgave."""

import pghistory
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canvas.models import Blok, CanvasItem
from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave


class PersonaQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PersonaQuerySet":
        return self.filter(opgave__in=Opgave.objects.visible_to(user))


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Persona(TimeStampedModel):
    """A resident as the opgave meets them: the belevingsperspectief."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="personas"
    )
    naam = models.CharField(_("naam"), max_length=100)
    beschrijving = models.TextField(_("wie is dit?"), max_length=4000)
    doelgroepen = models.ManyToManyField(
        CanvasItem,
        verbose_name=_("doelgroepen in het canvas"),
        blank=True,
        related_name="personas",
        limit_choices_to={"blok": Blok.DOELGROEPEN},
    )

    objects = PersonaQuerySet.as_manager()

    class Meta:
        verbose_name = _("persona")
        verbose_name_plural = _("persona's")
        ordering = ["naam", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(naam=""), name="persona_naam_niet_leeg")
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("participatie:persona-detail", args=[self.pk])

    def stap_toevoegen(self, *, omschrijving: str, knelpunt: str = "") -> "Reisstap":
        """A next step at the end of the journey."""
        volgorde = (self.stappen.aggregate(m=models.Max("volgorde"))["m"] or 0) + 1
        return self.stappen.create(omschrijving=omschrijving, knelpunt=knelpunt, volgorde=volgorde)


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Reisstap(models.Model):
    """One step of a persona's journey through the opgave, with what gets in the way."""

    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="stappen")
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    omschrijving = models.CharField(_("stap"), max_length=300)
    knelpunt = models.TextField(_("knelpunt"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("reisstap")
        verbose_name_plural = _("reisstappen")
        ordering = ["volgorde", "pk"]

    def __str__(self):
        return self.omschrijving
