"""Time the stakeholder import and export for 10,000 rows (CSV and xlsx); rolls back.

Usage: .venv/bin/python bench/register.py [--rijen 10000]
"""

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from django.db import transaction  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from accounts.models import User  # noqa: E402
from participatie import importeren  # noqa: E402
from rapportages import exports  # noqa: E402

KOP = importeren.KOLOMMEN


class Terugdraaien(Exception):
    pass


def rijen(n: int) -> list[list[str]]:
    result = []
    for i in range(n):
        if i % 3 == 0:
            result.append(
                [
                    f"Bench inwoner {i}",
                    "inwoner",
                    "persoon",
                    "",
                    "",
                    f"p{i}@bench.example",
                    "06-12345678",
                    "toestemming",
                    "Thematafel",
                    "31-12-2028",
                ]
            )
        else:
            result.append(
                [
                    f"Bench organisatie {i}",
                    "ondernemer",
                    "organisatie",
                    "",
                    f"{10000000 + i}",
                    f"o{i}@bench.example",
                    "",
                    "",
                    "",
                    "",
                ]
            )
    return result


def als_csv(data) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(KOP)
    writer.writerows(data)
    return buffer.getvalue().encode("utf-8")


def als_xlsx(data) -> bytes:
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet()
    blad.append(KOP)
    for rij in data:
        blad.append(rij)
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


def meet(naam: str, inhoud: bytes) -> None:
    t0 = time.perf_counter()
    gelezen = importeren.lees(naam, inhoud)
    t1 = time.perf_counter()
    importeren.controleer(gelezen)
    t2 = time.perf_counter()
    try:
        with transaction.atomic():
            aantal = importeren.importeer(gelezen)
            t3 = time.perf_counter()
            formaat = naam.rsplit(".", 1)[1]
            with tempfile.TemporaryDirectory() as map_:
                totaal, rijen = exports.stakeholder_rijen(User.objects.get(username="beheerder"))
                uit = Path(map_) / f"export.{formaat}"
                exports.schrijf(uit, formaat, exports.STAKEHOLDER_KOLOMMEN, rijen, lambda n: None)
                t4 = time.perf_counter()
                grootte = uit.stat().st_size
            raise Terugdraaien
    except Terugdraaien:
        pass
    print(
        f"{naam:<16} {len(inhoud) / 1024:>7.0f} KiB  lezen {t1 - t0:5.2f} s  "
        f"controleren {t2 - t1:5.2f} s  importeren {t3 - t2:5.2f} s  "
        f"({aantal} rijen, totaal {t3 - t0:5.2f} s)"
    )
    print(
        f"{'':<16} export van het hele register ({totaal} rijen, {formaat}, "
        f"{grootte / 1024:.0f} KiB): {t4 - t3:5.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rijen", type=int, default=10_000)
    n = parser.parse_args().rijen
    data = rijen(n)
    meet("stakeholders.csv", als_csv(data))
    meet("stakeholders.xlsx", als_xlsx(data))


if __name__ == "__main__":
    main()
