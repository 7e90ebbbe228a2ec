"""Indicators of effects and goals, and their dated measurements."""

import pghistory
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd

from .items import CanvasItem


class Bron(models.TextChoices):
    GGD = "ggd", _("GGD-monitor")
    CBS = "cbs", _("CBS")
    WSJG = "wsjg", _("waarstaatjegemeente.nl")
    EIGEN = "eigen", _("Eigen meting")
    OVERIG = "overig", _("Overig")


class IndicatorQuerySet(models.QuerySet):
    def met_laatste_meting(self) -> "IndicatorQuerySet":
        """Each indicator's latest measurement since its nulmeting (two subqueries), as the
        list ``laatste_meting`` (empty or one Meting) that canvas.indicatoren.oordeel takes."""
        laatste = Meting.objects.filter(
            indicator=models.OuterRef("pk"), datum__gte=models.OuterRef("nulmeting_datum")
        ).order_by("-datum")
        return self.annotate(
            laatste_datum=models.Subquery(laatste.values("datum")[:1]),
            laatste_waarde=models.Subquery(laatste.values("waarde")[:1]),
        )


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Indicator(TimeStampedModel):
    """How we know an effect or goal comes closer: from a nulmeting to a streefwaarde."""

    item = models.ForeignKey(
        CanvasItem,
        verbose_name=_("effect of beleidsdoel"),
        on_delete=models.PROTECT,
        related_name="indicatoren",
    )
    naam = models.CharField(_("naam"), max_length=200)
    eenheid = models.CharField(
        _("eenheid"),
        max_length=50,
        help_text=_("Wat er geteld wordt: bijvoorbeeld %, kernen, deelnemers of rapportcijfer."),
    )
    bron = models.CharField(_("bron"), max_length=10, choices=Bron)
    bron_toelichting = models.CharField(
        _("toelichting op de bron"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld de vraag in de monitor of de tabel bij het CBS."),
    )
    nulmeting = models.DecimalField(_("nulmeting"), max_digits=12, decimal_places=2)
    nulmeting_datum = models.DateField(_("datum nulmeting"))
    streefwaarde = models.DecimalField(_("streefwaarde"), max_digits=12, decimal_places=2)
    streefdatum = models.DateField(_("streefdatum"))

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["item__volgorde", "naam", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(naam=""), name="indicator_naam_niet_leeg"),
            models.CheckConstraint(
                condition=models.Q(bron__in=Bron.values), name="indicator_bron_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(streefdatum__gt=models.F("nulmeting_datum")),
                name="indicator_streefdatum_na_nulmeting",
            ),
        ]

    def __str__(self):
        return self.naam

    @property
    def laatste_meting(self) -> list["Meting"]:
        """From ``met_laatste_meting``: the latest measurement, or nothing."""
        if self.laatste_datum is None:
            return []
        return [Meting(indicator=self, datum=self.laatste_datum, waarde=self.laatste_waarde)]


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Meting(models.Model):
    """One dated value of an indicator; one per date (importing again updates it)."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("%(indicator)s op %(datum)s")

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="metingen"
    )
    datum = models.DateField(_("datum"))
    waarde = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    # When it came in and last changed: the API's changed-since sync reads updated_at.
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("meting")
        verbose_name_plural = _("metingen")
        ordering = ["datum", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "datum"], name="meting_een_per_datum"),
        ]

    def __str__(self):
        return f"{self.datum}: {self.waarde}"

    @classmethod
    def importeer(cls, indicator: Indicator, rijen) -> int:
        """Save (datum, waarde, toelichting) rows in one transaction; an existing date is
        updated, so importing the same file twice changes nothing. Returns how many are new."""
        nieuw = 0
        with transaction.atomic():
            for datum, waarde, toelichting in rijen:
                _, aangemaakt = cls.objects.update_or_create(
                    indicator=indicator,
                    datum=datum,
                    defaults={"waarde": waarde, "toelichting": toelichting},
                )
                nieuw += aangemaakt
        return nieuw
