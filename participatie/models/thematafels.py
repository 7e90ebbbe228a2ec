"""Thematafels with their bijeenkomsten, the inbreng raised there and the actiepunten."""

import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canvas.models import Blok, CanvasItem
from core.models import TimeStampedModel, gevolgd
from core.rijke_tekst import als_html
from opgaven.models import Opgave

from .register import Stakeholder


class ThematafelQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ThematafelQuerySet":
        """Thematafels of opgaven ``user`` may read."""
        return self.filter(
            pk__in=Thematafel.opgaven.through.objects.filter(
                opgave__in=Opgave.objects.visible_to(user)
            ).values("thematafel_id")
        )


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Thematafel(TimeStampedModel):
    """A recurring conversation on one theme with residents and partners, for 1+ opgaven."""

    thema = models.CharField(_("thema"), max_length=200)
    opgaven = models.ManyToManyField(Opgave, verbose_name=_("opgaven"), related_name="thematafels")
    gespreksleider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespreksleider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="geleide_thematafels",
    )
    doel = models.TextField(_("doel"), max_length=2000)

    objects = ThematafelQuerySet.as_manager()

    class Meta:
        verbose_name = _("thematafel")
        verbose_name_plural = _("thematafels")
        ordering = ["thema", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(thema=""), name="thematafel_thema_niet_leeg")
        ]

    def __str__(self):
        return self.thema

    def get_absolute_url(self) -> str:
        return reverse("participatie:thematafel-detail", args=[self.pk])


