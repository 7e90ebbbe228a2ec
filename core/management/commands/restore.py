"""``manage.py restore DIR --zeker``: replace the database and the files with a backup."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = (
        "Zet een backup (manage.py backup) terug: vervangt de database en de bestanden. "
        "Controleert eerst elk bestand tegen het manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", type=Path)
        parser.add_argument(
            "--zeker", action="store_true", help="ja, vervang alles wat er nu staat"
        )

    def handle(self, *args, map: Path, zeker: bool, **options):
        if not zeker:
            raise CommandError(
                "Dit vervangt de hele database en alle bestanden door de backup. "
                "Stop web, worker en beat, en herhaal met --zeker."
            )
        begin = time.monotonic()
        try:
            manifest = backup.herstel(map)
        except backup.BackupFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            f"Hersteld uit {map} ({manifest['gemaakt_op']}) in {time.monotonic() - begin:.1f} s: "
            f"{backup.samenvatting(manifest)}."
        )
