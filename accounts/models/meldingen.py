"""Meldingen: what a person is told, and how each kind reaches them (accounts.meldingen)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .gebruikers import User


class Meldingsoort(models.TextChoices):
    """What a person can be told about; each has its own choice of how (Frequentie)."""

    TERMIJN = "termijn", _("Een afspraak of actiepunt van mij is bijna of te laat")
    PC_DEADLINE = "pc_deadline", _("De P&C-deadline van een opgave die ik regisseer nadert")
    SIGNAAL = "signaal", _("Een signaal voor mijn opgave wacht op antwoord")
    TERUGKOPPELING = "terugkoppeling", _("Inbreng wacht al 14 dagen op terugkoppeling")
    TEAM = "team", _("Ik ben toegevoegd aan of verwijderd uit een team")
    RAPPORTAGE = "rapportage", _("Een rapportage die ik aanvroeg is klaar, mislukt of vastgesteld")
    AKKOORD = "akkoord", _("Een bijdrage wacht op mijn akkoord")
    BESLUIT = "besluit", _("Een prioriteitsvoorstel wacht op mijn besluit, of is besloten")
    ACTIEPUNT = "actiepunt", _("Iemand geeft mij een actiepunt")


class Frequentie(models.TextChoices):
    DIRECT = "direct", _("Direct per e-mail")
    DAGELIJKS = "dagelijks", _("Dagelijks overzicht per e-mail")
    WEKELIJKS = "wekelijks", _("Wekelijks overzicht per e-mail")
    UIT = "uit", _("Uit (ook niet in de app)")


# Until a person chooses: what needs an answer soon comes at once, the rest once a day.
STANDAARD_FREQUENTIE = {
    Meldingsoort.TERMIJN: Frequentie.DAGELIJKS,
    Meldingsoort.PC_DEADLINE: Frequentie.DAGELIJKS,
    Meldingsoort.SIGNAAL: Frequentie.DIRECT,
    Meldingsoort.TERUGKOPPELING: Frequentie.DAGELIJKS,
    Meldingsoort.TEAM: Frequentie.DIRECT,
    Meldingsoort.RAPPORTAGE: Frequentie.DIRECT,
    Meldingsoort.AKKOORD: Frequentie.DIRECT,
    Meldingsoort.BESLUIT: Frequentie.DIRECT,
    Meldingsoort.ACTIEPUNT: Frequentie.DIRECT,
}


class MeldingQuerySet(models.QuerySet):
    def ongelezen(self) -> "MeldingQuerySet":
        return self.filter(gelezen_op__isnull=True)

    def te_mailen(self, frequentie: str) -> "MeldingQuerySet":
        """Not yet mailed, for an active person with an address, sent this way."""
        return self.filter(
            mail=frequentie, gemaild_op__isnull=True, ontvanger__is_active=True
        ).exclude(ontvanger__email="")


class Melding(models.Model):
    """One thing a person is told, in the app and (as they chose) by e-mail.

    ``sleutel`` names the event ("afspraak:12:te-laat:2026-11-30"): a person is told about
    an event once, however often the job that finds it runs (unique with the person).
    ``mail`` is how it goes out, fixed when it is made (their choice at that moment).
    """

    ontvanger = models.ForeignKey(
        User, verbose_name=_("ontvanger"), on_delete=models.CASCADE, related_name="meldingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Meldingsoort)
    sleutel = models.CharField(_("gebeurtenis"), max_length=200)
    tekst = models.CharField(_("tekst"), max_length=300)
    link = models.CharField(_("link"), max_length=500)
    mail = models.CharField(_("e-mail"), max_length=20, choices=Frequentie)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("gelezen op"), null=True, blank=True)
    gemaild_op = models.DateTimeField(_("gemaild op"), null=True, blank=True)

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "sleutel"], name="melding_eenmaal"),
            models.CheckConstraint(
                condition=models.Q(soort__in=Meldingsoort.values), name="melding_soort_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(mail__in=Frequentie.values) & ~models.Q(mail=Frequentie.UIT),
                name="melding_mail_valid",
            ),
            # Links stay inside the app (an e-mail puts the site's address in front).
            models.CheckConstraint(
                condition=models.Q(link__startswith="/") & ~models.Q(link__startswith="//"),
                name="melding_link_intern",
            ),
        ]
        indexes = [
            models.Index(fields=["ontvanger", "gelezen_op"], name="melding_ongelezen"),
            models.Index(
                fields=["mail", "ontvanger"],
                condition=models.Q(gemaild_op__isnull=True),
                name="melding_te_mailen",
            ),
        ]

    def __str__(self):
        return self.tekst


class Meldingvoorkeur(models.Model):
    """How a person wants to hear of one kind of melding (none: STANDAARD_FREQUENTIE)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="meldingvoorkeuren")
    soort = models.CharField(_("soort"), max_length=20, choices=Meldingsoort)
    frequentie = models.CharField(_("hoe"), max_length=20, choices=Frequentie)

    class Meta:
        verbose_name = _("meldingvoorkeur")
        verbose_name_plural = _("meldingvoorkeuren")
        constraints = [
            models.UniqueConstraint(fields=["user", "soort"], name="meldingvoorkeur_uniek"),
            models.CheckConstraint(
                condition=models.Q(soort__in=Meldingsoort.values),
                name="meldingvoorkeur_soort_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(frequentie__in=Frequentie.values),
                name="meldingvoorkeur_frequentie_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.get_frequentie_display()}"

    @staticmethod
    def van(user_ids) -> dict[tuple[int, str], str]:
        """(user id, soort) -> how it reaches them, for the kinds they chose; the rest
        follows STANDAARD_FREQUENTIE."""
        rijen = Meldingvoorkeur.objects.filter(user__in=user_ids)
        return {(r.user_id, r.soort): r.frequentie for r in rijen}