class BijeenkomstQuerySet(models.QuerySet):
    def visible_to(self, user) -> "BijeenkomstQuerySet":
        """Sessions of thematafels ``user`` may read."""
        return self.filter(thematafel__in=Thematafel.objects.visible_to(user))

    def gehouden(self, nu=None) -> "BijeenkomstQuerySet":
        """Sessions that took place: started, or with inbreng or attendance recorded (a
        session moved ahead afterwards still counts). Reports count these and feedback to
        participants covers them (participatie.cijfers)."""
        return self.filter(
            models.Q(begint_op__lte=nu or timezone.now())
            | models.Exists(Inbreng.objects.filter(bijeenkomst=models.OuterRef("pk")))
            | models.Exists(
                Bijeenkomst.aanwezig.through.objects.filter(bijeenkomst=models.OuterRef("pk"))
            )
        )

    def komend(self, nu=None) -> "BijeenkomstQuerySet":
        return self.filter(eindigt_op__gte=nu or timezone.now()).order_by("begint_op", "pk")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Bijeenkomst(TimeStampedModel):
    """One session of a thematafel: who was invited, who came, what was said."""

    # How the history names one (core.geschiedenis).
    geschiedenis_naam = _("%(thematafel)s, %(begint_op)s")

    thematafel = models.ForeignKey(
        Thematafel,
        verbose_name=_("thematafel"),
        on_delete=models.CASCADE,
        related_name="bijeenkomsten",
    )
    sprint = models.ForeignKey(
        "Opgavesprint",
        verbose_name=_("opgavesprint"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bijeenkomsten",
    )
    begint_op = models.DateTimeField(_("begint op"))
    eindigt_op = models.DateTimeField(_("eindigt op"))
    locatie = models.CharField(_("plaats"), max_length=200)
    agenda = models.TextField(_("agenda"), max_length=4000, blank=True)
    uitgenodigd = models.ManyToManyField(
        Stakeholder, verbose_name=_("uitgenodigd"), blank=True, related_name="uitnodigingen"
    )
    aanwezig = models.ManyToManyField(
        Stakeholder, verbose_name=_("aanwezig"), blank=True, related_name="aanwezigheden"
    )
    aantal_niet_geregistreerd = models.PositiveIntegerField(
        _("bewoners zonder registratie"),
        default=0,
        help_text=_("Hoeveel bewoners kwamen zonder dat we hun gegevens vastleggen."),
    )
    # Residents sign up on the public site (participatie.aanmelden) when the team opens it.
    aanmelden_open = models.BooleanField(
        _("inwoners kunnen zich aanmelden via de website"),
        default=False,
        help_text=_("Alleen bij een opgave die op de website staat (Meedoen)."),
    )
    plaatsen = models.PositiveIntegerField(
        _("aantal plaatsen"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen maximum. Wie er niet meer bij past, komt op de wachtlijst."),
    )
    # Markdown as typed; verslagen from before were sanitised HTML. Both are rendered and
    # cleaned (nh3) on the way out (verslag_html).
    verslag = models.TextField(_("verslag"), max_length=20000, blank=True)

    objects = BijeenkomstQuerySet.as_manager()

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["begint_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eindigt_op__gt=models.F("begint_op")),
                name="bijeenkomst_eindigt_na_begin",
            )
        ]

    def __str__(self):
        return f"{self.thematafel} — {timezone.localtime(self.begint_op):%d-%m-%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("participatie:bijeenkomst-detail", args=[self.pk])

    @property
    def verslag_html(self) -> str:
        return als_html(self.verslag)


class InbrengSoort(models.TextChoices):
    IDEE = "idee", _("Idee")
    ZORG = "zorg", _("Zorg")
    SIGNAAL = "signaal", _("Signaal")
    KANS = "kans", _("Kans")


class Terugkoppeling(models.TextChoices):
    """What was done with a piece of inbreng: the answer participants get."""

    OPEN = "open", _("Nog geen terugkoppeling")
    OVERGENOMEN = "overgenomen", _("Overgenomen in het canvas")
    IN_ONDERZOEK = "in_onderzoek", _("In onderzoek")
    NIET_OVERGENOMEN = "niet_overgenomen", _("Niet overgenomen")


class InbrengQuerySet(models.QuerySet):
    def zonder_terugkoppeling(self) -> "InbrengQuerySet":
        return self.filter(terugkoppeling=Terugkoppeling.OPEN)


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Inbreng(TimeStampedModel):
    """An idea, concern, signal or chance raised in a session, and what became of it."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, verbose_name=_("bijeenkomst"), on_delete=models.CASCADE, related_name="inbreng"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=InbrengSoort)
    tekst = models.TextField(_("inbreng"), max_length=2000)
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("ingebracht door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbreng",
    )
    blokken = ArrayField(
        models.CharField(max_length=30, choices=Blok),
        verbose_name=_("canvasblokken"),
        default=list,
        blank=True,
    )
    stemmen = models.PositiveIntegerField(_("stemmen"), default=0)
    terugkoppeling = models.CharField(
        _("terugkoppeling"), max_length=20, choices=Terugkoppeling, default=Terugkoppeling.OPEN
    )
    toelichting = models.TextField(
        _("toelichting bij de terugkoppeling"), max_length=2000, blank=True
    )
    teruggekoppeld_op = models.DateTimeField(_("teruggekoppeld op"), null=True, blank=True)
    teruggekoppeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Taken over into the canvas: the item links back here (CanvasItem.inbreng).
    canvas_item = models.OneToOneField(
        CanvasItem,
        verbose_name=_("canvasitem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbreng",
    )

    objects = InbrengQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbreng")
        verbose_name_plural = _("inbreng")
        ordering = ["-stemmen", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort__in=InbrengSoort.values), name="inbreng_soort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(terugkoppeling__in=Terugkoppeling.values),
                name="inbreng_terugkoppeling_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(blokken__contained_by=Blok.values), name="inbreng_blokken_valid"
            ),
            models.CheckConstraint(condition=~models.Q(tekst=""), name="inbreng_tekst_niet_leeg"),
            # Participants are owed a reason when their input is not taken over.
            models.CheckConstraint(
                condition=~models.Q(terugkoppeling=Terugkoppeling.NIET_OVERGENOMEN)
                | ~models.Q(toelichting=""),
                name="inbreng_niet_overgenomen_met_reden",
            ),
        ]

    def __str__(self):
        return self.tekst[:60]

    def get_absolute_url(self) -> str:
        return f"{self.bijeenkomst.get_absolute_url()}#inbreng-{self.pk}"

    def terugkoppelen(self, *, terugkoppeling: str, toelichting: str, user) -> None:
        """Tell the participants what was done with this inbreng, and who said so."""
        self.terugkoppeling = terugkoppeling
        self.toelichting = toelichting
        self.teruggekoppeld_op = timezone.now()
        self.teruggekoppeld_door = user
        self.full_clean()
        self.save()

    @property
    def blok_labels(self) -> list[str]:
        return [Blok(b).label for b in self.blokken]


class ActiepuntStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEZIG = "bezig", _("In uitvoering")
    GEREED = "gereed", _("Gereed")


class ActiepuntQuerySet(models.QuerySet):
    def open(self) -> "ActiepuntQuerySet":
        return self.exclude(status=ActiepuntStatus.GEREED)


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Actiepunt(TimeStampedModel):
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        verbose_name=_("bijeenkomst"),
        on_delete=models.CASCADE,
        related_name="actiepunten",
    )
    omschrijving = models.CharField(_("actiepunt"), max_length=300)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="actiepunten",
    )
    deadline = models.DateField(_("uiterlijk"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActiepuntStatus, default=ActiepuntStatus.OPEN
    )

    objects = ActiepuntQuerySet.as_manager()

    class Meta:
        verbose_name = _("actiepunt")
        verbose_name_plural = _("actiepunten")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ActiepuntStatus.values),
                name="actiepunt_status_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(omschrijving=""), name="actiepunt_omschrijving_niet_leeg"
            ),
        ]

    def __str__(self):
        return self.omschrijving

    @property
    def is_te_laat(self) -> bool:
        return self.status != ActiepuntStatus.GEREED and self.deadline < timezone.localdate()
