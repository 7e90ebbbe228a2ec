import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
