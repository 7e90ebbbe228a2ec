"""The canvas: ten blocks of items, each edited in place with a version check."""

import pghistory
from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel, gevolgd
from opgaven.models import Opgave

from .. import live


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


# What belongs in each block, in the method's words: shown while the block is edited.
BLOK_UITLEG = {
    Blok.BELEIDSDOELEN: _(
        "Welke maatschappelijke verandering willen we bereiken, en waarom? Schrijf het doel "
        "zo dat inwoners en raad het herkennen: een verandering, geen activiteit."
    ),
    Blok.PRESTATIES_EFFECTEN: _(
        "Wat merken inwoners ervan (effect) en wat leveren we daarvoor (prestatie)? Geef een "
        "effect een indicator als u het wilt meten."
    ),
    Blok.DOELGROEPEN: _(
        "Voor wie doen we het, en wie merkt er iets van? Zo concreet mogelijk: ouderen in de "
        "kernen, jonge gezinnen, ondernemers in het centrum."
    ),
    Blok.ROLLEN: _(
        "Welke rol neemt de gemeente en welke laten we aan anderen: regisseren, faciliteren, "
        "uitvoeren, financieren of loslaten?"
    ),
    Blok.ACTIVITEITEN: _(
        "Wat gaan we concreet doen, wie doet het en wanneer? Deze activiteiten vormen het "
        "realisatieplan."
    ),
    Blok.COMMUNICATIE: _(
        "Wie moet wat weten, wanneer en hoe: inwoners, partners, de raad en de eigen organisatie?"
    ),
    Blok.ORGANISATIE: _(
        "Wat vraagt het van de organisatie: mensen, kennis, afdelingen die samenwerken, "
        "besluiten die nodig zijn?"
    ),
    Blok.BEGROTING: _(
        "Wat kost het en wie betaalt wat? De bedragen komen uit de begroting; schrijf hier "
        "de toelichting van het team."
    ),
    Blok.PARTICIPATIE: _(
        "Hoe denken en doen inwoners, ondernemers en organisaties mee, op welke trede van de "
        "participatieladder, en hoe horen zij wat er met hun inbreng gebeurt?"
    ),
    Blok.SAMENWERKING: _(
        "Met welke partners werken we samen, wat brengt ieder in en wat spreken we af?"
    ),
}


# The canvas read as one picture, on screen and on A3: why, for whom and what in the top
# row, how and what it costs in the bottom row (code, label, its blocks).
ZONES = (
    ("waarom", _("Waarom"), (Blok.BELEIDSDOELEN, Blok.PRESTATIES_EFFECTEN)),
    ("voor-wie", _("Voor wie"), (Blok.DOELGROEPEN,)),
    ("wat", _("Wat"), (Blok.ACTIVITEITEN, Blok.ROLLEN)),
    (
        "hoe",
        _("Hoe"),
        (Blok.ORGANISATIE, Blok.COMMUNICATIE, Blok.PARTICIPATIE, Blok.SAMENWERKING),
    ),
    ("kosten", _("Wat het kost"), (Blok.BEGROTING,)),
)


