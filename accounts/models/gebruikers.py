import pghistory
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import live
from core.models import gevolgd


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    BESTUURDER = "bestuurder", _("Bestuurder")
    OPGAVEREGISSEUR = "opgaveregisseur", _("Opgaveregisseur")
    TEAMLID = "teamlid", _("Teamlid")
    MEDEWERKER = "medewerker", _("Medewerker")
    PARTNER = "partner", _("Partner")
    RAADSLID = "raadslid", _("Raadslid")


# What each role may do, in the words the Gebruikers page shows (docs/security.md, "The roles").
ROL_UITLEG = {
    Rol.BEHEERDER: _(
        "Functioneel beheer: gebruikers, referentielijsten, P&C-kalender en huisstijl; "
        "bewerkt elke opgave."
    ),
    Rol.BESTUURDER: _(
        "Wethouder of portefeuillehouder: leest alle opgaven en rapportages, besluit over "
        "prioriteiten en de volgorde van de beleidsagenda, geeft bestuurlijk akkoord op "
        "bijdragen en stelt de rapportages voor de raad vast."
    ),
    Rol.OPGAVEREGISSEUR: _(
        "Leest alle opgaven; regisseert eigen opgaven (team, fase, canvas, rapportages, "
        "ambtelijk akkoord, een voorstel voor de prioriteit) en maakt nieuwe opgaven."
    ),
    Rol.TEAMLID: _(
        "Leest alle opgaven en het stakeholderregister; bewerkt de opgaven in wier team "
        "diegene zit."
    ),
    Rol.MEDEWERKER: _("Leest alle opgaven; bewerkt de opgaven in wier team diegene zit."),
    Rol.PARTNER: _(
        "Iemand van een externe organisatie: ziet alleen de opgaven in wier team diegene "
        "zit, en werkt daar mee aan canvas, inbreng en actiepunten. Nooit het oordeel van "
        "de gemeente over stakeholders."
    ),
    Rol.RAADSLID: _("Leest de gepubliceerde rapportages, verder niets."),
}


class UserQuerySet(models.QuerySet):
    def portefeuillehouders_van(self, opgave) -> "UserQuerySet":
        """The active bestuurders whose portefeuille holds ``opgave``: its portefeuillehouder
        and whoever holds all (the rule is_portefeuillehouder_van)."""
        return self.filter(rol=Rol.BESTUURDER, is_active=True).filter(
            models.Q(portefeuille_alle=True) | models.Q(pk=opgave.portefeuillehouder_id)
        )

    def zoek(self, q: str) -> "UserQuerySet":
        """Every word (the first five) in part of the name, login name, e-mail address or
        organisation: "jan jansen" finds Jan Jansen."""
        qs = self
        for woord in q.split()[:5]:
            qs = qs.filter(
                models.Q(first_name__icontains=woord)
                | models.Q(last_name__icontains=woord)
                | models.Q(username__icontains=woord)
                | models.Q(email__icontains=woord)
                | models.Q(organisatie__icontains=woord)
            )
        return qs

    def ambtelijk(self) -> "UserQuerySet":
        """Active people who can own work: staff and partners, not raadsleden; by name."""
        return (
            self.filter(is_active=True)
            .exclude(rol=Rol.RAADSLID)
            .order_by("first_name", "last_name", "username")
        )

    def gezocht(self, *, q: str = "", rol: str = "", actief: str = "") -> "UserQuerySet":
        """The Gebruikers list in Beheer: a search (``zoek``), a role, active ("ja") or not
        ("nee"); each optional. Active accounts first, by name."""
        qs = self.zoek(q)
        if rol:
            qs = qs.filter(rol=rol)
        if actief:
            qs = qs.filter(is_active=actief == "ja")
        return qs.order_by("-is_active", "first_name", "last_name", "username")

    def met_ongelezen(self) -> "UserQuerySet":
        """With ``meldingen_ongelezen``: the header's count, in the query that loads the
        user of a request (accounts.backends), not one more per page."""
        return self.annotate(
            meldingen_ongelezen=models.Count(
                "meldingen", filter=models.Q(meldingen__gelezen_op__isnull=True)
            )
        )


class AccountManager(UserManager.from_queryset(UserQuerySet)):
    """The user manager (create_user and the like) with ``UserQuerySet``'s methods."""


