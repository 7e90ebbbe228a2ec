from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = "Participatie"

    def ready(self):
        from canvas import herkomst
        from core import secties
        from opgaven import history

        from .herkomst import uit_inbreng
        from .views.contact import te_laat_context
        from .views.overzicht import open_werk_context, participatie_context
        from .views.partners import eigen_afspraken_context, organisatie_context
        from .views.positie import betrokkenheden_context

        for sectie in [
            secties.Sectie(
                plek="opgave",
                naam="betrokkenheden",
                volgorde=20,
                template_name="participatie/positie/betrokkenheden.html#betrokkenheden",
                context=betrokkenheden_context,
            ),
            secties.Sectie(
                plek="opgave",
                naam="participatie",
                volgorde=25,
                template_name="participatie/overzicht/participatie_samenvatting.html",
                context=participatie_context,
            ),
            secties.Sectie(
                plek="opgave",
                naam="eigen-afspraken",
                volgorde=26,
                template_name="participatie/partners/eigen_afspraken.html",
                context=eigen_afspraken_context,
            ),
            # Beheer > Gebruikers (accounts): the organisation a partner works for.
            secties.Sectie(
                plek="gebruiker",
                naam="organisatie",
                volgorde=20,
                template_name="participatie/partners/gebruiker_organisatie.html#organisatie",
                context=organisatie_context,
            ),
            secties.Sectie(
                plek="start",
                naam="te-laat",
                volgorde=10,
                template_name="participatie/contact/start_te_laat.html",
                context=te_laat_context,
            ),
            secties.Sectie(
                plek="start",
                naam="open-werk",
                volgorde=20,
                template_name="participatie/overzicht/start_open_werk.html",
                context=open_werk_context,
            ),
        ]:
            secties.registreer(sectie)
        secties.registreer_verwijzing(
            secties.Verwijzing(
                plek="samenhang",
                label=_("Stakeholders die in meerdere opgaven meedoen"),
                url_name="participatie:gedeelde-stakeholders",
                perm="opgaven.view_opgave",
            )
        )
        herkomst.registreer(uit_inbreng)
        # How the municipality positions stakeholders and what it discussed with them
        # stays out of the history partners read.
        history.vertrouwelijk(
            "participatie.BetrokkenheidEvent",
            "participatie.ContactmomentEvent",
            "participatie.VervolgactieEvent",
            "participatie.AfspraakEvent",
            "participatie.StakeholderEvent",
        )