def in_zones(blok) -> list[dict]:
    """The zones in order, each {"code", "label", "blokken": [blok(code), ...]}: what the
    screen and the A3 print lay out."""
    return [
        {"code": code, "label": label, "blokken": [blok(b) for b in blokken]}
        for code, label, blokken in ZONES
    ]


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
    def visible_to(self, user) -> "CanvasItemQuerySet":
        """Items of the opgaven ``user`` may read."""
        return self.filter(opgave__in=Opgave.objects.visible_to(user))

    def met_details(self) -> "CanvasItemQuerySet":
        """What an item shows on the canvas, in one query: editor, owner, comment count."""
        # Meta.ordering does not apply to a GROUP BY query: order explicitly.
        return (
            self.select_related("bijgewerkt_door", "eigenaar")
            .annotate(aantal_reacties=models.Count("reacties"))
            .order_by("blok", "volgorde", "pk")
        )

    def toevoegen(self, *, opgave: Opgave, blok: str, tekst: str, user) -> "CanvasItem":
        """A new item at the end of its block."""
        laatste = self.filter(opgave=opgave, blok=blok).aggregate(m=models.Max("volgorde"))["m"]
        item = self.model(
            opgave=opgave, blok=blok, tekst=tekst, volgorde=(laatste or 0) + 1, bijgewerkt_door=user
        )
        # The fields' own checks (length, choices); not a query per foreign key and per
        # check constraint (six of a save's 23): the objects are the view's own, and the
        # database holds the constraints.
        item.clean_fields(exclude=["opgave", "bijgewerkt_door"])
        item.save()
        return item

    def _blok_volgorde(self, opgave_id: int, blok: str) -> list[int]:
        """The block's item ids in their order, rows locked until the transaction ends."""
        return list(
            self.select_for_update()
            .filter(opgave_id=opgave_id, blok=blok)
            .order_by("volgorde", "pk")
            .values_list("pk", flat=True)
        )

    def _nummer(self, volgorde: list[int]) -> None:
        """Number the given items 1..n in this order (the caller holds the block's rows)."""
        items = {item.pk: item for item in self.filter(pk__in=volgorde)}
        for plaats, pk in enumerate(volgorde, start=1):
            items[pk].volgorde = plaats
        self.bulk_update(items.values(), ["volgorde"])
        if items:
            eerste = next(iter(items.values()))
            live.blokken_gewijzigd(eerste.opgave_id, eerste.blok)

    @transaction.atomic
    def verplaats(self, item: "CanvasItem", richting: str) -> tuple[int, int]:
        """One place up ("omhoog") or down within the block; returns (new place, last place)."""
        volgorde = self._blok_volgorde(item.opgave_id, item.blok)
        plaats = volgorde.index(item.pk)
        doel = plaats - 1 if richting == "omhoog" else plaats + 1
        if 0 <= doel < len(volgorde):
            volgorde[plaats], volgorde[doel] = volgorde[doel], volgorde[plaats]
            self._nummer(volgorde)
            plaats = doel
        return plaats, len(volgorde) - 1

    @transaction.atomic
    def herschik_blok(self, opgave: Opgave, blok: str, gevraagd: list[str]) -> bool:
        """Put a whole block in the order asked; False (nothing changed) when the ids asked
        are not exactly the block's items (someone added or removed one meanwhile)."""
        huidig = self._blok_volgorde(opgave.pk, blok)
        if sorted(gevraagd) != sorted(str(pk) for pk in huidig):
            return False
        self._nummer([int(pk) for pk in gevraagd])
        return True

    @transaction.atomic
    def naar_blok(self, item: "CanvasItem", blok: str, user) -> None:
        """To the end of another block of the same canvas. The text's version stays: whoever
        is editing the text meanwhile saves it without a conflict, in the new block."""
        volgorde = self._blok_volgorde(item.opgave_id, blok)
        self.filter(pk=item.pk).update(blok=blok, bijgewerkt_door=user, updated_at=timezone.now())
        self._nummer([*volgorde, item.pk])  # says the new block changed
        live.blokken_gewijzigd(item.opgave_id, item.blok)

    def momentopname(self) -> list[dict]:
        """The items as plain data, the form a CanvasVersie keeps and compares."""
        return [
            {"id": i.pk, "blok": i.blok, "volgorde": i.volgorde, "tekst": i.tekst}
            for i in self.order_by("blok", "volgorde", "pk")
        ]

    def eigenschappen_opslaan(self, item: "CanvasItem", **velden) -> None:
        """Owner or status: only these columns, so a text being edited elsewhere (and its
        version) is untouched and never conflicts."""
        self.filter(pk=item.pk).update(**velden, updated_at=timezone.now())
        live.blokken_gewijzigd(item.opgave_id, item.blok)

    def update_if_current(self, item: "CanvasItem", *, versie: int, tekst: str, user) -> bool:
        """Save ``tekst`` only if nobody saved since version ``versie`` was loaded.

        One conditional UPDATE: two editors can never both win, and a stale save
        changes nothing (the caller shows the conflict).
        """
        updated = self.filter(pk=item.pk, versie=versie).update(
            tekst=tekst, versie=F("versie") + 1, bijgewerkt_door=user, updated_at=timezone.now()
        )
        if updated:
            live.blokken_gewijzigd(item.opgave_id, item.blok)
        return updated == 1


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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

    # The history in words (core.geschiedenis): which block, which text.
    geschiedenis_zinnen = {
        "insert": _("Canvas, %(blok)s: “%(tekst)s” toegevoegd"),
        "update": _("Canvas, %(blok)s: “%(tekst)s” gewijzigd"),
        "delete": _("Canvas, %(blok)s: “%(tekst)s” verwijderd"),
    }

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

    # Every open copy of the canvas shows a new, changed or removed item (canvas.live); the
    # writes that go round save() (update(), bulk_update()) say so themselves, above.
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        live.blokken_gewijzigd(self.opgave_id, self.blok)

    def delete(self, *args, **kwargs):
        antwoord = super().delete(*args, **kwargs)
        live.blokken_gewijzigd(self.opgave_id, self.blok)
        return antwoord

    @property
    def andere_blokken(self) -> list[tuple[str, str]]:
        """(code, label) of the blocks it could move to."""
        return [(code, label) for code, label in Blok.choices if code != self.blok]

    def waarom_niet_naar_ander_blok(self) -> str:
        """Why this item must stay in its block, or "" when it may move: what keeps it from
        being deleted (money, indicators), and its planning or its links in the effect chain."""
        if fout := self.waarom_niet_verwijderen():
            return fout
        if self.mijlpalen.exists() or hasattr(self, "uitvoering"):
            return _(
                "Deze activiteit staat in het realisatieplan; die hoort bij het blok "
                "Activiteiten. Haal haar daar eerst weg."
            )
        if self.schakels_naar.exists() or self.schakels_van.exists():
            return _("Dit item staat in de effectketen. Haal de schakels eerst weg.")
        return ""

    def waarom_niet_verwijderen(self) -> str:
        """Why this item cannot go (money or indicators hang on it), or "" when it can."""
        if self.begrotingsregels.exists():
            return _(
                "Dit item heeft begrotingsregels. Verwijder of verplaats die eerst in de begroting."
            )
        if self.indicatoren.exists():
            return _(
                "Dit item heeft indicatoren met metingen. Verwijder die eerst bij Indicatoren."
            )
        return ""


@gevolgd(pghistory.InsertEvent(), pghistory.DeleteEvent())
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

    # The canvas shows each item's number of comments (canvas.live).
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        live.blokken_gewijzigd(self.item.opgave_id, self.item.blok)

    def delete(self, *args, **kwargs):
        antwoord = super().delete(*args, **kwargs)
        live.blokken_gewijzigd(self.item.opgave_id, self.item.blok)
        return antwoord
