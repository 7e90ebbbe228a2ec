"""Moties, amendementen and toezeggingen: what the council asked for, and how it stands.

The griffie's list is registered (by hand or from its csv) by the beheerder; the teams of
the opgaven a motie concerns report its status; the programme report and the raadslid's
pages show the stand.
"""

import pghistory
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave


class MotieSoort(models.TextChoices):
    MOTIE = "motie", _("Motie")
    AMENDEMENT = "amendement", _("Amendement")
    TOEZEGGING = "toezegging", _("Toezegging")


class MotieStatus(models.TextChoices):
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGEDAAN = "afgedaan", _("Afgedaan")


class MotieQuerySet(models.QuerySet):
    def open(self) -> "MotieQuerySet":
        return self.filter(status=MotieStatus.IN_BEHANDELING)

    def te_laat(self, vandaag=None) -> "MotieQuerySet":
        return self.open().filter(deadline__lt=vandaag or timezone.localdate())

    def voor_overzicht(self) -> "MotieQuerySet":
        """With their opgaven in the order of the beleidsagenda, in two queries."""
        return self.prefetch_related(
            models.Prefetch("opgaven", queryset=Opgave.objects.order_by("rang", "titel", "pk"))
        ).select_related("status_door")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Motie(TimeStampedModel):
    soort = models.CharField(_("soort"), max_length=20, choices=MotieSoort)
    nummer = models.CharField(
        _("nummer"),
        max_length=30,
        help_text=_("Zoals de griffie het noemt, bijvoorbeeld M2026-014."),
    )
    datum = models.DateField(_("datum"), help_text=_("Aangenomen of gedaan op."))
    titel = models.CharField(_("titel"), max_length=300)
    tekst = models.TextField(_("tekst"), max_length=10000, blank=True)
    link = models.URLField(_("link naar het raadsinformatiesysteem"), max_length=500, blank=True)
    indieners = models.CharField(_("indieners"), max_length=500, blank=True)
    opgaven = models.ManyToManyField(
        Opgave, verbose_name=_("opgaven"), blank=True, related_name="moties"
    )
    deadline = models.DateField(_("uiterlijk afgedaan op"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MotieStatus, default=MotieStatus.IN_BEHANDELING
    )
    toelichting = models.TextField(_("toelichting bij de stand"), max_length=4000, blank=True)
    status_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_op = models.DateTimeField(_("stand bijgewerkt op"), null=True, blank=True)

    objects = MotieQuerySet.as_manager()

    class Meta:
        verbose_name = _("motie of toezegging")
        verbose_name_plural = _("moties en toezeggingen")
        ordering = ["-datum", "nummer", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "nummer"],
                name="motie_nummer_uniek",
                violation_error_message=_("Er staat al een motie of toezegging met dit nummer."),
            ),
            models.CheckConstraint(
                condition=models.Q(soort__in=MotieSoort.values), name="motie_soort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MotieStatus.values), name="motie_status_valid"
            ),
            models.CheckConstraint(condition=~models.Q(nummer=""), name="motie_nummer_niet_leeg"),
            models.CheckConstraint(condition=~models.Q(titel=""), name="motie_titel_niet_leeg"),
            # The council is owed an explanation of how it was done.
            models.CheckConstraint(
                condition=~models.Q(status=MotieStatus.AFGEDAAN) | ~models.Q(toelichting=""),
                name="motie_afgedaan_met_toelichting",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.nummer}: {self.titel}"

    def get_absolute_url(self) -> str:
        return reverse("rapportages:motie-detail", args=[self.pk])

    @property
    def is_te_laat(self) -> bool:
        return (
            self.status == MotieStatus.IN_BEHANDELING
            and self.deadline is not None
            and self.deadline < timezone.localdate()
        )

    def stand_melden(self, *, status: str, toelichting: str, user) -> None:
        """The team's report of how it stands, and who said so."""
        self.status, self.toelichting = status, toelichting
        self.status_door, self.status_op = user, timezone.now()
        self.save(update_fields=["status", "toelichting", "status_door", "status_op", "updated_at"])
