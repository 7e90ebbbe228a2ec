from django.apps import AppConfig


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = "Rapportages"

    def ready(self):
        from opgaven import hub

        from . import views

        hub.registreer(
            hub.HubSectie(
                naam="rapportages",
                volgorde=40,
                template_name="rapportages/opgave_rapportages.html",
                context=views.opgave_rapportages_context,
            )
        )
