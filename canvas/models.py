import pghistory
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from opgaven.models import Opgave


class Blok(models.TextChoices):
    """The ten building blocks of the maatschappelijke waarde canvas, in canvas order."""

    BELEIDSDOELEN = "beleidsdoelen", _("Beleidsdoelen")
    PRESTATIES_EFFECTEN = "prestaties_effecten", _("Prestaties en effecten")
    DOELGROEPEN = "doelgroepen", _("Doelgroepen")
    ROLLEN = "rollen", _("Rollen")
    ACTIVITEITEN = "activiteiten", _("Activiteiten")
    COMMUNICATIE = "communicatie", _("Communicatie")
    ORGANISATIE = "organisatie", _("Organisatie")
    BEGROTING = "begroting", _("Begroting")
    PARTICIPATIE = "participatie", _("Participatie")
    SAMENWERKING = "samenwerking", _("Samenwerking met partners")


class WVraag(models.TextChoices):
    """The three questions of Dutch programme reporting (BBV)."""

    BEREIKEN = "bereiken", _("Wat willen we bereiken?")
    DOEN = "doen", _("Wat gaan we daarvoor doen?")
    KOSTEN = "kosten", _("Wat mag het kosten?")


# Which canvas blocks answer which W-question in the council report.
W_VRAAG_BLOKKEN: dict[str, list[str]] = {
    WVraag.BEREIKEN: [Blok.BELEIDSDOELEN, Blok.PRESTATIES_EFFECTEN, Blok.DOELGROEPEN],
    WVraag.DOEN: [
        Blok.ACTIVITEITEN,
        Blok.ROLLEN,
        Blok.PARTICIPATIE,
        Blok.SAMENWERKING,
        Blok.COMMUNICATIE,
        Blok.ORGANISATIE,
    ],
    WVraag.KOSTEN: [Blok.BEGROTING],
}


class Soort(models.TextChoices):
    """Within "Prestaties en effecten": what we deliver, or what changes for people."""

    PRESTATIE = "prestatie", _("Prestatie")
    EFFECT = "effect", _("Effect")


class ItemStatus(models.TextChoices):
    """Where an item stands in the canvas conversation."""

    CONCEPT = "concept", _("Concept")
    IN_BESPREKING = "in_bespreking", _("In bespreking")
    AKKOORD = "akkoord", _("Akkoord")


