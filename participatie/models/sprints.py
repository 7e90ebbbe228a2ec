"""Opgavesprints: short, numbered pushes on an opgave where it becomes tangible."""

import pghistory
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave


class OpgavesprintQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OpgavesprintQuerySet":
        return self.filter(opgave__in=Opgave.objects.visible_to(user))

    def volgend_nummer(self) -> int:
        """The number the next sprint among these gets (1 for the first)."""
        return (self.aggregate(m=models.Max("nummer"))["m"] or 0) + 1


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Opgavesprint(TimeStampedModel):
    """A numbered, time-boxed push on an opgave where it becomes tangible (Horst aan de Maas)."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("sprint %(nummer)s")

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="sprints"
    )
    nummer = models.PositiveIntegerField(_("nummer"))
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    doel = models.TextField(_("sprintdoel"), max_length=2000)
    # Sprint 1 starts by making the opgave's intent and the approach so far explicit.
    maatschappelijke_bedoeling = models.TextField(
        _("maatschappelijke bedoeling"), max_length=4000, blank=True
    )
    aanpak_tot_nu_toe = models.TextField(_("aanpak tot nu toe"), max_length=4000, blank=True)
    uitkomsten = models.TextField(_("uitkomsten"), max_length=4000, blank=True)
    retrospectief = models.TextField(_("retrospectief"), max_length=4000, blank=True)

    objects = OpgavesprintQuerySet.as_manager()

    class Meta:
        verbose_name = _("opgavesprint")
        verbose_name_plural = _("opgavesprints")
        ordering = ["opgave", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["opgave", "nummer"], name="sprint_nummer_uniek"),
            models.CheckConstraint(
                condition=models.Q(einddatum__gte=models.F("startdatum")),
                name="sprint_einde_na_start",
            ),
            models.CheckConstraint(condition=models.Q(nummer__gte=1), name="sprint_nummer_vanaf_1"),
            models.CheckConstraint(
                condition=~models.Q(nummer=1)
                | (~models.Q(maatschappelijke_bedoeling="") & ~models.Q(aanpak_tot_nu_toe="")),
                name="sprint_1_bedoeling_en_aanpak",
            ),
        ]

    def __str__(self):
        return _("Sprint %(nummer)s") % {"nummer": self.nummer}

    def get_absolute_url(self) -> str:
        return reverse("participatie:sprint-detail", args=[self.pk])
