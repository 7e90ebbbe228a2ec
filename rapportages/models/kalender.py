"""The P&C calendar: moments, and each opgave's contribution with its approvals."""

import pghistory
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave


class MomentSoort(models.TextChoices):
    """The moments of the municipal planning & control cycle, in the order of a year."""

    VOORJAARSNOTA = "voorjaarsnota", _("Voorjaarsnota")
    BERAP1 = "berap1", _("Eerste bestuursrapportage")
    BERAP2 = "berap2", _("Tweede bestuursrapportage")
    BEGROTING = "begroting", _("Begroting")
    JAARREKENING = "jaarrekening", _("Jaarrekening")


class PcMomentQuerySet(models.QuerySet):
    def komend(self, vandaag=None) -> "PcMomentQuerySet":
        """The moments whose deadline is today or later, nearest first."""
        return self.filter(deadline__gte=vandaag or timezone.localdate()).order_by("deadline", "pk")


class PcMoment(TimeStampedModel):
    """One P&C moment (begroting 2027) with the date the contributions must be ready."""

    soort = models.CharField(_("soort"), max_length=20, choices=MomentSoort)
    jaar = models.PositiveSmallIntegerField(_("begrotingsjaar"))
    deadline = models.DateField(_("deadline bijdragen"))

    objects = PcMomentQuerySet.as_manager()

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

    @staticmethod
    def naam_in_geschiedenis():
        """``str(moment)`` in SQL, for the history's names (core.geschiedenis)."""
        soort = models.Case(
            *(
                models.When(soort=w, then=models.Value(str(label)))
                for w, label in MomentSoort.choices
            ),
            default=models.F("soort"),
            output_field=models.TextField(),
        )
        return Concat(
            soort,
            models.Value(" "),
            Cast("jaar", models.TextField()),
            output_field=models.TextField(),
        )

    def get_absolute_url(self):
        return reverse("rapportages:moment-detail", args=[self.pk])

    def opgaven_met_status(self, opgaven, status: str):
        """Those of ``opgaven`` whose contribution has ``status`` (a BijdrageStatus, or
        GEEN_BIJDRAGE for none yet); all of them for any other value."""
        bijdragen = self.bijdragen.filter(opgave=models.OuterRef("pk"))
        if status == GEEN_BIJDRAGE:
            return opgaven.exclude(models.Exists(bijdragen))
        if status in BijdrageStatus.values:
            return opgaven.filter(models.Exists(bijdragen.filter(status=status)))
        return opgaven

    def stand(self, opgaven, aantal: int | None = None) -> list[tuple[str, str, int]]:
        """(status, label, how many of ``opgaven``) for none yet (GEEN_BIJDRAGE) and each
        status of a contribution: two counts, whatever the number of opgaven; one where the
        caller knows how many ``opgaven`` there are (``aantal``)."""
        per_status = dict(
            self.bijdragen.filter(opgave__in=opgaven)
            .order_by()
            .values_list("status")
            .annotate(n=models.Count("pk"))
        )
        geen = (opgaven.count() if aantal is None else aantal) - sum(per_status.values())
        return [(GEEN_BIJDRAGE, _("Nog niet geschreven"), geen)] + [
            (status.value, status.label, per_status.get(status.value, 0))
            for status in BijdrageStatus
        ]


# A filter value beside the statuses: the opgaven without a contribution to a moment yet.
GEEN_BIJDRAGE = "geen"


class BijdrageStatus(models.TextChoices):
    """concept -> ambtelijk akkoord (the opgaveregisseur) -> bestuurlijk akkoord (the
    bestuurder whose portefeuille holds the opgave; the contribution is then locked)."""

    CONCEPT = "concept", _("Concept")
    AMBTELIJK_AKKOORD = "ambtelijk_akkoord", _("Ambtelijk akkoord")
    BESTUURLIJK_AKKOORD = "bestuurlijk_akkoord", _("Bestuurlijk akkoord")


# Each step ("<stap>_akkoord_door/_op" record who and when): the status it needs, the one it sets.
STAPPEN = {
    "ambtelijk": (BijdrageStatus.CONCEPT, BijdrageStatus.AMBTELIJK_AKKOORD),
    "bestuurlijk": (BijdrageStatus.AMBTELIJK_AKKOORD, BijdrageStatus.BESTUURLIJK_AKKOORD),
}


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Bijdrage(TimeStampedModel):
    """What one opgave writes for one P&C moment: an answer to each of the three W-questions."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = "%(moment)s"

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
    ambtelijk_akkoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ambtelijk akkoord door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ambtelijk_akkoord_op = models.DateTimeField(_("ambtelijk akkoord op"), null=True, blank=True)
    bestuurlijk_akkoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bestuurlijk akkoord door"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    bestuurlijk_akkoord_op = models.DateTimeField(
        _("bestuurlijk akkoord op"), null=True, blank=True
    )
    heropend_om = models.TextField(_("heropend omdat"), max_length=2000, blank=True)

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
    def ambtelijk_gegeven(self) -> bool:
        return self.status != BijdrageStatus.CONCEPT

    @property
    def is_vergrendeld(self) -> bool:
        """Bestuurlijk akkoord: the texts stay as they are until someone reopens it."""
        return self.status == BijdrageStatus.BESTUURLIJK_AKKOORD

    def akkoord_geven(self, stap: str, *, user, versie: int) -> bool:
        """One governance step ("ambtelijk", "bestuurlijk") on the version the approver read,
        only from the status before it; False when that is no longer so (someone saved,
        approved or reopened it meanwhile)."""
        van, naar = STAPPEN[stap]
        gezet = Bijdrage.objects.filter(pk=self.pk, status=van, versie=versie).update(
            status=naar,
            **{f"{stap}_akkoord_door": user, f"{stap}_akkoord_op": timezone.now()},
            updated_at=timezone.now(),
        )
        return gezet == 1

    def heropenen(self, *, reden: str) -> None:
        """Back to concept, with the reason (kept in the history); the approvals go."""
        Bijdrage.objects.filter(pk=self.pk).update(
            status=BijdrageStatus.CONCEPT,
            heropend_om=reden,
            ambtelijk_akkoord_door=None,
            ambtelijk_akkoord_op=None,
            bestuurlijk_akkoord_door=None,
            bestuurlijk_akkoord_op=None,
            versie=models.F("versie") + 1,
            updated_at=timezone.now(),
        )

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
        # New texts need new approvals: the contribution is a concept again.
        bijgewerkt = (
            cls.objects.filter(moment=moment, opgave=opgave, versie=versie)
            .exclude(status=BijdrageStatus.BESTUURLIJK_AKKOORD)
            .update(
                versie=models.F("versie") + 1,
                bijgewerkt_door=user,
                updated_at=timezone.now(),
                status=BijdrageStatus.CONCEPT,
                ambtelijk_akkoord_door=None,
                ambtelijk_akkoord_op=None,
                **teksten,
            )
        )
        return bijgewerkt == 1
