"""The opgave: a societal challenge, its profile, its place on the agenda, its team."""

import pghistory
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol, User
from core.aantal import aantal
from core.models import TimeStampedModel, gevolgd

from .referentielijsten import Domein, Gebied


class Schaal(models.TextChoices):
    BUURT = "buurt", _("Buurt")
    WIJK = "wijk", _("Wijk")
    KERN = "kern", _("Kern")
    GEMEENTE = "gemeente", _("Gemeente")
    REGIO = "regio", _("Regio")
    PROVINCIE = "provincie", _("Provincie")
    LANDELIJK = "landelijk", _("Landelijk")


class Fase(models.TextChoices):
    VERKENNEN = "verkennen", _("Verkennen en doorleven")
    FORMULEREN = "formuleren", _("Formuleren")
    CONCRETISEREN = "concretiseren", _("Concretiseren")
    REALISEREN = "realiseren", _("Realiseren")
    LEREN = "leren", _("Leren en verbeteren")
    AFGEROND = "afgerond", _("Afgerond")


class Herkomst(models.TextChoices):
    COALITIEAKKOORD = "coalitieakkoord", _("Coalitieakkoord")
    RAADSPROGRAMMA = "raadsprogramma", _("Raadsprogramma")
    INWONERINITIATIEF = "inwonerinitiatief", _("Inwonerinitiatief")
    REGIONAAL = "regionaal", _("Regionale opgave")
    RIJK = "rijk", _("Rijksopgave")


class Prioriteit(models.TextChoices):
    HOOG = "hoog", _("Hoog")
    MIDDEL = "middel", _("Middel")
    LAAG = "laag", _("Laag")


class Voortgang(models.TextChoices):
    OP_KOERS = "op_koers", _("Op koers")
    AANDACHT = "aandacht", _("Aandacht nodig")
    RISICO = "risico", _("Risico")


class OpgaveQuerySet(models.QuerySet):
    def in_portefeuille_van(self, user) -> "OpgaveQuerySet":
        """The opgaven in this bestuurder's portefeuille (the rule is_portefeuillehouder_van
        in opgaven/rules.py): all for who holds all, none for who is no bestuurder."""
        if user.rol != Rol.BESTUURDER:
            return self.none()
        return self if user.portefeuille_alle else self.filter(portefeuillehouder=user)

    def visible_to(self, user) -> "OpgaveQuerySet":
        """The opgaven ``user`` may read: the municipality's people all of them, a partner
        those whose team they are on, a raadslid none (they read published reports)."""
        if user.has_perm("opgaven.view_opgave"):
            return self
        if user.has_perm("opgaven.view_eigen_opgaven"):
            return self.waar_werkt(user)
        return self.none()

    def waar_werkt(self, user) -> "OpgaveQuerySet":
        """The opgaven ``user`` directs or is on the team of (without duplicates).

        Two index lookups joined by UNION ALL: an OR over the opgaven joined to every team
        membership read both tables whole. At 3,000 opgaven, on every page a partner
        opens and on the start page: this condition alone 6.5 -> 0.3 ms, the start page's
        query of these opgaven 7.05 -> 1.06 ms."""
        regisseert = Opgave.objects.filter(opgaveregisseur=user).values("pk")
        in_team = Teamlidmaatschap.objects.filter(user=user).values("opgave_id")
        return self.filter(pk__in=regisseert.union(in_team, all=True))

    def editable_by(self, user) -> "OpgaveQuerySet":
        """The opgaven ``user`` may change (rule ``opgaven.change_opgave``): the beheerder
        all of them, others those they direct or are on the team of."""
        if not user.has_perm("opgaven.view_opgave"):
            return self.none()
        return self if user.rol == "beheerder" else self.waar_werkt(user)

    def in_gebied(self, gebied) -> "OpgaveQuerySet":
        """The opgaven in ``gebied`` or in the gebieden that lie in it (two levels: a kern's
        wijken and their buurten)."""
        gebieden = Gebied.objects.filter(
            models.Q(pk=gebied.pk)
            | models.Q(bovenliggend=gebied)
            | models.Q(bovenliggend__bovenliggend=gebied)
        )
        koppeling = Opgave.gebieden.through.objects.filter(gebied__in=gebieden)
        return self.filter(pk__in=koppeling.values("opgave"))

    def op_agenda(self) -> "OpgaveQuerySet":
        """In beleidsagenda order: rank first, then title for equal ranks."""
        return self.order_by("rang", "titel", "pk")

    def wie_werkt_eraan(self, toon: int):
        """Everyone who directs an opgave or is on a team (of any), with ``regisseert`` and
        ``teamlid_van``: the first ``toon`` of these opgaven, in this queryset's order, and
        ``regisseert_aantal`` and ``teamlid_aantal``: how many of these in all. At scale
        someone is on forty teams; listing them all made 2,000 links a page."""
        getoond = self.only("titel", "opgaveregisseur")[:toon]
        return (
            User.objects.filter(is_active=True)
            .filter(
                models.Q(pk__in=Opgave.objects.values("opgaveregisseur"))
                | models.Q(pk__in=Teamlidmaatschap.objects.values("user"))
            )
            .annotate(
                regisseert_aantal=aantal(self.filter(opgaveregisseur=models.OuterRef("pk"))),
                teamlid_aantal=aantal(self.filter(teamleden=models.OuterRef("pk"))),
            )
            .prefetch_related(
                models.Prefetch("geregisseerde_opgaven", queryset=getoond, to_attr="regisseert"),
                models.Prefetch("opgaven_als_teamlid", queryset=getoond, to_attr="teamlid_van"),
            )
            .order_by("first_name", "last_name", "username")
        )

    def volgende_rang(self) -> int:
        """The place a new opgave gets: last on the agenda until someone moves it."""
        laatste = self.order_by("-rang").values_list("rang", flat=True).first()
        return (laatste or 0) + 1

    def zoek(self, tekst: str) -> "OpgaveQuerySet":
        """Dutch full-text search: 'eenzaam' finds 'eenzaamheid' (stemming with config dutch)."""
        tekst = tekst.strip()
        if not tekst:
            return self
        vector = zoekvector()
        gevonden = models.Q(zoekvector=SearchQuery(tekst, config="dutch", search_type="websearch"))
        if prefix := _prefix_query(tekst):
            # Prefixes find compounds too: "woning" finds "woningtekort".
            gevonden |= models.Q(zoekvector=SearchQuery(prefix, config="dutch", search_type="raw"))
        return self.annotate(zoekvector=vector).filter(gevonden)


