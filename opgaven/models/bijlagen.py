"""Documents attached to an opgave (a raadsvoorstel, a plan in Word): every version kept."""

import pghistory
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bijlagen import Bijlage
from core.models import gevolgd

from .opgave import Opgave


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
class OpgaveBijlage(Bijlage):
    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="bijlagen"
    )

    EIGENAAR = "opgave"

    class Meta(Bijlage.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        indexes = [models.Index(fields=["opgave", "reeks"], name="opgavebijlage_reeks")]

    def get_absolute_url(self):
        return reverse("opgaven:opgave-document-download", args=[self.opgave_id, self.pk])

    def get_verwijder_url(self):
        return reverse("opgaven:opgave-document-verwijderen", args=[self.opgave_id, self.pk])
