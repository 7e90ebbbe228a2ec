import nh3
import pghistory
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from canvas.models import Blok, CanvasItem
from core.models import TimeStampedModel
from opgaven.models import Opgave


class StakeholderSoort(models.TextChoices):
    INWONER = "inwoner", _("Inwoner")
    ONDERNEMER = "ondernemer", _("Ondernemer")
    MAATSCHAPPELIJKE_ORGANISATIE = "maatschappelijke_organisatie", _("Maatschappelijke organisatie")
    KENNISINSTELLING = "kennisinstelling", _("Kennisinstelling")
    BELANGENORGANISATIE = "belangenorganisatie", _("Belangenorganisatie")
    OVERHEID = "overheid", _("Overheid")
    ZORGAANBIEDER = "zorgaanbieder", _("Zorgaanbieder")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")


class Vorm(models.TextChoices):
    ORGANISATIE = "organisatie", _("Organisatie")
    PERSOON = "persoon", _("Persoon")


class Grondslag(models.TextChoices):
    """AVG article 6 grounds we use for persons in the register."""

    PUBLIEKE_TAAK = "publieke_taak", _("Publieke taak")
    TOESTEMMING = "toestemming", _("Toestemming")


class Houding(models.TextChoices):
    ONBEKEND = "onbekend", _("Onbekend")
    POSITIEF = "positief", _("Positief")
    NEUTRAAL = "neutraal", _("Neutraal")
    KRITISCH = "kritisch", _("Kritisch")


class Participatieladder(models.IntegerChoices):
    """The rungs of the participation ladder, lowest first."""

    INFORMEREN = 1, _("Informeren")
    RAADPLEGEN = 2, _("Raadplegen")
    ADVISEREN = 3, _("Adviseren")
    COPRODUCEREN = 4, _("Coproduceren")
    MEEBESLISSEN = 5, _("Meebeslissen")


class BetrokkenheidRol(models.TextChoices):
    MEDE_EIGENAAR = "mede_eigenaar", _("Mede-eigenaar")
    PARTNER = "partner", _("Partner")
    UITVOERDER = "uitvoerder", _("Uitvoerder")
    FINANCIER = "financier", _("Financier")
    ADVISEUR = "adviseur", _("Adviseur")
    BELANGHEBBENDE = "belanghebbende", _("Belanghebbende")


class Kwadrant(models.TextChoices):
    NAUW_BETREKKEN = "nauw_betrekken", _("Nauw betrekken")
    TEVREDEN_HOUDEN = "tevreden_houden", _("Tevreden houden")
    INFORMEREN = "informeren", _("Informeren")
    MONITOREN = "monitoren", _("Monitoren")


