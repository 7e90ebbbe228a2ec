"""Which organisation in the register a partner's account works for: so the partner sees
the afspraken with their own organisation, and nothing of the others."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd

from .register import Stakeholder, Vorm


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Partnerkoppeling(TimeStampedModel):
    """A partner's account, linked by the beheerder to one organisation in the register."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("%(user)s bij %(organisatie)s")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="partnerkoppeling",
    )
    organisatie = models.ForeignKey(
        Stakeholder,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="partnerkoppelingen",
        limit_choices_to={"vorm": Vorm.ORGANISATIE},
    )

    class Meta:
        verbose_name = _("koppeling met een partnerorganisatie")
        verbose_name_plural = _("koppelingen met partnerorganisaties")

    def __str__(self):
        return f"{self.user} — {self.organisatie}"

    @classmethod
    def van(cls, user) -> "Partnerkoppeling | None":
        return cls.objects.filter(user=user).select_related("organisatie").first()
