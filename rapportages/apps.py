from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = "Rapportages"

    def ready(self):
        from core import secties

        from .views.exports import gebruikers_context, stakeholders_context
        from .views.rapportages import opgave_rapportages_context

        secties.registreer(
            secties.Sectie(
                plek="opgave",
                naam="rapportages",
                volgorde=40,
                template_name="rapportages/rapportages/opgave_rapportages.html",
                context=opgave_rapportages_context,
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
