from django.apps import AppConfig


class CanvasConfig(AppConfig):
    name = "canvas"
    verbose_name = "Maatschappelijke waarde canvas"

    def ready(self):
        from opgaven import hub

        from . import views

        hub.registreer(
            hub.HubSectie(
                naam="canvas",
                volgorde=30,
                template_name="canvas/canvas_samenvatting.html",
                context=views.samenvatting_context,
            )
        )
