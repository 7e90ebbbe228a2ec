from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = "Rapportages"

    def ready(self):
        from opgaven import hub

        from .views.exports import stakeholders_context
        from .views.rapportages import opgave_rapportages_context

        hub.registreer(
            hub.Sectie(
                plek="opgave",
                naam="rapportages",
                volgorde=40,
                template_name="rapportages/rapportages/opgave_rapportages.html",
                context=opgave_rapportages_context,
            )
        )
        hub.registreer(
            hub.Sectie(
                plek="stakeholders",
                naam="export",
                volgorde=10,
                template_name="rapportages/exports/export_knoppen.html",
                context=stakeholders_context,
            )
        )
