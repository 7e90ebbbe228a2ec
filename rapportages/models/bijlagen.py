"""Documents attached to a P&C bijdrage (the onderbouwing in Excel) and to a motie (the
motie as adopted, the raadsinformatiebrief that answers it): every version kept."""

import pghistory
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bijlagen import Bijlage
from core.models import gevolgd

from .kalender import Bijdrage
from .motie import Motie


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
class BijdrageBijlage(Bijlage):
    bijdrage = models.ForeignKey(
        Bijdrage, verbose_name=_("bijdrage"), on_delete=models.CASCADE, related_name="bijlagen"
    )

    EIGENAAR = "bijdrage"

    class Meta(Bijlage.Meta):
        verbose_name = _("document bij een bijdrage")
        verbose_name_plural = _("documenten bij bijdragen")
        indexes = [models.Index(fields=["bijdrage", "reeks"], name="bijdragebijlage_reeks")]

    def get_absolute_url(self):
        return reverse(
            "rapportages:bijdrage-document-download",
            args=[self.bijdrage.moment_id, self.bijdrage.opgave_id, self.pk],
        )

    def get_verwijder_url(self):
        return reverse(
            "rapportages:bijdrage-document-verwijderen",
            args=[self.bijdrage.moment_id, self.bijdrage.opgave_id, self.pk],
        )


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
class MotieBijlage(Bijlage):
    motie = models.ForeignKey(
        Motie, verbose_name=_("motie"), on_delete=models.CASCADE, related_name="bijlagen"
    )

    EIGENAAR = "motie"

    class Meta(Bijlage.Meta):
        verbose_name = _("document bij een motie")
        verbose_name_plural = _("documenten bij moties")
        indexes = [models.Index(fields=["motie", "reeks"], name="motiebijlage_reeks")]

    def get_absolute_url(self):
        return reverse("rapportages:motie-document-download", args=[self.motie_id, self.pk])

    def get_verwijder_url(self):
        return reverse("rapportages:motie-document-verwijderen", args=[self.motie_id, self.pk])