class StakeholderQuerySet(models.QuerySet):
    def met_contact_zichtbaar(self, user) -> "StakeholderQuerySet":
        """Annotate ``contact_zichtbaar``: organisations' details for all staff, a person's
        only for the beheerder and the teams of opgaven the person takes part in (AVG)."""
        if user.rol == "beheerder":
            return self.annotate(contact_zichtbaar=models.Value(True))
        in_team = Betrokkenheid.objects.filter(stakeholder=models.OuterRef("pk")).filter(
            models.Q(opgave__opgaveregisseur=user) | models.Q(opgave__teamleden=user)
        )
        return self.annotate(
            contact_zichtbaar=models.Q(vorm=Vorm.ORGANISATIE) | models.Exists(in_team)
        )

    def mogelijke_dubbelen(self, *, naam: str, email: str = "", kvk_nummer: str = "", behalve=None):
        """Stakeholders that are probably the same: same name (any case), e-mail or KvK number."""
        gelijk = models.Q(naam__iexact=naam.strip())
        if email:
            gelijk |= models.Q(email__iexact=email.strip())
        if kvk_nummer:
            gelijk |= models.Q(kvk_nummer=kvk_nummer.strip())
        qs = self.filter(gelijk, geanonimiseerd_op__isnull=True)
        return qs.exclude(pk=behalve.pk) if behalve is not None and behalve.pk else qs


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Stakeholder(TimeStampedModel):
    """An organisation or person with a stake in one or more opgaven."""

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=40, choices=StakeholderSoort)
    vorm = models.CharField(
        _("organisatie of persoon"), max_length=20, choices=Vorm, default=Vorm.ORGANISATIE
    )
    organisatie = models.ForeignKey(
        "self",
        verbose_name=_("werkt bij / hoort bij"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="personen",
        limit_choices_to={"vorm": Vorm.ORGANISATIE},
    )
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True, max_length=2000)
    # AVG: what we hold about a person, why, on what ground, and until when.
    grondslag = models.CharField(_("grondslag"), max_length=20, choices=Grondslag, blank=True)
    doel = models.CharField(
        _("doel van de verwerking"),
        max_length=300,
        blank=True,
        help_text=_("Waarvoor hebben we deze gegevens nodig?"),
    )
    bewaren_tot = models.DateField(_("bewaartermijn tot"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = StakeholderQuerySet.as_manager()

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort__in=StakeholderSoort.values),
                name="stakeholder_soort_valid",
            ),
            models.CheckConstraint(condition=~models.Q(naam=""), name="stakeholder_naam_niet_leeg"),
            models.CheckConstraint(
                condition=models.Q(vorm__in=Vorm.values), name="stakeholder_vorm_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(grondslag__in=["", *Grondslag.values]),
                name="stakeholder_grondslag_valid",
            ),
            # A person in the register always has a ground, a purpose and a retention date.
            models.CheckConstraint(
                condition=~models.Q(vorm="persoon")
                | models.Q(geanonimiseerd_op__isnull=False)
                | (
                    ~models.Q(grondslag="")
                    & ~models.Q(doel="")
                    & models.Q(bewaren_tot__isnull=False)
                ),
                name="stakeholder_persoon_avg",
            ),
            models.CheckConstraint(
                condition=models.Q(kvk_nummer="") | models.Q(kvk_nummer__regex=r"^[0-9]{8}$"),
                name="stakeholder_kvk_8_cijfers",
            ),
        ]

    def __str__(self):
        return self.naam

    @property
    def is_persoon(self) -> bool:
        return self.vorm == Vorm.PERSOON


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Betrokkenheid(TimeStampedModel):
    """How one stakeholder is involved in one opgave: role, power and interest."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="betrokkenheden"
    )
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("stakeholder"),
        on_delete=models.PROTECT,
        related_name="betrokkenheden",
    )
    rol = models.CharField(
        _("rol"), max_length=20, choices=BetrokkenheidRol, default=BetrokkenheidRol.BELANGHEBBENDE
    )
    invloed = models.PositiveSmallIntegerField(_("invloed (1-5)"), default=3)
    belang = models.PositiveSmallIntegerField(_("belang (1-5)"), default=3)
    houding = models.CharField(
        _("houding"), max_length=20, choices=Houding, default=Houding.ONBEKEND
    )
    ladder_nu = models.PositiveSmallIntegerField(
        _("participatieladder nu"),
        choices=Participatieladder,
        default=Participatieladder.INFORMEREN,
    )
    ladder_gewenst = models.PositiveSmallIntegerField(
        _("participatieladder gewenst"),
        choices=Participatieladder,
        default=Participatieladder.INFORMEREN,
    )
    acties = models.TextField(
        _("acties om in positie te brengen"),
        blank=True,
        max_length=2000,
        help_text=_("Wat doen we om de gewenste trede te bereiken?"),
    )

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheden")
        ordering = ["-invloed", "-belang", "stakeholder__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["opgave", "stakeholder"], name="betrokkenheid_uniek_per_opgave"
            ),
            models.CheckConstraint(
                condition=models.Q(rol__in=BetrokkenheidRol.values), name="betrokkenheid_rol_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(invloed__gte=1, invloed__lte=5), name="betrokkenheid_invloed_1_5"
            ),
            models.CheckConstraint(
                condition=models.Q(belang__gte=1, belang__lte=5), name="betrokkenheid_belang_1_5"
            ),
            models.CheckConstraint(
                condition=models.Q(houding__in=Houding.values), name="betrokkenheid_houding_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(ladder_nu__gte=1, ladder_nu__lte=5)
                & models.Q(ladder_gewenst__gte=1, ladder_gewenst__lte=5),
                name="betrokkenheid_ladder_1_5",
            ),
        ]

    def __str__(self):
        return f"{self.stakeholder} in {self.opgave}"

    @property
    def ladder_gat(self) -> int:
        """How many rungs the stakeholder still has to climb ("in positie brengen")."""
        return max(0, self.ladder_gewenst - self.ladder_nu)

    @property
    def kwadrant(self) -> Kwadrant:
        """Where the stakeholder sits on the power/interest grid (3 and up counts as high)."""
        hoge_invloed, hoog_belang = self.invloed >= 3, self.belang >= 3
        if hoge_invloed and hoog_belang:
            return Kwadrant.NAUW_BETREKKEN
        if hoge_invloed:
            return Kwadrant.TEVREDEN_HOUDEN
        if hoog_belang:
            return Kwadrant.INFORMEREN
        return Kwadrant.MONITOREN


class Beoordeling(models.Model):
    """An assessment of a betrokkenheid at a date; re-assessing adds one, never overwrites."""

    betrokkenheid = models.ForeignKey(
        Betrokkenheid, on_delete=models.CASCADE, related_name="beoordelingen"
    )
    invloed = models.PositiveSmallIntegerField(_("invloed (1-5)"))
    belang = models.PositiveSmallIntegerField(_("belang (1-5)"))
    houding = models.CharField(_("houding"), max_length=20, choices=Houding)
    ladder_nu = models.PositiveSmallIntegerField(
        _("participatieladder nu"), choices=Participatieladder
    )
    ladder_gewenst = models.PositiveSmallIntegerField(
        _("participatieladder gewenst"), choices=Participatieladder
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("beoordeeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.betrokkenheid} ({self.created_at:%Y-%m-%d})"


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", _("Gesprek")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")
    EMAIL = "email", _("E-mail")
    TELEFOON = "telefoon", _("Telefoon")


class Richting(models.TextChoices):
    UITGAAND = "uitgaand", _("Wij namen contact op")
    INKOMEND = "inkomend", _("De stakeholder nam contact op")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Contactmoment(TimeStampedModel):
    """A dated contact with stakeholders about an opgave, with what was said."""

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


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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


# --- Participatie: thematafels, bijeenkomsten, inbreng, sprints, beleving, signalen -----


class ThematafelQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ThematafelQuerySet":
        """Thematafels of opgaven ``user`` may read."""
        return self.filter(
            pk__in=Thematafel.opgaven.through.objects.filter(
                opgave__in=Opgave.objects.visible_to(user)
            ).values("thematafel_id")
        )


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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
    def komend(self, nu=None) -> "BijeenkomstQuerySet":
        return self.filter(eindigt_op__gte=nu or timezone.now()).order_by("begint_op", "pk")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Bijeenkomst(TimeStampedModel):
    """One session of a thematafel: who was invited, who came, what was said."""

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
    # Sanitised HTML (nh3) on the way in; sanitised again on the way out (verslag_html).
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
        return schoon_html(self.verslag)


VERSLAG_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "blockquote", "a"}


def schoon_html(html: str) -> SafeString:
    """Rich text a user typed, reduced to harmless markup: no scripts, styles or handlers."""
    # nh3 has just removed everything that could execute.
    return mark_safe(
        nh3.clean(
            html,
            tags=VERSLAG_TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
        )
    )


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


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Opgavesprint(TimeStampedModel):
    """A numbered, time-boxed push on an opgave where it becomes tangible (Horst aan de Maas)."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="sprints"
    )
    nummer = models.PositiveIntegerField(_("nummer"))
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    doel = models.TextField(_("sprintdoel"), max_length=2000)
    # Sprint 1 starts by making the opgave's intent and the approach so far explicit.
    maatschappelijke_bedoeling = models.TextField(
        _("maatschappelijke bedoeling"), max_length=4000, blank=True
    )
    aanpak_tot_nu_toe = models.TextField(_("aanpak tot nu toe"), max_length=4000, blank=True)
    uitkomsten = models.TextField(_("uitkomsten"), max_length=4000, blank=True)
    retrospectief = models.TextField(_("retrospectief"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("opgavesprint")
        verbose_name_plural = _("opgavesprints")
        ordering = ["opgave", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["opgave", "nummer"], name="sprint_nummer_uniek"),
            models.CheckConstraint(
                condition=models.Q(einddatum__gte=models.F("startdatum")),
                name="sprint_einde_na_start",
            ),
            models.CheckConstraint(condition=models.Q(nummer__gte=1), name="sprint_nummer_vanaf_1"),
            models.CheckConstraint(
                condition=~models.Q(nummer=1)
                | (~models.Q(maatschappelijke_bedoeling="") & ~models.Q(aanpak_tot_nu_toe="")),
                name="sprint_1_bedoeling_en_aanpak",
            ),
        ]

    def __str__(self):
        return _("Sprint %(nummer)s") % {"nummer": self.nummer}

    def get_absolute_url(self) -> str:
        return reverse("participatie:sprint-detail", args=[self.pk])


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Persona(TimeStampedModel):
    """A resident as the opgave meets them: the belevingsperspectief."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="personas"
    )
    naam = models.CharField(_("naam"), max_length=100)
    beschrijving = models.TextField(_("wie is dit?"), max_length=4000)
    doelgroepen = models.ManyToManyField(
        CanvasItem,
        verbose_name=_("doelgroepen in het canvas"),
        blank=True,
        related_name="personas",
        limit_choices_to={"blok": Blok.DOELGROEPEN},
    )

    class Meta:
        verbose_name = _("persona")
        verbose_name_plural = _("persona's")
        ordering = ["naam", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(naam=""), name="persona_naam_niet_leeg")
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("participatie:persona-detail", args=[self.pk])


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Reisstap(models.Model):
    """One step of a persona's journey through the opgave, with what gets in the way."""

    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="stappen")
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    omschrijving = models.CharField(_("stap"), max_length=300)
    knelpunt = models.TextField(_("knelpunt"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("reisstap")
        verbose_name_plural = _("reisstappen")
        ordering = ["volgorde", "pk"]

    def __str__(self):
        return self.omschrijving


class SignaalStatus(models.TextChoices):
    NIEUW = "nieuw", _("Wacht op antwoord")
    BEANTWOORD = "beantwoord", _("Beantwoord")


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Signaal(TimeStampedModel):
    """A colleague's report that policy does not fit reality, routed to an opgave."""

    opgave = models.ForeignKey(
        Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE, related_name="signalen"
    )
    titel = models.CharField(_("titel"), max_length=200)
    beschrijving = models.TextField(_("wat gaat er mis in de praktijk?"), max_length=4000)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        on_delete=models.PROTECT,
        related_name="ingediende_signalen",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignaalStatus, default=SignaalStatus.NIEUW
    )
    antwoord = models.TextField(_("antwoord"), max_length=4000, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SignaalStatus.values), name="signaal_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=SignaalStatus.BEANTWOORD) | ~models.Q(antwoord=""),
                name="signaal_beantwoord_met_antwoord",
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("participatie:signaal-detail", args=[self.pk])
