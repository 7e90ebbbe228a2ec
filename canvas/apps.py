from django.apps import AppConfig


class CanvasConfig(AppConfig):
    name = "canvas"
    verbose_name = "Maatschappelijke waarde canvas"

    def ready(self):
        from core import secties

        from .views.items import samenvatting_context

        secties.registreer(
            secties.Sectie(
                plek="opgave",
                naam="canvas",
                volgorde=30,
                template_name="canvas/items/canvas_samenvatting.html",
                context=samenvatting_context,
            )
        )
