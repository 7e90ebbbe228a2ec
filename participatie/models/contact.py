"""Contact with stakeholders: contactmomenten with follow-ups, and afspraken."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave

from .register import Stakeholder


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", _("Gesprek")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")
    EMAIL = "email", _("E-mail")
    TELEFOON = "telefoon", _("Telefoon")


class Richting(models.TextChoices):
    UITGAAND = "uitgaand", _("Wij namen contact op")
    INKOMEND = "inkomend", _("De stakeholder nam contact op")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Contactmoment(TimeStampedModel):
    """A dated contact with stakeholders about an opgave, with what was said."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("%(soort)s op %(datum)s")

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="contactmomenten"
    )
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort contact"), max_length=20, choices=ContactSoort)
    richting = models.CharField(
        _("richting"), max_length=20, choices=Richting, default=Richting.UITGAAND
    )
    stakeholders = models.ManyToManyField(
        Stakeholder, verbose_name=_("stakeholders"), related_name="contactmomenten"
    )
    deelnemers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("namens de gemeente"), blank=True, related_name="+"
    )
    samenvatting = models.TextField(_("samenvatting"), max_length=5000)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort__in=ContactSoort.values), name="contact_soort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(richting__in=Richting.values), name="contact_richting_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Vervolgactie(models.Model):
    """A follow-up agreed in a contact: who does what, by when."""

    contactmoment = models.ForeignKey(
        Contactmoment, on_delete=models.CASCADE, related_name="vervolgacties"
    )
    omschrijving = models.CharField(_("vervolgactie"), max_length=300)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="vervolgacties",
    )
    deadline = models.DateField(_("uiterlijk"))
    afgerond = models.BooleanField(_("afgerond"), default=False)

    class Meta:
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")
        ordering = ["afgerond", "deadline", "pk"]

    def __str__(self):
        return self.omschrijving


class AfspraakStatus(models.TextChoices):
    OPEN = "open", _("Open")
    NAGEKOMEN = "nagekomen", _("Nagekomen")
    NIET_NAGEKOMEN = "niet_nagekomen", _("Niet nagekomen")
    VERVALLEN = "vervallen", _("Vervallen")


class AfspraakQuerySet(models.QuerySet):
    def te_laat(self, op=None) -> "AfspraakQuerySet":
        """Open commitments whose deadline has passed."""
        return self.filter(status=AfspraakStatus.OPEN, deadline__lt=op or timezone.localdate())

    def van_of_aan(self, stakeholder) -> "AfspraakQuerySet":
        """Commitments this stakeholder made, or that were made to them."""
        return self.filter(models.Q(belover=stakeholder) | models.Q(ontvanger=stakeholder))


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Afspraak(TimeStampedModel):
    """A commitment in either direction: who promised what to whom, by when.

    An empty ``belover`` or ``ontvanger`` means the municipality itself.
    """

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="afspraken"
    )
    omschrijving = models.TextField(_("afspraak"), max_length=2000)
    belover = models.ForeignKey(
        Stakeholder,
        verbose_name=_("wie belooft"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="toezeggingen",
        help_text=_("Leeg: de gemeente."),
    )
    ontvanger = models.ForeignKey(
        Stakeholder,
        verbose_name=_("aan wie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ontvangen_toezeggingen",
        help_text=_("Leeg: de gemeente."),
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bewaakt door"),
        on_delete=models.PROTECT,
        related_name="bewaakte_afspraken",
    )
    deadline = models.DateField(_("uiterlijk"))
    status = models.CharField(
        _("status"), max_length=20, choices=AfspraakStatus, default=AfspraakStatus.OPEN
    )
    bijdrage = models.DecimalField(
        _("bijdrage aan het budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    objects = AfspraakQuerySet.as_manager()

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=AfspraakStatus.values), name="afspraak_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(bijdrage__isnull=True) | models.Q(bijdrage__gte=0),
                name="afspraak_bijdrage_positief",
            ),
            models.CheckConstraint(
                condition=models.Q(belover__isnull=False) | models.Q(ontvanger__isnull=False),
                name="afspraak_met_een_stakeholder",
            ),
        ]

    def __str__(self):
        return self.omschrijving[:60]

    @property
    def is_te_laat(self) -> bool:
        return self.status == AfspraakStatus.OPEN and self.deadline < timezone.localdate()
