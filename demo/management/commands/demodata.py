"""``manage.py demodata``: Gemeente Maasdal to walk through (demo/seed has the data).

Idempotent, and refused unless OPGAVENREGIE_DEMODATA is on: the demo logins have the
password "demo" and do not belong in production.
"""

import random

import pghistory
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from canvas.models import CanvasItem
from demo.seed import accounts, canvas, cijfers, opgaven, participatie, rapportages
from opgaven.models import Gebied, Opgave
from participatie import meldingen as participatie_meldingen
from participatie.models import Stakeholder
from rapportages import meldingen as rapportage_meldingen
from rapportages.models import MomentSoort


class Command(BaseCommand):
    help = "Maakt (idempotent) demodata: Gemeente Maasdal met kernen, opgaven, stakeholders en canvassen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--met-rapportage",
            action="store_true",
            help=(
                "Maak ook twee vastgestelde en gepubliceerde programmarapportages (de "
                "jaarrekening 2025 en de begroting 2027), zodat een raadslid iets te lezen "
                "heeft. Duurt ongeveer een minuut."
            ),
        )

    def handle(self, *args, met_rapportage: bool = False, **options):
        if not settings.DEMODATA_TOEGESTAAN:
            raise CommandError(
                "Demodata is uitgeschakeld in deze configuratie (OPGAVENREGIE_DEMODATA). "
                "Demodata met wachtwoord 'demo' hoort niet in productie."
            )
        # In two steps with a report after each (with --met-rapportage): the jaarrekening
        # 2025 reads the stand of the spring, the begroting 2027 that of the autumn, so the
        # reading room's verloop has a line to draw and "Wat is er veranderd" has news.
        with transaction.atomic(), pghistory.context(bron="demodata"):
            users = accounts.gebruikers()
            stakeholders = participatie.stakeholders()
            alle = list(opgaven.opgaven(opgaven.gebieden(), users))
            for index, opgave in enumerate(alle):
                canvas.canvas(opgave)
                participatie.betrokkenheden(opgave, stakeholders, random.Random(index))
            participatie.participatie(users)
            participatie.meedoen()
            participatie.afspraken(users)
            kernen = Opgave.objects.get(titel="Vitale kernen")
            canvas.vitale_kernen(kernen, users, later=False)
            self._cijfers(alle, kernen, users, later=False)
            momenten = rapportages.pc_kalender()
            jaarrekening = momenten[(MomentSoort.JAARREKENING, 2025)]
            rapportages.bijdragen(jaarrekening, alle, users)
            rapportages.moties(users)
        if met_rapportage:
            self.stdout.write(rapportages.gepubliceerde_rapportage(jaarrekening))
        with transaction.atomic(), pghistory.context(bron="demodata"):
            self._cijfers(alle, kernen, users, later=True)
            begroting = momenten[(MomentSoort.BEGROTING, 2027)]
            geschreven = [o for o in alle if o.titel not in rapportages.NOG_NIET_GESCHREVEN]
            rapportages.bijdragen(begroting, geschreven, users)
            berap = momenten[(MomentSoort.BERAP2, 2026)]
            rapportages.bijdragen(berap, [kernen], users, bestuurlijk=False)
            # What the morning's search would tell people (Meldingen in the header).
            participatie_meldingen.zoeken()
            rapportage_meldingen.zoeken()
        self.stdout.write(
            f"Demodata klaar: {Opgave.objects.count()} opgaven, {Stakeholder.objects.count()} "
            f"stakeholders, {CanvasItem.objects.count()} canvasitems, {Gebied.objects.count()} gebieden."
        )
        if met_rapportage:
            self.stdout.write(rapportages.gepubliceerde_rapportage(begroting))
        logins = ", ".join(username for username, *_rest in accounts.GEBRUIKERS)
        self.stdout.write(f"Inloggen kan als {logins}; wachtwoord '{accounts.DEMO_WACHTWOORD}'.")

    @staticmethod
    def _cijfers(alle: list[Opgave], kernen: Opgave, users, *, later: bool) -> None:
        """Every opgave's budget and indicator, as of the spring or (``later``) the autumn."""
        if later:
            canvas.vitale_kernen(kernen, users, later=True)
        for index, opgave in enumerate(alle):
            if opgave.pk != kernen.pk:
                cijfers.begroting_algemeen(opgave, index, later=later)
                cijfers.indicator_algemeen(opgave, later=later)
