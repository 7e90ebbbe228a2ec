from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CanvasConfig(AppConfig):
    name = "canvas"
    verbose_name = "Maatschappelijke waarde canvas"

    def ready(self):
        from core import secties

        from .views.gebieden import gebied_context
        from .views.items import samenvatting_context

        secties.registreer(
            secties.Sectie(
                plek="gebied",
                naam="indicatoren",
                volgorde=30,
                template_name="canvas/gebieden/gebied_indicatoren.html",
                context=gebied_context,
            )
        )
        secties.registreer_tabblad(
            secties.Tabblad(
                plek="opgave",
                naam="canvas",
                label=_("Canvas"),
                volgorde=50,
                url_name="canvas:canvas-detail",
            )
        )

        secties.registreer(
            secties.Sectie(
                plek="opgave",
                naam="canvas",
                volgorde=30,
                template_name="canvas/items/canvas_samenvatting.html",
                context=samenvatting_context,
            )
        )
