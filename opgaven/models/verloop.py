"""How an opgave moves: dated phase changes, progress reports, places on the agenda,
priorities proposed and decided."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import gevolgd

from .opgave import Fase, Opgave, Prioriteit, Voortgang


class FaseWijziging(models.Model):
    """A dated, explained move of an opgave from one phase to the next."""

    opgave = models.ForeignKey(Opgave, on_delete=models.CASCADE, related_name="fasewijzigingen")
    van_fase = models.CharField(_("van fase"), max_length=20, choices=Fase)
    naar_fase = models.CharField(_("naar fase"), max_length=20, choices=Fase)
    datum = models.DateField(_("datum"))
    toelichting = models.TextField(_("toelichting"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("fasewijziging")
        verbose_name_plural = _("fasewijzigingen")
        ordering = ["datum", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(van_fase=models.F("naar_fase")), name="fasewijziging_verandert"
            ),
            models.CheckConstraint(
                condition=~models.Q(toelichting=""), name="fasewijziging_toegelicht"
            ),
        ]

    def __str__(self):
        return f"{self.opgave}: {self.get_van_fase_display()} → {self.get_naar_fase_display()}"


class VoortgangMelding(models.Model):
    """How an opgave is doing at a moment, with why."""

    opgave = models.ForeignKey(Opgave, on_delete=models.CASCADE, related_name="voortgangsmeldingen")
    voortgang = models.CharField(_("voortgang"), max_length=20, choices=Voortgang)
    toelichting = models.TextField(_("toelichting"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("voortgangsmelding")
        verbose_name_plural = _("voortgangsmeldingen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(voortgang__in=Voortgang.values), name="voortgangsmelding_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(toelichting=""), name="voortgangsmelding_toegelicht"
            ),
        ]

    def __str__(self):
        return f"{self.opgave}: {self.get_voortgang_display()}"


class AgendaWijziging(models.Model):
    """A change of place on the beleidsagenda, with the reason given for it."""

    opgave = models.ForeignKey(Opgave, on_delete=models.CASCADE, related_name="agendawijzigingen")
    oude_rang = models.PositiveIntegerField(_("oude plaats"))
    nieuwe_rang = models.PositiveIntegerField(_("nieuwe plaats"))
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wijziging van de beleidsagenda")
        verbose_name_plural = _("wijzigingen van de beleidsagenda")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reden=""), name="agendawijziging_met_reden"),
        ]

    def __str__(self):
        return f"{self.opgave}: {self.oude_rang} → {self.nieuwe_rang}"


class Besluit(models.TextChoices):
    OPEN = "open", _("Wacht op besluit")
    OVERGENOMEN = "overgenomen", _("Overgenomen")
    AFGEWEZEN = "afgewezen", _("Niet overgenomen")
    VERVANGEN = "vervangen", _("Vervangen door een nieuw voorstel")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent())
class Prioriteitsvoorstel(models.Model):
    """The regisseur proposes a priority with a motivation; the bestuurder decides."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("prioriteit %(prioriteit)s")

    opgave = models.ForeignKey(
        Opgave, on_delete=models.CASCADE, related_name="prioriteitsvoorstellen"
    )
    prioriteit = models.CharField(_("voorgestelde prioriteit"), max_length=10, choices=Prioriteit)
    motivering = models.TextField(_("motivering"), max_length=2000)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorgesteld door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("voorgesteld op"), auto_now_add=True)
    besluit = models.CharField(_("besluit"), max_length=20, choices=Besluit, default=Besluit.OPEN)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("prioriteitsvoorstel")
        verbose_name_plural = _("prioriteitsvoorstellen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(prioriteit__in=Prioriteit.values),
                name="prioriteitsvoorstel_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(motivering=""), name="prioriteitsvoorstel_gemotiveerd"
            ),
            # One proposal waits at a time; a new one replaces it.
            models.UniqueConstraint(
                fields=["opgave"],
                condition=models.Q(besluit="open"),
                name="prioriteitsvoorstel_een_open",
            ),
        ]

    def __str__(self):
        return f"{self.opgave}: {self.get_prioriteit_display()} ({self.get_besluit_display()})"