# Who had which role and when an account was switched off: the history a beheerder reads
# (never the password or the last login).
@gevolgd(
    pghistory.InsertEvent(),
    pghistory.UpdateEvent(),
    fields=[
        "username",
        "first_name",
        "last_name",
        "email",
        "organisatie",
        "rol",
        "is_active",
        "portefeuille_alle",
    ],
    model_name="UserEvent",
)
class User(AbstractUser):
    """A person who logs in. The rol says what they do across the app; being on an
    opgave's team (see ``opgaven.Opgave.teamleden``) says where they may edit."""

    rol = models.CharField(_("rol"), max_length=20, choices=Rol, default=Rol.MEDEWERKER)
    organisatie = models.CharField(
        _("organisatie"),
        max_length=200,
        blank=True,
        help_text=_("Voor teamleden van partnerorganisaties."),
    )

    portefeuille_alle = models.BooleanField(
        _("bestuurlijk akkoord op alle opgaven"),
        default=False,
        help_text=_(
            "Voor bestuurders: geeft akkoord op de bijdragen van alle opgaven, niet alleen "
            "van de opgaven waarvan diegene portefeuillehouder is."
        ),
    )

    oidc_sub = models.CharField(
        _("kenmerk bij de identity provider"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_("Het 'sub' van wie inlogt via de identity provider van de organisatie."),
    )

    objects = AccountManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(condition=models.Q(rol__in=Rol.values), name="user_rol_valid"),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @staticmethod
    def naam_in_geschiedenis():
        """``str(user)`` in SQL, for the history's names (core.geschiedenis)."""
        volledig = Trim(Concat("first_name", Value(" "), "last_name"))
        return Coalesce(NullIf(volledig, Value("")), "username")

    @property
    def is_laatste_beheerder(self) -> bool:
        """The only active beheerder left: nobody else could manage users after them."""
        return (
            self.rol == Rol.BEHEERDER
            and self.is_active
            and not User.objects.filter(rol=Rol.BEHEERDER, is_active=True)
            .exclude(pk=self.pk)
            .exists()
        )

    def rol_wijzigen(self, rol: str, *, portefeuille_alle: bool = False) -> None:
        """Another role (for a bestuurder: akkoord on all opgaven or on their own
        portefeuille); never takes the last beheerder's role away."""
        if rol != Rol.BEHEERDER and self.is_laatste_beheerder:
            raise ValidationError(
                _("Dit is de laatste beheerder. Maak eerst iemand anders beheerder.")
            )
        self.rol = rol
        self.portefeuille_alle = portefeuille_alle and rol == Rol.BESTUURDER
        self.save(update_fields=["rol", "portefeuille_alle"])
        live.rechten_gewijzigd(self.pk)

    def deactiveren(self, *, door: "User") -> None:
        """Switch the account off (never delete: the history keeps the name); an open
        session stops working on its next request."""
        if door.pk == self.pk:
            raise ValidationError(_("U kunt uw eigen account niet deactiveren."))
        if self.is_laatste_beheerder:
            raise ValidationError(
                _("Dit is de laatste beheerder. Maak eerst iemand anders beheerder.")
            )
        self.is_active = False
        self.save(update_fields=["is_active"])
        self.sessies_beeindigen()

    def sessies_beeindigen(self) -> None:
        """End every open session of this account for good (switched on again, it signs in
        anew). Sessions live at most SESSION_MAX_HOURS, so the open ones are few to read."""
        eigen = [
            sessie.pk
            for sessie in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
            if sessie.get_decoded().get("_auth_user_id") == str(self.pk)
        ]
        Session.objects.filter(pk__in=eigen).delete()
        live.rechten_gewijzigd(self.pk)  # open live streams end too

    def activeren(self) -> None:
        self.is_active = True
        self.save(update_fields=["is_active"])


class MisluktePoging(models.Model):
    """One failed login: the name typed (also for accounts that do not exist) and the
    client's address. Recent ones block further attempts (accounts.blokkade)."""

    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150, db_index=True)
    adres = models.GenericIPAddressField(_("adres"), null=True, blank=True, db_index=True)
    op = models.DateTimeField(_("op"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("mislukte inlogpoging")
        verbose_name_plural = _("mislukte inlogpogingen")

    def __str__(self):
        return f"{self.gebruikersnaam} ({self.adres}) {self.op:%Y-%m-%d %H:%M}"
