from django.apps import AppConfig


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = "Participatie"

    def ready(self):
        from . import aansluiting

        aansluiting.registreer()
