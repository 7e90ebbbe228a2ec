"""What residents see of an opgave on the public site (/meedoen/): a text the team writes for
them, published as an explicit step and hidden again as one. Nothing else of the opgave
shows there (participatie.views.meedoen)."""

import pghistory
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Fase, Opgave

# The phase in words a resident understands (B1), instead of the method's names.
FASE_UITLEG = {
    Fase.VERKENNEN: _("We verkennen wat er speelt en praten met inwoners en organisaties."),
    Fase.FORMULEREN: _("We zetten op papier wat we samen willen bereiken."),
    Fase.CONCRETISEREN: _("We maken plannen: wat gaan we doen, wie doet wat, wat kost het."),
    Fase.REALISEREN: _("We voeren de plannen uit."),
    Fase.LEREN: _("We kijken wat het heeft opgeleverd en wat beter kan."),
    Fase.AFGEROND: _("Deze opgave is afgerond."),
}


class PublicatieQuerySet(models.QuerySet):
    def openbaar(self) -> "PublicatieQuerySet":
        return self.filter(gepubliceerd=True)


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent())
class Publicatie(TimeStampedModel):
    """An opgave's page for residents: off the site until the team publishes it."""

    opgave = models.OneToOneField(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="publicatie"
    )
    slug = models.SlugField(
        _("adres op de website"),
        max_length=80,
        unique=True,
        help_text=_("Het laatste deel van het webadres, bijvoorbeeld vitale-kernen."),
        error_messages={"unique": _("Dit adres is al in gebruik bij een andere opgave.")},
    )
    titel = models.CharField(_("titel voor inwoners"), max_length=120)
    tekst = models.TextField(
        _("waar gaat het over, en waarom"),
        max_length=3000,
        help_text=_("In gewone taal (taalniveau B1). Geen namen van medewerkers of inwoners."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=200,
        help_text=_("Een afdeling of functie met e-mailadres of telefoonnummer; geen namen."),
    )
    gepubliceerd = models.BooleanField(_("op de website"), default=False)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)

    objects = PublicatieQuerySet.as_manager()

    class Meta:
        verbose_name = _("publicatie voor inwoners")
        verbose_name_plural = _("publicaties voor inwoners")
        constraints = [
            models.CheckConstraint(condition=~models.Q(titel=""), name="publicatie_titel"),
            models.CheckConstraint(condition=~models.Q(slug=""), name="publicatie_slug"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("participatie:meedoen-opgave", args=[self.slug])

    def save(self, *args, **kwargs):
        if self.gepubliceerd and self.gepubliceerd_op is None:
            self.gepubliceerd_op = timezone.now()
        super().save(*args, **kwargs)

    @property
    def fase_uitleg(self) -> str:
        return FASE_UITLEG.get(self.opgave.fase, "")


class AanmeldingStatus(models.TextChoices):
    TE_BEVESTIGEN = "te_bevestigen", _("Nog niet bevestigd")
    AANGEMELD = "aangemeld", _("Aangemeld")
    WACHTLIJST = "wachtlijst", _("Op de wachtlijst")
    AFGEMELD = "afgemeld", _("Afgemeld")


class Aanmelding(TimeStampedModel):
    """A resident's sign-up for a session, from the public site: counted once confirmed by
    the link mailed to them (participatie.aanmelden). Not in the history: its name and
    address would outlive the sign-up there; what changes is the resident's own doing."""

    bijeenkomst = models.ForeignKey(
        "Bijeenkomst",
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="aanmeldingen",
    )
    publicatie = models.ForeignKey(
        Publicatie,
        verbose_name=_("via de pagina"),
        on_delete=models.CASCADE,
        related_name="aanmeldingen",
    )
    naam = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    opmerking = models.TextField(
        _("wensen of opmerkingen"),
        max_length=500,
        blank=True,
        help_text=_("Bijvoorbeeld: ik kom met een rolstoel, of ik heb een tolk nodig."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AanmeldingStatus,
        default=AanmeldingStatus.TE_BEVESTIGEN,
    )
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    herinnerd_op = models.DateTimeField(_("herinnerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["bevestigd_op", "created_at", "pk"]
        constraints = [
            # One sign-up per address and session, whatever is sent twice.
            models.UniqueConstraint(
                fields=["bijeenkomst", "email"],
                condition=~models.Q(status="afgemeld"),
                name="aanmelding_een_per_adres",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=AanmeldingStatus.values),
                name="aanmelding_status_geldig",
            ),
        ]

    def __str__(self):
        return f"{self.naam} ({self.get_status_display()})"
