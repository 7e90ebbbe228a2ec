"""The stakeholder register: organisations and persons (AVG: ground, purpose, retention)."""

import pghistory
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import connection, models
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.aantal import aantal
from core.models import TimeStampedModel, gevolgd

from .positie import Betrokkenheid


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


class StakeholderQuerySet(models.QuerySet):
    def bewaartermijn_verstreken(self) -> "StakeholderQuerySet":
        """Persons not yet anonymised whose retention date has passed (AVG), oldest first."""
        return self.filter(
            vorm=Vorm.PERSOON, geanonimiseerd_op__isnull=True, bewaren_tot__lt=timezone.localdate()
        ).order_by("bewaren_tot", "pk")

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

    def register(self, user, filters: dict) -> "StakeholderQuerySet":
        """The register's rows in name order, with ``aantal_opgaven``: a count per row shown,
        not a GROUP BY over the whole register before the page is taken."""
        per_stakeholder = Betrokkenheid.objects.filter(stakeholder=models.OuterRef("pk"))
        return (
            self.filter(geanonimiseerd_op__isnull=True)
            .select_related("organisatie")
            .met_contact_zichtbaar(user)
            .annotate(aantal_opgaven=aantal(per_stakeholder))
            .gefilterd(filters)
            .order_by("naam")
        )

    def gedeelde_volgorde(self, opgaven) -> list[tuple[int, int]]:
        """(id, in how many of ``opgaven``) of the stakeholders in two or more of them,
        most shared first, then by name.

        One aggregate over the betrokkenheden, joined to the names once. Counting again per
        stakeholder in a correlated subquery, and grouping a second time for the number of
        pages, took 78 ms at 100,000 stakeholders. A stakeholder is in an opgave once
        (betrokkenheid_uniek_per_opgave): no DISTINCT."""
        binnen, params = opgaven.order_by().values("pk").query.sql_with_params()
        betrokkenheden, stakeholders = Betrokkenheid._meta.db_table, self.model._meta.db_table
        # Only table names and Django's own compiled SQL go in; values stay parameters.
        sql = f"""
            WITH gedeeld AS (
                SELECT stakeholder_id, count(*) AS n FROM {betrokkenheden}
                WHERE opgave_id IN ({binnen}) GROUP BY stakeholder_id HAVING count(*) >= 2
            )
            SELECT s.id, g.n FROM gedeeld g JOIN {stakeholders} s ON s.id = g.stakeholder_id
            ORDER BY g.n DESC, s.naam, s.id
        """  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def meest_betrokken(self, opgaven, toon: int) -> list:
        """The ``toon`` stakeholders in most of ``opgaven``, each with ``n_opgaven``; among
        equals the most recently involved first.

        Counted over the betrokkenheden alone, names read for the rows shown: grouping the
        stakeholders themselves read all ~2,200 of a gebied's 231 opgaven to show fifteen
        (12 ms at the scale data). One betrokkenheid per stakeholder and opgave
        (betrokkenheid_uniek_per_opgave): no DISTINCT."""
        top = (
            Betrokkenheid.objects.filter(opgave__in=opgaven.values("pk"))
            .values_list("stakeholder")
            .annotate(n=models.Count("pk"), laatst=models.Max("pk"))
            .order_by("-n", "-laatst")[:toon]
        )
        aantallen = {pk: n for pk, n, _ in top}
        rijen = self.in_bulk(list(aantallen))  # one removed in between is left out
        for pk in rijen:
            rijen[pk].n_opgaven = aantallen[pk]
        return [rijen[pk] for pk in aantallen if pk in rijen]

    def gedeeld_op_volgorde(self, opgaven, volgorde: list[tuple[int, int]]) -> list:
        """The stakeholders of (part of) ``gedeelde_volgorde``, in its order, each with
        ``aantal`` and its betrokkenheden in ``opgaven`` (and those opgaven) prefetched."""
        aantallen = dict(volgorde)
        in_opgaven = Betrokkenheid.objects.filter(opgave__in=opgaven).select_related("opgave")
        rijen = self.prefetch_related(
            models.Prefetch("betrokkenheden", queryset=in_opgaven)
        ).in_bulk(list(aantallen))
        for pk, n in aantallen.items():
            rijen[pk].aantal = n
        return [rijen[pk] for pk in aantallen]

    def gefilterd(self, filters: dict) -> "StakeholderQuerySet":
        """The register's search: part of the name, soort, vorm (each optional)."""
        qs = self
        if filters.get("q"):
            qs = qs.filter(naam__icontains=filters["q"])
        if filters.get("soort"):
            qs = qs.filter(soort=filters["soort"])
        if filters.get("vorm"):
            qs = qs.filter(vorm=filters["vorm"])
        return qs

    def mogelijke_dubbelen(self, *, naam: str, email: str = "", kvk_nummer: str = "", behalve=None):
        """Stakeholders that are probably the same: same name (any case), e-mail or KvK number."""
        gelijk = models.Q(naam__iexact=naam.strip())
        if email:
            gelijk |= models.Q(email__iexact=email.strip())
        if kvk_nummer:
            gelijk |= models.Q(kvk_nummer=kvk_nummer.strip())
        qs = self.filter(gelijk, geanonimiseerd_op__isnull=True)
        return qs.exclude(pk=behalve.pk) if behalve is not None and behalve.pk else qs


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
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
    # What is published (the council report, the reading room, the terugkoppeling) names a
    # person only with their recorded consent; an organisation is always named.
    openbaar_noemen = models.BooleanField(
        _("mag met naam in openbare stukken"),
        default=False,
        help_text=_(
            "Alleen met toestemming van de persoon zelf: de rapportage aan de raad, de "
            "leeskamer en de terugkoppeling noemen dan de naam (nooit invloed, belang, "
            "houding of trede)."
        ),
    )
    openbaar_noemen_op = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    openbaar_noemen_bron = models.CharField(
        _("hoe de toestemming is gegeven"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: e-mail van 3 maart 2026, of het aanmeldformulier."),
    )
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = StakeholderQuerySet.as_manager()

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["naam"]
        indexes = [
            # The register's first page walks this index in order and stops after 50.
            models.Index(fields=["naam"], name="stakeholder_naam"),
            # The register's search (naam__icontains: UPPER(naam) LIKE '%...%') and the
            # pickers read this trigram index instead of scanning every name.
            GinIndex(OpClass(Upper("naam"), name="gin_trgm_ops"), name="stakeholder_naam_trgm"),
        ]
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
            # Consent to be named in public is recorded with its date and how it was given.
            models.CheckConstraint(
                condition=models.Q(openbaar_noemen=False)
                | (models.Q(openbaar_noemen_op__isnull=False) & ~models.Q(openbaar_noemen_bron="")),
                name="stakeholder_openbaar_noemen_vastgelegd",
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

    @property
    def publieke_naam(self) -> str:
        """The name what is published may use: an organisation's always, a person's only
        with their recorded consent (AVG); otherwise empty, and the person is counted."""
        if not self.is_persoon:
            return self.naam
        if self.openbaar_noemen and self.geanonimiseerd_op is None:
            return self.naam
        return ""
