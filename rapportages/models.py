import pghistory
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol
from core.models import TimeStampedModel
from opgaven.models import Opgave

MAX_POGINGEN = 3


class Status(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


class Job(models.Model):
    """What report and export jobs share: the row is the truth (status, progress, attempts);
    the Celery task that does the work only carries the row's id."""

    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.WACHTRIJ)
    voortgang = models.PositiveIntegerField(_("voortgang"), default=0)
    totaal = models.PositiveIntegerField(_("totaal"), default=0)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    voltooid_op = models.DateTimeField(_("voltooid op"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_afgelopen(self) -> bool:
        return self.status in (Status.KLAAR, Status.MISLUKT)


class MomentSoort(models.TextChoices):
    """The moments of the municipal planning & control cycle, in the order of a year."""

    VOORJAARSNOTA = "voorjaarsnota", _("Voorjaarsnota")
    BERAP1 = "berap1", _("Eerste bestuursrapportage")
    BERAP2 = "berap2", _("Tweede bestuursrapportage")
    BEGROTING = "begroting", _("Begroting")
    JAARREKENING = "jaarrekening", _("Jaarrekening")


class PcMoment(TimeStampedModel):
    """One P&C moment (begroting 2027) with the date the contributions must be ready."""

    soort = models.CharField(_("soort"), max_length=20, choices=MomentSoort)
    jaar = models.PositiveSmallIntegerField(_("begrotingsjaar"))
    deadline = models.DateField(_("deadline bijdragen"))

    class Meta:
        verbose_name = _("P&C-moment")
        verbose_name_plural = _("P&C-momenten")
        ordering = ["deadline", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "jaar"],
                name="pcmoment_uniek",
                violation_error_message=_("Dit moment staat al in de kalender."),
            ),
            models.CheckConstraint(
                condition=models.Q(soort__in=MomentSoort.values), name="pcmoment_soort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(jaar__gte=2000, jaar__lte=2100), name="pcmoment_jaar"
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} {self.jaar}"

    def get_absolute_url(self):
        return reverse("rapportages:moment-detail", args=[self.pk])


class BijdrageStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    AMBTELIJK_AKKOORD = "ambtelijk_akkoord", _("Ambtelijk akkoord")
    VASTGESTELD = "vastgesteld", _("Vastgesteld")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Bijdrage(TimeStampedModel):
    """What one opgave writes for one P&C moment: an answer to each of the three W-questions."""

    moment = models.ForeignKey(
        PcMoment, verbose_name=_("P&C-moment"), on_delete=models.CASCADE, related_name="bijdragen"
    )
    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="bijdragen"
    )
    bereiken = models.TextField(_("Wat willen we bereiken?"), max_length=8000, blank=True)
    doen = models.TextField(_("Wat gaan we daarvoor doen?"), max_length=8000, blank=True)
    kosten = models.TextField(_("Wat mag het kosten?"), max_length=8000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=BijdrageStatus, default=BijdrageStatus.CONCEPT
    )
    versie = models.PositiveIntegerField(_("versie"), default=1)
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["opgave__titel", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["moment", "opgave"], name="bijdrage_een_per_moment"),
            models.CheckConstraint(
                condition=models.Q(status__in=BijdrageStatus.values), name="bijdrage_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.opgave} · {self.moment}"

    @property
    def is_vastgesteld(self) -> bool:
        return self.status == BijdrageStatus.VASTGESTELD

    @classmethod
    def opslaan(cls, *, moment: PcMoment, opgave: Opgave, versie: int, user, **teksten) -> bool:
        """Save only on top of the version the writer loaded (0: there was none yet).

        Two people saving at once: one wins, the other gets False and sees both texts.
        """
        if versie == 0:
            try:
                with transaction.atomic():
                    cls.objects.create(
                        moment=moment, opgave=opgave, bijgewerkt_door=user, **teksten
                    )
            except IntegrityError:
                return False
            return True
        bijgewerkt = cls.objects.filter(moment=moment, opgave=opgave, versie=versie).update(
            versie=models.F("versie") + 1,
            bijgewerkt_door=user,
            updated_at=timezone.now(),
            **teksten,
        )
        return bijgewerkt == 1


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


class Rapportage(Job):
    """A programme report for one opgave or all of them, as a job."""

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
    gepubliceerd_op = models.DateTimeField(
        _("vastgesteld en gepubliceerd op"), null=True, blank=True
    )
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

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
        return f"programmarapportage-{self.pk}.pdf"


class ExportQuerySet(models.QuerySet):
    def van(self, user) -> "ExportQuerySet":
        """Exports are personal: only the one who asked for a file sees it (AVG)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(aangevraagd_door=user)


class Export(Job):
    """A spreadsheet export job; like a report, the row is the truth and the file expires."""

    TAAK = "rapportages.tasks.render_export"

    class Soort(models.TextChoices):
        STAKEHOLDERS = "stakeholders", _("Stakeholders")
        OPGAVEN = "opgaven", _("Opgaven")
        ACTIEPUNTEN = "actiepunten", _("Actiepunten")
        BEGROTINGSREGELS = "begrotingsregels", _("Begrotingsregels")
        GEBRUIKERS = "gebruikers", _("Accounts, rollen en teams")

    class Formaat(models.TextChoices):
        XLSX = "xlsx", _("Excel (.xlsx)")
        CSV = "csv", _("CSV")

    soort = models.CharField(_("soort"), max_length=30, choices=Soort)
    formaat = models.CharField(_("formaat"), max_length=10, choices=Formaat)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.CASCADE,
        related_name="exports",
    )
    bestand = models.FileField(_("bestand"), upload_to="exports/", blank=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))

    objects = ExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="export_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(formaat__in=["xlsx", "csv"]), name="export_formaat_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(voortgang__lte=models.F("totaal")) | models.Q(totaal=0),
                name="export_voortgang_binnen_totaal",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.get_formaat_display()})"

    def get_absolute_url(self):
        return reverse("rapportages:export-detail", args=[self.pk])

    @property
    def is_verlopen(self) -> bool:
        return self.verloopt_op <= timezone.now()

    @property
    def bestandsnaam(self) -> str:
        return f"{self.soort}-{self.pk}.{self.formaat}"


def titel(*, opgave: Opgave | None, moment: PcMoment | None) -> str:
    """ "Programmarapportage Begroting 2027 · Vitale kernen": the report's title everywhere."""
    onderwerp = opgave.titel if opgave is not None else "alle opgaven"
    if moment is None:
        return f"Programmarapportage {onderwerp}"
    return f"Programmarapportage {moment} · {onderwerp}"
