"""Programme reports: made by a job, vastgesteld and published for the council."""

import pghistory
from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.db.models import Func, Value
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol
from core.models import gevolgd
from opgaven.models import Opgave

from .job import Job, Status
from .kalender import PcMoment


class Stap(models.TextChoices):
    GEGEVENS = "gegevens", _("Gegevens verzamelen")
    OPMAKEN = "opmaken", _("De PDF opmaken")
    CONTROLEREN = "controleren", _("De PDF schrijven en controleren")


class RapportageQuerySet(models.QuerySet):
    def visible_to(self, user) -> "RapportageQuerySet":
        """Reports ``user`` may see: the beheerder and the bestuurder all; raadsleden the
        published ones; a partner the published ones of the opgaven whose team they are on (a
        draft still lists the municipality's view of stakeholders); everyone else
        their own, those of opgaven they direct or are on, and the published ones."""
        if not user.is_authenticated:
            return self.none()
        if user.rol in (Rol.BEHEERDER, Rol.BESTUURDER):
            return self
        gepubliceerd = models.Q(gepubliceerd_op__isnull=False)
        if user.rol == Rol.RAADSLID:
            return self.filter(gepubliceerd)
        van_team = models.Q(opgave__opgaveregisseur=user) | models.Q(opgave__teamleden=user)
        if user.rol == Rol.PARTNER:
            return self.filter(gepubliceerd, van_team).distinct()
        return self.filter(gepubliceerd | models.Q(aangevraagd_door=user) | van_team).distinct()

    def zoek(self, tekst: str) -> "RapportageQuerySet":
        """Dutch full-text search in what a report says (its HTML without the tags):
        'eenzaam' finds 'eenzaamheid'."""
        tekst = tekst.strip()
        if not tekst:
            return self
        platte_tekst = Func(
            models.F("html"),
            Value("<[^>]+>"),
            Value(" "),
            Value("g"),
            function="regexp_replace",
            output_field=models.TextField(),
        )
        return self.annotate(zoektekst=SearchVector(platte_tekst, config="dutch")).filter(
            zoektekst=SearchQuery(tekst, config="dutch", search_type="websearch")
        )


