from django.apps import AppConfig


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = "Participatie"

    def ready(self):
        from opgaven import hub

        from . import views, views_participatie

        hub.registreer(
            hub.HubSectie(
                naam="betrokkenheden",
                volgorde=20,
                template_name="participatie/betrokkenheden.html#betrokkenheden",
                context=views.betrokkenheden_context,
            )
        )
        hub.registreer(
            hub.HubSectie(
                naam="participatie",
                volgorde=25,
                template_name="participatie/participatie_samenvatting.html",
                context=views_participatie.participatie_context,
            )
        )
        hub.registreer_start(
            hub.StartSectie(
                naam="open-werk",
                volgorde=20,
                template_name="participatie/start_open_werk.html",
                context=views_participatie.open_werk_context,
            )
        )
        hub.registreer_start(
            hub.StartSectie(
                naam="te-laat",
                volgorde=10,
                template_name="participatie/start_te_laat.html",
                context=views.te_laat_context,
            )
        )
