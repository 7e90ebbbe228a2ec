"""``manage.py backup DIR``: the database and the files, with a manifest (core.backup)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = "Maakt een backup van de database en de bestanden (rapportages, exports, logo's) in DIR."

    def add_arguments(self, parser):
        parser.add_argument("map", type=Path, help="een nieuwe of lege map")

    def handle(self, *args, map: Path, **options):
        begin = time.monotonic()
        try:
            manifest = backup.maak(map)
        except backup.BackupFout as fout:
            raise CommandError(str(fout)) from fout
        duur = time.monotonic() - begin
        self.stdout.write(f"Backup in {map} ({duur:.1f} s): {backup.samenvatting(manifest)}.")
