from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", _("Beheerder")
    BESTUURDER = "bestuurder", _("Bestuurder")
    OPGAVEREGISSEUR = "opgaveregisseur", _("Opgaveregisseur")
    TEAMLID = "teamlid", _("Teamlid")
    MEDEWERKER = "medewerker", _("Medewerker")
    PARTNER = "partner", _("Partner")
    RAADSLID = "raadslid", _("Raadslid")


class AccountManager(UserManager):
    def ambtelijk(self):
        """Active people who can own work: staff and partners, not raadsleden; by name."""
        return (
            self.filter(is_active=True)
            .exclude(rol=Rol.RAADSLID)
            .order_by("first_name", "last_name", "username")
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

    objects = AccountManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        constraints = [
            models.CheckConstraint(condition=models.Q(rol__in=Rol.values), name="user_rol_valid"),
        ]

    def __str__(self):
        return self.get_full_name() or self.username
