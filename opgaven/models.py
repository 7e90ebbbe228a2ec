import pghistory
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel


class GebiedSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    KERN = "kern", _("Kern")
    WIJK = "wijk", _("Wijk")
    BUURT = "buurt", _("Buurt")


class Schaal(models.TextChoices):
    BUURT = "buurt", _("Buurt")
    WIJK = "wijk", _("Wijk")
    KERN = "kern", _("Kern")
    GEMEENTE = "gemeente", _("Gemeente")
    REGIO = "regio", _("Regio")
    PROVINCIE = "provincie", _("Provincie")
    LANDELIJK = "landelijk", _("Landelijk")


class Fase(models.TextChoices):
    VERKENNEN = "verkennen", _("Verkennen en doorleven")
    FORMULEREN = "formuleren", _("Formuleren")
    CONCRETISEREN = "concretiseren", _("Concretiseren")
    REALISEREN = "realiseren", _("Realiseren")
    LEREN = "leren", _("Leren en verbeteren")
    AFGEROND = "afgerond", _("Afgerond")


class Gebied(models.Model):
    """A wijk, kern or buurt of the municipality, with its CBS code where known."""

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=GebiedSoort)
    cbs_code = models.CharField(_("CBS-code"), max_length=20, blank=True)
    bovenliggend = models.ForeignKey(
        "self",
        verbose_name=_("ligt in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="onderliggend",
    )

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["naam", "soort"], name="gebied_naam_soort_uniek"),
            models.CheckConstraint(
                condition=models.Q(soort__in=GebiedSoort.values),
                name="gebied_soort_valid",
            ),
        ]

    def __str__(self):
        return self.naam


class OpgaveQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OpgaveQuerySet":
        """The opgaven ``user`` may read: everyone but raadsleden reads all of them."""
        if user.has_perm("opgaven.view_opgave"):
            return self
        return self.none()

    def editable_by(self, user) -> "OpgaveQuerySet":
        """The opgaven ``user`` may edit: beheerder all, others those they direct or are on."""
        if not user.is_authenticated or user.rol == "raadslid":
            return self.none()
        if user.rol == "beheerder":
            return self
        return self.filter(models.Q(opgaveregisseur=user) | models.Q(teamleden=user)).distinct()


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Opgave(TimeStampedModel):
    """A societal challenge the municipality directs together with residents and partners."""

    titel = models.CharField(_("titel"), max_length=200)
    maatschappelijke_bedoeling = models.TextField(
        _("maatschappelijke bedoeling"),
        help_text=_("Waarom doet deze opgave ertoe, gezien vanuit inwoners?"),
    )
    schaal = models.CharField(_("schaal"), max_length=20, choices=Schaal, default=Schaal.GEMEENTE)
    fase = models.CharField(_("fase"), max_length=20, choices=Fase, default=Fase.VERKENNEN)
    gebieden = models.ManyToManyField(
        Gebied, verbose_name=_("gebieden"), blank=True, related_name="opgaven"
    )
    opgaveregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgaveregisseur"),
        on_delete=models.PROTECT,
        related_name="geregisseerde_opgaven",
    )
    teamleden = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgaveteam"),
        blank=True,
        related_name="opgaven_als_teamlid",
    )

    objects = OpgaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")
        ordering = ["titel"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(schaal__in=Schaal.values),
                name="opgave_schaal_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(fase__in=Fase.values),
                name="opgave_fase_valid",
            ),
            models.CheckConstraint(condition=~models.Q(titel=""), name="opgave_titel_niet_leeg"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("opgaven:opgave-detail", args=[self.pk])

    def heeft_teamlid(self, user) -> bool:
        """Uses prefetched teamleden when present, so permission checks on lists stay cheap."""
        if not user.is_authenticated:
            return False
        if "teamleden" in getattr(self, "_prefetched_objects_cache", {}):
            return any(lid.pk == user.pk for lid in self.teamleden.all())
        return self.teamleden.filter(pk=user.pk).exists()
