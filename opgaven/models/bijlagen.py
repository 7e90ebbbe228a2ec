"""Documents attached to an opgave (a raadsvoorstel, a plan in Word): every version kept."""

import secrets

import pghistory
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from core.bijlagen import Bijlage, Gekeurd
from core.models import gevolgd

from .opgave import Opgave


class OpgaveBijlageQuerySet(models.QuerySet):
    def laatste_versies(self) -> "OpgaveBijlageQuerySet":
        """Per document its newest version."""
        return self.order_by("reeks", "-versie").distinct("reeks")


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
class OpgaveBijlage(Bijlage):
    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="bijlagen"
    )

    objects = OpgaveBijlageQuerySet.as_manager()

    geschiedenis_zinnen = {
        "insert": _("Document %(naam)s toegevoegd (versie %(versie)s)"),
        "delete": _("Document %(naam)s verwijderd (versie %(versie)s)"),
    }

    class Meta(Bijlage.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        constraints = [
            models.UniqueConstraint(fields=["reeks", "versie"], name="opgavebijlage_versie_uniek"),
        ]
        indexes = [models.Index(fields=["opgave", "reeks"], name="opgavebijlage_reeks")]

    @classmethod
    def toevoegen(cls, *, opgave: Opgave, bestand, gekeurd: Gekeurd, door, reeks: str = ""):
        """A new document, or (``reeks`` of one of this opgave's documents) its next version."""
        with transaction.atomic():
            if reeks:
                # Two versions at once: the second waits here and numbers after the first.
                Opgave.objects.select_for_update().filter(pk=opgave.pk).first()
                vorige = cls.objects.filter(opgave=opgave, reeks=reeks).aggregate(
                    hoogste=Max("versie")
                )["hoogste"]
                versie = (vorige or 0) + 1
            else:
                reeks, versie = secrets.token_hex(16), 1
            return cls.objects.create(
                opgave=opgave,
                reeks=reeks,
                versie=versie,
                bestand=bestand,
                naam=gekeurd.naam,
                inhoudstype=gekeurd.inhoudstype,
                grootte=gekeurd.grootte,
                sha256=gekeurd.sha256,
                toegevoegd_door=door,
            )
