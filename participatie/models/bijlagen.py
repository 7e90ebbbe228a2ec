"""Documents attached to a bijeenkomst (a presentation, the verslag in Word, photos of the
flip-overs): every version kept."""

import pghistory
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bijlagen import Bijlage
from core.models import gevolgd

from .thematafels import Bijeenkomst


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
class BijeenkomstBijlage(Bijlage):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="bijlagen",
    )

    EIGENAAR = "bijeenkomst"

    class Meta(Bijlage.Meta):
        verbose_name = _("document bij een bijeenkomst")
        verbose_name_plural = _("documenten bij bijeenkomsten")
        indexes = [models.Index(fields=["bijeenkomst", "reeks"], name="bijeenkomstbijlage_reeks")]

    def get_absolute_url(self):
        return reverse(
            "participatie:bijeenkomst-document-download", args=[self.bijeenkomst_id, self.pk]
        )

    def get_verwijder_url(self):
        return reverse(
            "participatie:bijeenkomst-document-verwijderen", args=[self.bijeenkomst_id, self.pk]
        )
