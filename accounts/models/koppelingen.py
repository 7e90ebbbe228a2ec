"""Access from outside the browser, by secret: a person's calendar feed (core.agenda) and
the API's integrations (config.api). Only the SHA-256 of a secret is stored."""

import hashlib
import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .gebruikers import User


class Agendafeed(models.Model):
    """A person's calendar feed behind a secret link (core.agenda). Only the SHA-256 of the
    secret is kept: the link is shown once; a new link or revoking it ends the old one."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="agendafeed")
    sleutel = models.CharField(_("sleutel (SHA-256)"), max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    laatst_gelezen_op = models.DateTimeField(_("laatst gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def __str__(self):
        return f"{self.user}"

    @classmethod
    def nieuw(cls, user: User) -> tuple["Agendafeed", str]:
        """A new secret for ``user`` (the old link stops working); returned once."""
        geheim = secrets.token_urlsafe(32)
        feed, _nieuw = cls.objects.update_or_create(
            user=user,
            defaults={
                "sleutel": _hash(geheim),
                "aangemaakt_op": timezone.now(),
                "laatst_gelezen_op": None,
            },
        )
        return feed, geheim

    @classmethod
    def van(cls, geheim: str) -> "Agendafeed | None":
        """The feed of this secret, for an active account; None otherwise."""
        actief = cls.objects.select_related("user").filter(user__is_active=True)
        return _bij_geheim(actief, geheim)


class Scope(models.TextChoices):
    LEZEN = "lezen", _("Lezen")
    LEZEN_SCHRIJVEN = "lezen_schrijven", _("Lezen en schrijven (metingen, realisatie)")


class Koppeling(models.Model):
    """A system that uses the API (a BI tool, the finance system), with its own token.

    The beheerder makes and revokes them. Only the SHA-256 of the token is kept; the token is
    shown once. Writes through the API are recorded in the history under ``naam``.
    """

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    scope = models.CharField(_("mag"), max_length=20, choices=Scope, default=Scope.LEZEN)
    sleutel = models.CharField(_("sleutel (SHA-256)"), max_length=64, unique=True)
    aangemaakt_door = models.ForeignKey(
        User, verbose_name=_("aangemaakt door"), null=True, on_delete=models.SET_NULL
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=Scope.values), name="koppeling_scope_valid"
            ),
            models.CheckConstraint(condition=~models.Q(naam=""), name="koppeling_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None

    @property
    def mag_schrijven(self) -> bool:
        return self.scope == Scope.LEZEN_SCHRIJVEN

    @classmethod
    def maken(cls, *, naam: str, scope: str, door: User) -> tuple["Koppeling", str]:
        """A new integration and its token (returned once, never stored)."""
        token = secrets.token_urlsafe(32)
        koppeling = cls.objects.create(
            naam=naam, scope=scope, sleutel=_hash(token), aangemaakt_door=door
        )
        return koppeling, token

    @classmethod
    def van_token(cls, token: str) -> "Koppeling | None":
        return _bij_geheim(cls.objects.filter(ingetrokken_op__isnull=True), token)

    def intrekken(self) -> None:
        Koppeling.objects.filter(pk=self.pk, ingetrokken_op__isnull=True).update(
            ingetrokken_op=timezone.now()
        )


def _bij_geheim(rijen: models.QuerySet, geheim: str):
    """The row of ``rijen`` whose secret this is; None for one of an impossible length
    (not even hashed)."""
    if not (20 <= len(geheim) <= 100):
        return None
    return rijen.filter(sleutel=_hash(geheim)).first()


def _hash(geheim: str) -> str:
    return hashlib.sha256(geheim.encode()).hexdigest()
