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
from demo.seed import accounts, canvas, opgaven, participatie, rapportages
from opgaven.models import Gebied, Opgave
from participatie import meldingen as participatie_meldingen
from participatie.models import Stakeholder
from rapportages import meldingen as rapportage_meldingen


class Command(BaseCommand):
    help = "Maakt (idempotent) demodata: Gemeente Maasdal met kernen, opgaven, stakeholders en canvassen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--met-rapportage",
            action="store_true",
            help=(
                "Maak ook een vastgestelde en gepubliceerde programmarapportage (de begroting "
                "2027), zodat een raadslid iets te lezen heeft. Duurt een halve minuut."
            ),
        )

    def handle(self, *args, met_rapportage: bool = False, **options):
        if not settings.DEMODATA_TOEGESTAAN:
            raise CommandError(
                "Demodata is uitgeschakeld in deze configuratie (OPGAVENREGIE_DEMODATA). "
                "Demodata met wachtwoord 'demo' hoort niet in productie."
            )
        with transaction.atomic(), pghistory.context(bron="demodata"):
            users = accounts.gebruikers()
            stakeholders = participatie.stakeholders()
            for index, opgave in enumerate(opgaven.opgaven(opgaven.gebieden(), users)):
                canvas.canvas(opgave)
                participatie.betrokkenheden(opgave, stakeholders, random.Random(index))
            participatie.participatie(users)
            participatie.afspraken(users)
            kernen = Opgave.objects.get(titel="Vitale kernen")
            canvas.vitale_kernen(kernen, users)
            rapportages.pc_kalender(kernen, users)
            rapportages.moties(users)
            # What the morning's search would tell people (Meldingen in the header).
            participatie_meldingen.zoeken()
            rapportage_meldingen.zoeken()
        self.stdout.write(
            f"Demodata klaar: {Opgave.objects.count()} opgaven, {Stakeholder.objects.count()} "
            f"stakeholders, {CanvasItem.objects.count()} canvasitems, {Gebied.objects.count()} gebieden."
        )
        if met_rapportage:
            self.stdout.write(rapportages.gepubliceerde_rapportage())
        logins = ", ".join(username for username, *_rest in accounts.GEBRUIKERS)
        self.stdout.write(f"Inloggen kan als {logins}; wachtwoord '{accounts.DEMO_WACHTWOORD}'.")
