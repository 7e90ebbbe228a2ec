from django.core.management.base import BaseCommand

from participatie import services
from participatie.models import Stakeholder


class Command(BaseCommand):
    help = (
        "Toont personen van wie de bewaartermijn verstreken is; "
        "met --anonimiseer worden ze geanonimiseerd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--anonimiseer", action="store_true", help="Anonimiseer de gevonden personen."
        )

    def handle(self, *args, anonimiseer: bool, **options):
        verlopen = Stakeholder.objects.bewaartermijn_verstreken()
        aantal = 0
        for persoon in verlopen:
            aantal += 1
            # Erased people are not named in the output (a scheduled run's log keeps it).
            naam = "" if anonimiseer else f"\t{persoon.naam}"
            self.stdout.write(f"{persoon.pk}\t{persoon.bewaren_tot:%d-%m-%Y}{naam}")
            if anonimiseer:
                services.persoon_anonimiseren(stakeholder=persoon)
        actie = (
            "geanonimiseerd" if anonimiseer else "gevonden (niets gewijzigd; gebruik --anonimiseer)"
        )
        self.stdout.write(f"{aantal} persoon/personen met verstreken bewaartermijn {actie}.")
