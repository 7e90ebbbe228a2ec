"""A stakeholder's position in an opgave: role, power and interest, participatieladder."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave


class Houding(models.TextChoices):
    ONBEKEND = "onbekend", _("Onbekend")
    POSITIEF = "positief", _("Positief")
    NEUTRAAL = "neutraal", _("Neutraal")
    KRITISCH = "kritisch", _("Kritisch")


class Participatieladder(models.IntegerChoices):
    """The rungs of the participation ladder, lowest first."""

    INFORMEREN = 1, _("Informeren")
    RAADPLEGEN = 2, _("Raadplegen")
    ADVISEREN = 3, _("Adviseren")
    COPRODUCEREN = 4, _("Coproduceren")
    MEEBESLISSEN = 5, _("Meebeslissen")


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


class BetrokkenheidQuerySet(models.QuerySet):
    def sleutel(self) -> "BetrokkenheidQuerySet":
        """The stakeholders to involve closely (invloed and belang 3 and up), most first."""
        return (
            self.filter(invloed__gte=3, belang__gte=3)
            .select_related("stakeholder")
            .order_by(-(models.F("invloed") + models.F("belang")), "stakeholder__naam", "pk")
        )


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Betrokkenheid(TimeStampedModel):
    """How one stakeholder is involved in one opgave: role, power and interest."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="betrokkenheden"
    )
    stakeholder = models.ForeignKey(
        "Stakeholder",
        verbose_name=_("stakeholder"),
        on_delete=models.PROTECT,
        related_name="betrokkenheden",
    )
    rol = models.CharField(
        _("rol"), max_length=20, choices=BetrokkenheidRol, default=BetrokkenheidRol.BELANGHEBBENDE
    )
    invloed = models.PositiveSmallIntegerField(_("invloed (1-5)"), default=3)
    belang = models.PositiveSmallIntegerField(_("belang (1-5)"), default=3)
    houding = models.CharField(
        _("houding"), max_length=20, choices=Houding, default=Houding.ONBEKEND
    )
    ladder_nu = models.PositiveSmallIntegerField(
        _("participatieladder nu"),
        choices=Participatieladder,
        default=Participatieladder.INFORMEREN,
    )
    ladder_gewenst = models.PositiveSmallIntegerField(
        _("participatieladder gewenst"),
        choices=Participatieladder,
        default=Participatieladder.INFORMEREN,
    )
    acties = models.TextField(
        _("acties om in positie te brengen"),
        blank=True,
        max_length=2000,
        help_text=_("Wat doen we om de gewenste trede te bereiken?"),
    )

    objects = BetrokkenheidQuerySet.as_manager()

    # The history in words (core.geschiedenis): who takes part, in which role.
    geschiedenis_zinnen = {
        "insert": _("%(stakeholder)s betrokken als %(rol)s"),
        "update": _("Positie van %(stakeholder)s gewijzigd"),
        "delete": _("%(stakeholder)s niet meer betrokken (was %(rol)s)"),
    }

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
            models.CheckConstraint(
                condition=models.Q(houding__in=Houding.values), name="betrokkenheid_houding_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(ladder_nu__gte=1, ladder_nu__lte=5)
                & models.Q(ladder_gewenst__gte=1, ladder_gewenst__lte=5),
                name="betrokkenheid_ladder_1_5",
            ),
        ]

    def __str__(self):
        return f"{self.stakeholder} in {self.opgave}"

    def beoordeling(self) -> dict:
        """The current assessment, where a re-assessment starts from."""
        velden = ["invloed", "belang", "houding", "ladder_nu", "ladder_gewenst", "acties"]
        return {veld: getattr(self, veld) for veld in velden}

    def beoordeling_vastleggen(self, *, door) -> "Beoordeling":
        """Keep the current assessment, dated: re-assessing adds one, never overwrites."""
        velden = ["invloed", "belang", "houding", "ladder_nu", "ladder_gewenst"]
        return self.beoordelingen.create(
            door=door, **{veld: getattr(self, veld) for veld in velden}
        )

    @property
    def ladder_gat(self) -> int:
        """How many rungs the stakeholder still has to climb ("in positie brengen")."""
        return max(0, self.ladder_gewenst - self.ladder_nu)

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


class Beoordeling(models.Model):
    """An assessment of a betrokkenheid at a date; re-assessing adds one, never overwrites."""

    betrokkenheid = models.ForeignKey(
        Betrokkenheid, on_delete=models.CASCADE, related_name="beoordelingen"
    )
    invloed = models.PositiveSmallIntegerField(_("invloed (1-5)"))
    belang = models.PositiveSmallIntegerField(_("belang (1-5)"))
    houding = models.CharField(_("houding"), max_length=20, choices=Houding)
    ladder_nu = models.PositiveSmallIntegerField(
        _("participatieladder nu"), choices=Participatieladder
    )
    ladder_gewenst = models.PositiveSmallIntegerField(
        _("participatieladder gewenst"), choices=Participatieladder
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("beoordeeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.betrokkenheid} ({self.created_at:%Y-%m-%d})"
