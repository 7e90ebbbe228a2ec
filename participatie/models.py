import pghistory
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from opgaven.models import Opgave


class StakeholderSoort(models.TextChoices):
    INWONER = "inwoner", _("Inwoner")
    ONDERNEMER = "ondernemer", _("Ondernemer")
    MAATSCHAPPELIJKE_ORGANISATIE = "maatschappelijke_organisatie", _("Maatschappelijke organisatie")
    KENNISINSTELLING = "kennisinstelling", _("Kennisinstelling")
    BELANGENORGANISATIE = "belangenorganisatie", _("Belangenorganisatie")
    OVERHEID = "overheid", _("Overheid")
    ZORGAANBIEDER = "zorgaanbieder", _("Zorgaanbieder")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")


class BetrokkenheidRol(models.TextChoices):
    MEDE_EIGENAAR = "mede_eigenaar", _("Mede-eigenaar")
    PARTNER = "partner", _("Partner")
    UITVOERDER = "uitvoerder", _("Uitvoerder")
    FINANCIER = "financier", _("Financier")
    ADVISEUR = "adviseur", _("Adviseur")
    BELANGHEBBENDE = "belanghebbende", _("Belanghebbende")


class Kwadrant(models.TextChoices):
    NAUW_BETREKKEN = "nauw_betrekken", _("Nauw betrekken")
    TEVREDEN_HOUDEN = "tevreden_houden", _("Tevreden houden")
    INFORMEREN = "informeren", _("Informeren")
    MONITOREN = "monitoren", _("Monitoren")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Stakeholder(TimeStampedModel):
    """An organisation or person with a stake in one or more opgaven."""

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=40, choices=StakeholderSoort)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort__in=StakeholderSoort.values),
                name="stakeholder_soort_valid",
            ),
            models.CheckConstraint(condition=~models.Q(naam=""), name="stakeholder_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Betrokkenheid(TimeStampedModel):
    """How one stakeholder is involved in one opgave: role, power and interest."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="betrokkenheden"
    )
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("stakeholder"),
        on_delete=models.PROTECT,
        related_name="betrokkenheden",
    )
    rol = models.CharField(
        _("rol"), max_length=20, choices=BetrokkenheidRol, default=BetrokkenheidRol.BELANGHEBBENDE
    )
    invloed = models.PositiveSmallIntegerField(_("invloed (1-5)"), default=3)
    belang = models.PositiveSmallIntegerField(_("belang (1-5)"), default=3)

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        ordering = ["-invloed", "-belang", "stakeholder__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["opgave", "stakeholder"], name="betrokkenheid_uniek_per_opgave"
            ),
            models.CheckConstraint(
                condition=models.Q(rol__in=BetrokkenheidRol.values), name="betrokkenheid_rol_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(invloed__gte=1, invloed__lte=5), name="betrokkenheid_invloed_1_5"
            ),
            models.CheckConstraint(
                condition=models.Q(belang__gte=1, belang__lte=5), name="betrokkenheid_belang_1_5"
            ),
        ]

    def __str__(self):
        return f"{self.stakeholder} in {self.opgave}"

    @property
    def kwadrant(self) -> Kwadrant:
        """Where the stakeholder sits on the power/interest grid (3 and up counts as high)."""
        hoge_invloed, hoog_belang = self.invloed >= 3, self.belang >= 3
        if hoge_invloed and hoog_belang:
            return Kwadrant.NAUW_BETREKKEN
        if hoge_invloed:
            return Kwadrant.TEVREDEN_HOUDEN
        if hoog_belang:
            return Kwadrant.INFORMEREN
        return Kwadrant.MONITOREN