def zoekvector():
    """The opgave's Dutch search text, weighted by field (title A, bedoeling B, the rest C).

    The GIN index ``opgave_zoekvector`` is built on exactly this expression, so the agenda
    search reads the index instead of computing the vector per row. An expression
    index rather than a generated column: Django's system check connects to the database
    for a GeneratedField, and ``check --deploy`` must run without one."""
    return (
        SearchVector("titel", config="dutch", weight="A")
        + SearchVector("maatschappelijke_bedoeling", config="dutch", weight="B")
        + SearchVector("opgaveformulering", "probleemanalyse", config="dutch", weight="C")
    )


def _prefix_query(tekst: str) -> str:
    """'eenzaam oud' -> 'eenzaam:* & oud:*' (only letters and digits reach to_tsquery)."""
    woorden = ["".join(c for c in woord if c.isalnum()) for woord in tekst.split()]
    return " & ".join(f"{w}:*" for w in woorden if w)


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Opgave(TimeStampedModel):
    """A societal challenge the municipality directs together with residents and partners."""

    titel = models.CharField(_("titel"), max_length=200)
    maatschappelijke_bedoeling = models.TextField(
        _("maatschappelijke bedoeling"),
        help_text=_("Waarom doet deze opgave ertoe, gezien vanuit inwoners?"),
    )
    schaal = models.CharField(_("schaal"), max_length=20, choices=Schaal, default=Schaal.GEMEENTE)
    fase = models.CharField(_("fase"), max_length=20, choices=Fase, default=Fase.VERKENNEN)
    gebieden = models.ManyToManyField(
        Gebied, verbose_name=_("gebieden"), blank=True, related_name="opgaven"
    )
    opgaveformulering = models.TextField(
        _("opgaveformulering"),
        blank=True,
        help_text=_("De opgave zoals die samen met inwoners en partners is geformuleerd."),
    )
    probleemanalyse = models.TextField(_("probleemanalyse"), blank=True)
    domeinen = models.ManyToManyField(
        Domein, verbose_name=_("domeinen"), blank=True, related_name="opgaven"
    )
    herkomst = models.CharField(_("herkomst"), max_length=30, choices=Herkomst, blank=True)
    herkomst_referentie = models.CharField(
        _("referentie herkomst"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld het hoofdstuk van het coalitieakkoord of het raadsbesluit."),
    )
    prioriteit = models.CharField(
        _("prioriteit"), max_length=10, choices=Prioriteit, default=Prioriteit.MIDDEL
    )
    prioriteit_motivering = models.TextField(_("motivering van de prioriteit"), blank=True)
    rang = models.PositiveIntegerField(
        _("plaats op de beleidsagenda"), default=0, help_text=_("1 is de hoogste prioriteit.")
    )
    voortgang = models.CharField(
        _("voortgang"), max_length=20, choices=Voortgang, default=Voortgang.OP_KOERS
    )
    bestuurlijk_opdrachtgever = models.CharField(
        _("bestuurlijk opdrachtgever (portefeuillehouder)"), max_length=200, blank=True
    )
    portefeuillehouder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portefeuillehouder (bestuurder in de app)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portefeuille",
        help_text=_("Geeft bestuurlijk akkoord op de bijdragen van deze opgave aan de P&C-cyclus."),
    )
    ambtelijk_opdrachtgever = models.CharField(
        _("ambtelijk opdrachtgever"), max_length=200, blank=True
    )
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    risicos = models.TextField(_("risico's"), blank=True)
    opgaveregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgaveregisseur"),
        on_delete=models.PROTECT,
        related_name="geregisseerde_opgaven",
    )
    teamleden = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgaveteam"),
        blank=True,
        related_name="opgaven_als_teamlid",
        through="Teamlidmaatschap",
    )

    objects = OpgaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")
        ordering = ["titel"]
        indexes = [
            GinIndex(zoekvector(), name="opgave_zoekvector"),
            # The beleidsagenda's order (op_agenda): its first page reads twenty rows of
            # the index, not all opgaven sorted (4.2 -> 0.2 ms at 3,000).
            models.Index(fields=["rang", "titel", "id"], name="opgave_agenda_volgorde"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(schaal__in=Schaal.values),
                name="opgave_schaal_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(fase__in=Fase.values),
                name="opgave_fase_valid",
            ),
            models.CheckConstraint(condition=~models.Q(titel=""), name="opgave_titel_niet_leeg"),
            models.CheckConstraint(
                condition=models.Q(herkomst__in=["", *Herkomst.values]),
                name="opgave_herkomst_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(prioriteit__in=Prioriteit.values),
                name="opgave_prioriteit_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(voortgang__in=Voortgang.values),
                name="opgave_voortgang_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(startdatum__isnull=True)
                | models.Q(einddatum__gte=models.F("startdatum")),
                name="opgave_looptijd_oplopend",
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("opgaven:opgave-detail", args=[self.pk])

    def heeft_teamlid(self, user) -> bool:
        """Uses prefetched teamleden (or the hub's ``team``) when present, so permission
        checks on lists stay cheap."""
        if not user.is_authenticated:
            return False
        if hasattr(self, "team"):
            return any(lid.user_id == user.pk for lid in self.team)
        if "teamleden" in getattr(self, "_prefetched_objects_cache", {}):
            return any(lid.pk == user.pk for lid in self.teamleden.all())
        return self.teamleden.filter(pk=user.pk).exists()

    def opgaveteam(self):
        """The regisseur and the team members, as users (who can own canvas items)."""
        from django.contrib.auth import get_user_model

        leden = Teamlidmaatschap.objects.filter(opgave=self).values("user")
        return get_user_model().objects.filter(
            models.Q(pk=self.opgaveregisseur_id) | models.Q(pk__in=leden)
        )

    def betrokken_collegas(self):
        """Who works on the opgave in the app (regisseur, team, portefeuillehouder), by name:
        the people its history can be filtered by."""
        from django.contrib.auth import get_user_model

        return (
            get_user_model()
            .objects.filter(
                models.Q(pk__in=self.opgaveteam().values("pk"))
                | models.Q(pk=self.portefeuillehouder_id)
            )
            .order_by("first_name", "last_name", "username")
        )

    def samenhang(self) -> list[tuple]:
        """(relation, the other opgave, how they relate) both ways, by the other's title
        (one query; OpgaveRelatie through its manager: samenhang.py imports this module)."""
        relaties = self.relaties_uit.model.objects.filter(models.Q(van=self) | models.Q(naar=self))
        return sorted(
            (
                (r, r.naar if r.van_id == self.pk else r.van, r.get_soort_display())
                for r in relaties.select_related("van", "naar")
            ),
            key=lambda r: r[1].titel,
        )

    @property
    def is_domeinoverstijgend(self) -> bool:
        """Two or more domains; uses prefetched domeinen when present."""
        return len(self.domeinen.all()) >= 2


class TeamRol(models.TextChoices):
    KERNTEAM = "kernteam", _("Kernteam")
    PROJECTLEIDER = "projectleider", _("Projectleider")
    ADVISEUR = "adviseur", _("Adviseur")
    PARTNER = "partner", _("Partner (externe organisatie)")


@gevolgd(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Teamlidmaatschap(models.Model):
    """Someone on an opgave's team, with the role they have in it."""

    opgave = models.ForeignKey(Opgave, verbose_name=_("opgave"), on_delete=models.CASCADE)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("teamlid"), on_delete=models.CASCADE
    )
    rol = models.CharField(
        _("rol in het team"), max_length=20, choices=TeamRol, default=TeamRol.KERNTEAM
    )

    # The history in words (core.geschiedenis): who joined or left, in which role.
    geschiedenis_zinnen = {
        "insert": _("%(user)s toegevoegd aan het team als %(rol)s"),
        "update": _("Rol van %(user)s in het team gewijzigd"),
        "delete": _("%(user)s uit het team gehaald (was %(rol)s)"),
    }

    class Meta:
        verbose_name = _("teamlidmaatschap")
        verbose_name_plural = _("teamlidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["opgave", "user"], name="teamlid_een_keer_per_opgave"),
            models.CheckConstraint(
                condition=models.Q(rol__in=TeamRol.values), name="teamlid_rol_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_rol_display()}) in {self.opgave}"

    @property
    def logkenmerk(self) -> str:
        """How the security log names this membership."""
        return f"opgave:{self.opgave_id}:gebruiker:{self.user_id}:{self.rol}"
