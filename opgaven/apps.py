from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpgavenConfig(AppConfig):
    name = "opgaven"
    verbose_name = "Opgaven"

    def ready(self):
        from core import secties, werklijst

        from .views.teams import teams_context, teams_per_persoon
        from .werklijst import prioriteitsvoorstellen

        werklijst.registreer("opgaven-prioriteit", prioriteitsvoorstellen)

        # The opgave's workspace: its own parts (the other apps register theirs).
        for naam, label, volgorde, url_name in [
            ("overzicht", _("Overzicht"), 10, "opgaven:opgave-detail"),
            ("team", _("Team"), 20, "opgaven:opgave-team"),
            ("documenten", _("Documenten"), 80, "opgaven:opgave-documenten"),
            ("geschiedenis", _("Geschiedenis"), 90, "opgaven:opgave-geschiedenis"),
        ]:
            secties.registreer_tabblad(
                secties.Tabblad(
                    plek="opgave", naam=naam, label=label, volgorde=volgorde, url_name=url_name
                )
            )

        # Beheer > Gebruikers (accounts) shows each person's teams.
        secties.registreer(
            secties.Sectie(
                plek="gebruiker",
                naam="teams",
                volgorde=10,
                template_name="opgaven/teams/gebruiker_teams.html#teams",
                context=teams_context,
            )
        )
        secties.registreer_kolom(
            secties.Kolom(
                plek="gebruikers", label=_("Teams"), volgorde=10, waarden=teams_per_persoon
            )
        )
