"""``manage.py schaaldata``: the scale data set for bench/ on top of the demo.

Refused where demodata is refused (it brings the demo logins), and refused a second time
for the same seed: the set is generated once, reproducibly, not added to.
"""

import time

import pghistory
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from accounts.models import User
from demo.seed import accounts, schaal

DEMO_LOGINS = [username for username, *_rest in accounts.GEBRUIKERS]


class Command(BaseCommand):
    help = (
        "Maakt de schaaldataset voor bench/: standaard 3.000 opgaven en 100.000 stakeholders "
        "bovenop de demodata, reproduceerbaar per seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--opgaven", type=int, default=3000)
        parser.add_argument("--stakeholders", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=17)

    def handle(self, *args, opgaven: int, stakeholders: int, seed: int, **options):
        if opgaven < 1 or stakeholders < 1:
            raise CommandError("Geef minstens 1 opgave en 1 stakeholder op.")
        call_command("demodata", stdout=self.stdout)
        if User.objects.filter(username=schaal.marker(seed)).exists():
            raise CommandError(
                f"De schaaldataset met seed {seed} staat al in deze database; "
                "kies een andere seed of begin met een lege database."
            )
        start = time.monotonic()
        with transaction.atomic(), pghistory.context(bron="schaaldata"):
            demo = {u.username: u for u in User.objects.filter(username__in=DEMO_LOGINS)}
            aantallen = schaal.maak_schaaldata(
                demo, opgaven=opgaven, stakeholders=stakeholders, seed=seed
            )
        # Fresh statistics, as a database in use has: without them the planner took the
        # 100,000 stakeholders for 32 rows and sorted them all for the register's first page.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"Schaaldata klaar in {time.monotonic() - start:.0f} s: {aantallen['opgaven']} "
            f"opgaven en {aantallen['stakeholders']} stakeholders erbij."
        )