# Only the governance steps make history, not every tick of the job's progress.
@gevolgd(
    pghistory.UpdateEvent(
        "vastgesteld",
        condition=pghistory.Q(old__vastgesteld_op__isnull=True, new__vastgesteld_op__isnull=False),
    ),
    pghistory.UpdateEvent(
        "vaststelling_vervallen",
        condition=pghistory.Q(old__vastgesteld_op__isnull=False, new__vastgesteld_op__isnull=True),
    ),
    pghistory.UpdateEvent(
        "gepubliceerd",
        condition=pghistory.Q(
            old__gepubliceerd_op__isnull=True, new__gepubliceerd_op__isnull=False
        ),
    ),
    fields=["opgave", "vastgesteld_op", "vastgesteld_door", "gepubliceerd_op", "melding"],
    model_name="RapportageEvent",
    obj_field=pghistory.ObjForeignKey(related_name="events"),
)
class Rapportage(Job):
    """A programme report for one opgave or all of them, as a job.

    A concept is rendered first; a bestuurder reads it and vaststelt it, which renders the
    definitive version (the cover names who vaststelde and when) and publishes it for the
    council, provided the data behind it are still those of the concept.
    """

    TAAK = "rapportages.tasks.render_rapportage"

    opgave = models.ForeignKey(
        Opgave,
        verbose_name=_("opgave"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rapportages",
        help_text=_("Leeg: alle opgaven."),
    )
    moment = models.ForeignKey(
        PcMoment,
        verbose_name=_("P&C-moment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rapportages",
        help_text=_("Leeg: een rapportage van de stand van nu."),
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.PROTECT,
        related_name="rapportages",
    )
    bestand = models.FileField(_("bestand"), upload_to="rapportages/", blank=True)
    checksum = models.CharField(_("controlegetal (SHA-256)"), max_length=64, blank=True)
    gegevens = models.JSONField(_("gegevens achter het rapport"), default=dict, blank=True)
    # The report after its cover as HTML (our own autoescaped template, rendered with the
    # PDF from the same data): what a raadslid reads in the browser.
    html = models.TextField(_("HTML van het rapport"), blank=True)
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    melding = models.TextField(
        _("melding"), blank=True, help_text=_("Waarom een vaststelling niet doorging.")
    )
    # What the worker is doing now, and since when: the page shows movement while the PDF
    # is laid out (one step of half a minute for a large report).
    stap = models.CharField(_("stap"), max_length=20, choices=Stap, blank=True)
    stap_sinds = models.DateTimeField(_("stap sinds"), null=True, blank=True)

    objects = RapportageQuerySet.as_manager()

    class Meta:
        verbose_name = _("rapportage")
        verbose_name_plural = _("rapportages")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="rapportage_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(voortgang__lte=models.F("totaal")) | models.Q(totaal=0),
                name="rapportage_voortgang_binnen_totaal",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="klaar") | ~models.Q(bestand=""),
                name="rapportage_klaar_heeft_bestand",
            ),
            models.CheckConstraint(
                condition=models.Q(gepubliceerd_op__isnull=True)
                | (models.Q(status="klaar") & ~models.Q(checksum="")),
                name="rapportage_gepubliceerd_is_klaar",
            ),
            models.CheckConstraint(
                condition=models.Q(gepubliceerd_op__isnull=True)
                | models.Q(vastgesteld_op__isnull=False, vastgesteld_door__isnull=False),
                name="rapportage_gepubliceerd_is_vastgesteld",
            ),
        ]

    def __str__(self):
        return f"{self.titel} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("rapportages:rapportage-detail", args=[self.pk])

    @property
    def titel(self) -> str:
        return titel(opgave=self.opgave, moment=self.moment)

    @property
    def bestandsnaam(self) -> str:
        """The file's name in storage: unique, and the same for the concept and the
        definitive version that replaces it."""
        return f"programmarapportage-{self.pk}.pdf"

    def downloadnaam(self, gemeente: str) -> str:
        """What the file is called when saved: programmarapportage-begroting-2027-gemeente-
        maasdal.pdf (one opgave's title after the moment; "concept" until vastgesteld)."""
        delen = ["programmarapportage"]
        delen += [str(self.moment)] if self.moment_id else []
        delen += [self.opgave.titel] if self.opgave_id else []
        delen += [gemeente] + ([] if self.vastgesteld_op else ["concept"])
        return slugify(" ".join(delen))[:150].strip("-") + ".pdf"


def titel(*, opgave: Opgave | None, moment: PcMoment | None) -> str:
    """ "Programmarapportage Begroting 2027 · Vitale kernen": the report's title everywhere."""
    onderwerp = opgave.titel if opgave is not None else "alle opgaven"
    if moment is None:
        return f"Programmarapportage {onderwerp}"
    return f"Programmarapportage {moment} · {onderwerp}"


class RapportageDeel(models.Model):
    """One page of the reading room: a report's overview, or one opgave's section of it.
    Cut from the report's HTML when it was made (``rapportages.leeskamer``), and searched."""

    rapportage = models.ForeignKey(
        Rapportage, verbose_name=_("rapportage"), on_delete=models.CASCADE, related_name="delen"
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    anker = models.CharField(_("anker"), max_length=40)  # "overzicht" or "opgave-12"
    titel = models.CharField(_("titel"), max_length=300)
    html = models.TextField(_("HTML"))
    tekst = models.TextField(_("tekst"))  # without tags: what the search reads

    class Meta:
        verbose_name = _("deel van een rapportage")
        verbose_name_plural = _("delen van rapportages")
        ordering = ["rapportage", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["rapportage", "anker"], name="rapportagedeel_uniek")
        ]

    def __str__(self):
        return self.titel
