import base64
import datetime

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def gevolgd(*trackers, **kwargs):
    """``pghistory.track`` plus the index every reading of history needs: an object's
    events in order (pgh_obj, pgh_id). Without it, finding the event before an event (to
    say what changed) walked the table backwards from the newest row: 11 ms per event on
    the scale data, 3.4 s of a start page."""

    def decorator(model):
        index = models.Index(fields=["pgh_obj", "pgh_id"], name=f"{model.__name__.lower()}_evt_obj")
        return pghistory.track(*trackers, meta={"indexes": [index]}, **kwargs)(model)

    return decorator


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Huisstijl(models.Model):
    """The municipality's name, logo and theme on every page and report (one row)."""

    naam = models.CharField(_("naam van de gemeente"), max_length=100)
    logo = models.BinaryField(_("logo"), blank=True, editable=True)
    logo_type = models.CharField(max_length=20, blank=True)
    thema = models.CharField(_("thema"), max_length=50, default="voorbeeld")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("huisstijl")
        verbose_name_plural = _("huisstijl")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="huisstijl_een_rij"),
            models.CheckConstraint(condition=~models.Q(naam=""), name="huisstijl_naam_niet_leeg"),
        ]

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def huidige(cls) -> "Huisstijl":
        """The current branding (without the logo's bytes); settings until a beheerder sets it.

        Not cached: one primary-key query per page, and every worker sees a change at once.
        """
        return cls.objects.defer("logo").filter(pk=1).first() or cls(
            pk=1, naam=settings.GEMEENTE_NAAM, thema=next(iter(settings.THEMAS))
        )

    @property
    def heeft_logo(self) -> bool:
        return bool(self.logo_type)

    def logo_data_uri(self) -> str:
        """The logo as a data: URL, the only kind of image the PDF helper loads besides static."""
        if not self.heeft_logo:
            return ""
        logo = Huisstijl.objects.values_list("logo", flat=True).get(pk=1)
        return f"data:{self.logo_type};base64,{base64.b64encode(bytes(logo)).decode()}"

    @property
    def thema_css(self) -> str:
        return settings.THEMAS.get(self.thema, next(iter(settings.THEMAS.values())))["css"]

    @property
    def thema_class(self) -> str:
        return settings.THEMAS.get(self.thema, next(iter(settings.THEMAS.values())))["class"]


class Beveiligingsgebeurtenis(models.Model):
    """One line of the security log (core.security_log), kept so the beheerder can look at
    it in the app (the BIO asks that someone does): the same fields as the JSON line the
    SIEM receives. Nobody changes a line; lines past the retention period are deleted by
    the daily clean-up, the one path allowed to (``opruimen``)."""

    moment = models.DateTimeField(_("moment"), db_index=True)
    gebruiker = models.CharField(_("gebruiker"), max_length=150, blank=True, db_index=True)
    bron = models.GenericIPAddressField(_("adres"), null=True, blank=True)
    methode = models.CharField(_("methode"), max_length=10, blank=True)
    pad = models.CharField(_("pad"), max_length=300, blank=True)
    actie = models.CharField(_("actie"), max_length=50, db_index=True)
    object = models.CharField(_("object"), max_length=300, blank=True)
    uitkomst = models.CharField(_("uitkomst"), max_length=20)

    class Meta:
        verbose_name = _("beveiligingsgebeurtenis")
        verbose_name_plural = _("beveiligingslog")
        ordering = ["-moment", "-pk"]
        triggers = [
            pgtrigger.Protect(name="alleen_toevoegen", operation=pgtrigger.Update),
            pgtrigger.Protect(name="niet_verwijderen", operation=pgtrigger.Delete),
        ]

    def __str__(self):
        return f"{self.moment:%Y-%m-%d %H:%M} {self.actie} {self.gebruiker}"

    @classmethod
    def opruimen(cls, dagen: int) -> int:
        """Delete the lines older than ``dagen`` days; how many."""
        grens = timezone.now() - datetime.timedelta(days=dagen)
        with pgtrigger.ignore(f"{cls._meta.label}:niet_verwijderen"):
            aantal, _per_model = cls.objects.filter(moment__lt=grens).delete()
        return aantal
