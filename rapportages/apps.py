from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = "Rapportages"

    def ready(self):
        from core import agenda, secties, werklijst
        from participatie.wissen import persoon_gewist

        from .agenda import deadlines
        from .services import na_persoon_gewist
        from .views.documenten import canvas_context, terugkoppeling_context
        from .views.exports import gebruikers_context, stakeholders_context
        from .views.rapportages import volgende_deadline_context

        persoon_gewist.connect(na_persoon_gewist, dispatch_uid="rapportages.na_persoon_gewist")
        from . import werklijst as wacht

        for naam, bron in [
            ("rapportages-akkoord", wacht.bijdragen_akkoord),
            ("rapportages-schrijven", wacht.bijdragen_schrijven),
            ("rapportages-vaststellen", wacht.vaststellen),
            ("rapportages-moties", wacht.moties_te_laat),
        ]:
            werklijst.registreer(naam, bron)
        # A person's calendar feed (accounts): the P&C deadlines of their opgaven.
        agenda.registreer("rapportages-deadlines", deadlines)
        secties.registreer_tabblad(
            secties.Tabblad(
                plek="opgave",
                naam="rapportages",
                label=_("Rapportages"),
                volgorde=60,
                url_name="rapportages:opgave-rapportages",
            )
        )
        secties.registreer(
            secties.Sectie(
                plek="opgave-kop",
                naam="deadline",
                volgorde=10,
                template_name="rapportages/kalender/opgave_deadline.html",
                context=volgende_deadline_context,
            )
        )
        secties.registreer(
            secties.Sectie(
                plek="stakeholders",
                naam="export",
                volgorde=10,
                template_name="rapportages/exports/export_knoppen.html",
                context=stakeholders_context,
            )
        )
        secties.registreer(
            secties.Sectie(
                plek="gebruikers",
                naam="export",
                volgorde=10,
                template_name="rapportages/exports/export_knoppen.html",
                context=gebruikers_context,
            )
        )
        for plek in ("canvas", "canvasversies"):
            secties.registreer(
                secties.Sectie(
                    plek=plek,
                    naam="a3",
                    volgorde=10,
                    template_name="rapportages/documenten/canvas_knop.html",
                    context=canvas_context,
                )
            )
        secties.registreer(
            secties.Sectie(
                plek="thematafel",
                naam="terugkoppeling",
                volgorde=10,
                template_name="rapportages/documenten/terugkoppeling_knop.html",
                context=terugkoppeling_context,
            )
        )