class CanvasItemQuerySet(models.QuerySet):
    def met_details(self) -> "CanvasItemQuerySet":
        """What an item shows on the canvas, in one query: editor, owner, comment count."""
        # Meta.ordering does not apply to a GROUP BY query: order explicitly.
        return (
            self.select_related("bijgewerkt_door", "eigenaar")
            .annotate(aantal_reacties=models.Count("reacties"))
            .order_by("blok", "volgorde", "pk")
        )

    def herschik(self, volgorde: list[int]) -> None:
        """Number the given items 1..n in this order (the caller holds the block's rows)."""
        items = {item.pk: item for item in self.filter(pk__in=volgorde)}
        for plaats, pk in enumerate(volgorde, start=1):
            items[pk].volgorde = plaats
        self.bulk_update(items.values(), ["volgorde"])

    def momentopname(self) -> list[dict]:
        """The items as plain data, the form a CanvasVersie keeps and compares."""
        return [
            {"id": i.pk, "blok": i.blok, "volgorde": i.volgorde, "tekst": i.tekst}
            for i in self.order_by("blok", "volgorde", "pk")
        ]

    def eigenschappen_opslaan(self, pk: int, **velden) -> None:
        """Owner or status: only these columns, so a text being edited elsewhere (and its
        version) is untouched and never conflicts."""
        self.filter(pk=pk).update(**velden, updated_at=timezone.now())

    def update_if_current(self, *, pk: int, versie: int, tekst: str, user) -> bool:
        """Save ``tekst`` only if nobody saved since version ``versie`` was loaded.

        One conditional UPDATE: two editors can never both win, and a stale save
        changes nothing (the caller shows the conflict).
        """
        updated = self.filter(pk=pk, versie=versie).update(
            tekst=tekst, versie=F("versie") + 1, bijgewerkt_door=user, updated_at=timezone.now()
        )
        return updated == 1


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class CanvasItem(TimeStampedModel):
    """One entry in one block of an opgave's canvas."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="canvas_items"
    )
    blok = models.CharField(_("blok"), max_length=30, choices=Blok)
    tekst = models.TextField(_("tekst"), max_length=4000)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    versie = models.PositiveIntegerField(_("versie"), default=1)
    soort = models.CharField(
        _("prestatie of effect"),
        max_length=10,
        choices=Soort,
        default=Soort.PRESTATIE,
        help_text=_("Alleen in het blok Prestaties en effecten."),
    )
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="canvasitems_in_eigendom",
        help_text=_("Wie uit het opgaveteam dit item trekt."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus, default=ItemStatus.CONCEPT
    )
    bijgewerkt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CanvasItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("canvasitem")
        verbose_name_plural = _("canvasitems")
        ordering = ["blok", "volgorde", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(blok__in=Blok.values), name="canvasitem_blok_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(versie__gte=1), name="canvasitem_versie_positief"
            ),
            models.CheckConstraint(
                condition=models.Q(soort__in=Soort.values), name="canvasitem_soort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ItemStatus.values), name="canvasitem_status_valid"
            ),
        ]

    def __str__(self):
        return self.tekst[:60]


@pghistory.track(pghistory.InsertEvent(), pghistory.DeleteEvent())
class Reactie(models.Model):
    """One comment in the thread under a canvas item."""

    item = models.ForeignKey(
        CanvasItem, verbose_name=_("canvasitem"), on_delete=models.CASCADE, related_name="reacties"
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tekst = models.TextField(_("reactie"), max_length=2000)
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(tekst=""), name="reactie_niet_leeg"),
        ]

    def __str__(self):
        return self.tekst[:60]


class CanvasVersieQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CanvasVersieQuerySet":
        return self.filter(opgave__in=Opgave.objects.visible_to(user))


@pghistory.track(pghistory.InsertEvent(), pghistory.DeleteEvent())
class CanvasVersie(TimeStampedModel):
    """The whole canvas of an opgave frozen under a name ("na sprint 2"); never changed."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="canvasversies"
    )
    naam = models.CharField(_("naam"), max_length=100)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # [{"id", "blok", "volgorde", "tekst"}, ...]: a copy, so later edits never change it.
    items = models.JSONField(_("items"), default=list, blank=True)

    objects = CanvasVersieQuerySet.as_manager()

    class Meta:
        verbose_name = _("canvasversie")
        verbose_name_plural = _("canvasversies")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["opgave", "naam"], name="canvasversie_naam_uniek"),
            models.CheckConstraint(
                condition=~models.Q(naam=""), name="canvasversie_naam_niet_leeg"
            ),
        ]

    def __str__(self):
        return self.naam

    @classmethod
    def vastleggen(cls, *, opgave: Opgave, naam: str, user) -> "CanvasVersie":
        items = opgave.canvas_items.momentopname()
        versie = cls(opgave=opgave, naam=naam, vastgelegd_door=user, items=items)
        versie.full_clean()
        versie.save()
        return versie


@pghistory.track(pghistory.InsertEvent(), pghistory.DeleteEvent())
class Schakel(models.Model):
    """One link of the effect chain: this item contributes to that one."""

    van = models.ForeignKey(CanvasItem, on_delete=models.CASCADE, related_name="schakels_naar")
    naar = models.ForeignKey(CanvasItem, on_delete=models.CASCADE, related_name="schakels_van")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("schakel in de effectketen")
        verbose_name_plural = _("schakels in de effectketen")
        constraints = [
            models.UniqueConstraint(fields=["van", "naar"], name="schakel_uniek"),
            models.CheckConstraint(
                condition=~models.Q(van=models.F("naar")), name="schakel_niet_naar_zichzelf"
            ),
        ]

    def __str__(self):
        return f"{self.van_id} -> {self.naar_id}"


class FinancierSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    PARTNER = "partner", _("Partner")
    PROVINCIE = "provincie", _("Provincie")
    RIJK = "rijk", _("Rijk of subsidie")
    OVERIG = "overig", _("Overig")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Financier(TimeStampedModel):
    """Who pays for part of an opgave's plan: the municipality (per begrotingsprogramma),
    partners, the province, the state."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="financiers"
    )
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=20, choices=FinancierSoort)
    begrotingsprogramma = models.CharField(
        _("begrotingsprogramma"),
        max_length=150,
        blank=True,
        help_text=_("Bij de gemeente: het programma in de begroting."),
    )

    class Meta:
        verbose_name = _("financier")
        verbose_name_plural = _("financiers")
        ordering = ["soort", "naam", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["opgave", "naam"], name="financier_naam_uniek"),
            models.CheckConstraint(
                condition=models.Q(soort__in=FinancierSoort.values), name="financier_soort_valid"
            ),
            models.CheckConstraint(condition=~models.Q(naam=""), name="financier_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Begrotingsregel(TimeStampedModel):
    """What one financier puts into one activity in one year: planned and realised, in euros."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="begrotingsregels"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    activiteit = models.ForeignKey(
        CanvasItem,
        verbose_name=_("activiteit"),
        on_delete=models.PROTECT,
        related_name="begrotingsregels",
        limit_choices_to={"blok": Blok.ACTIVITEITEN},
    )
    financier = models.ForeignKey(
        Financier,
        verbose_name=_("financier"),
        on_delete=models.PROTECT,
        related_name="begrotingsregels",
    )
    begroot = models.DecimalField(
        _("begroot"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    realisatie = models.DecimalField(
        _("realisatie"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        ordering = ["jaar", "activiteit__volgorde", "financier__naam", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaar", "activiteit", "financier"], name="begrotingsregel_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(jaar__gte=2000, jaar__lte=2100), name="begrotingsregel_jaar"
            ),
            models.CheckConstraint(
                condition=models.Q(begroot__gte=0, realisatie__gte=0),
                name="begrotingsregel_niet_negatief",
            ),
        ]

    def __str__(self):
        return f"{self.jaar} {self.activiteit_id} {self.financier_id}"


class Bron(models.TextChoices):
    GGD = "ggd", _("GGD-monitor")
    CBS = "cbs", _("CBS")
    WSJG = "wsjg", _("waarstaatjegemeente.nl")
    EIGEN = "eigen", _("Eigen meting")
    OVERIG = "overig", _("Overig")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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
        _("eenheid"), max_length=50, help_text=_("Bijvoorbeeld %, aantal of rapportcijfer.")
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


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Meting(models.Model):
    """One dated value of an indicator; one per date (importing again updates it)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="metingen"
    )
    datum = models.DateField(_("datum"))
    waarde = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)

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


class UitvoeringStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gepland")
    LOOPT = "loopt", _("Loopt")
    VERTRAAGD = "vertraagd", _("Vertraagd")
    AFGEROND = "afgerond", _("Afgerond")
    GESTOPT = "gestopt", _("Gestopt")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Uitvoering(TimeStampedModel):
    """The realisatieplan for one activity: who carries it out, when, and how far it is."""

    activiteit = models.OneToOneField(
        CanvasItem,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="uitvoering",
        limit_choices_to={"blok": Blok.ACTIVITEITEN},
    )
    partner = models.CharField(
        _("uitvoerende partner"),
        max_length=200,
        blank=True,
        help_text=_("Als een partnerorganisatie de activiteit trekt."),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    eind = models.DateField(_("eind"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=UitvoeringStatus, default=UitvoeringStatus.GEPLAND
    )
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("uitvoering")
        verbose_name_plural = _("uitvoering")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=UitvoeringStatus.values),
                name="uitvoering_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(voortgang__lte=100), name="uitvoering_voortgang_max_100"
            ),
            models.CheckConstraint(
                condition=models.Q(eind__isnull=True)
                | models.Q(start__isnull=True)
                | models.Q(eind__gte=models.F("start")),
                name="uitvoering_eind_na_start",
            ),
        ]

    def __str__(self):
        return f"{self.activiteit}: {self.get_status_display()}"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Mijlpaal(models.Model):
    """A dated point an activity must reach."""

    activiteit = models.ForeignKey(
        CanvasItem,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="mijlpalen",
        limit_choices_to={"blok": Blok.ACTIVITEITEN},
    )
    naam = models.CharField(_("naam"), max_length=200)
    datum = models.DateField(_("datum"))
    behaald = models.BooleanField(_("behaald"), default=False)

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(naam=""), name="mijlpaal_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam
