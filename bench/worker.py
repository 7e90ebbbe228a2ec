"""Reports at once: how many council reports a Celery worker finishes per minute with one,
two or four processes (``--concurrency``), with the production settings.

Usage (after ``make install``; a database with demo or scale data, and a Redis server):
    DATABASE_URL=postgres://.../dev REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/worker.py [--rapporten 6] [--concurrency 1 2 4]

Use a Redis database no one else uses (the /5 above): the worker takes whatever is queued.
For each concurrency a worker starts, ``--rapporten`` programme reports are requested at
once (as the beheerder), and the time until the last is done is measured: reports per
minute and pages per second. The reports are removed after.
"""

import argparse
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PRODUCTIE = {
    "DJANGO_SETTINGS_MODULE": "config.settings.base",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_DEBUG": "false",
}
os.environ.update(PRODUCTIE)
if not os.environ.get("REDIS_URL"):
    raise SystemExit("Zet REDIS_URL (een eigen database, zoals redis://127.0.0.1:6379/5).")

import django  # noqa: E402

django.setup()

from bench import statische_bestanden  # noqa: E402

statische_bestanden()

from pypdf import PdfReader  # noqa: E402

from accounts.models import User  # noqa: E402
from rapportages import services  # noqa: E402
from rapportages.models import Rapportage, Status  # noqa: E402


def start_worker(concurrency: int) -> subprocess.Popen:
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=prefork",
            f"--concurrency={concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(6)  # the processes import Django and WeasyPrint before they take work
    return proces


def ronde(concurrency: int, aantal: int, beheerder: User) -> tuple[float, int]:
    worker = start_worker(concurrency)
    try:
        begin = time.monotonic()
        ids = [services.rapportage_aanvragen(opgave=None, user=beheerder).pk for _ in range(aantal)]
        klaar: dict[int, float] = {}
        while len(klaar) < aantal:
            if time.monotonic() - begin > 900:
                raise SystemExit("Niet klaar binnen 15 minuten")
            for pk, status in Rapportage.objects.filter(pk__in=ids).values_list("pk", "status"):
                if status == Status.MISLUKT:
                    raise SystemExit(f"Rapportage {pk} mislukt")
                if status == Status.KLAAR and pk not in klaar:
                    klaar[pk] = time.monotonic() - begin
            time.sleep(0.2)
        rapporten = Rapportage.objects.filter(pk__in=ids)
        paginas = sum(len(PdfReader(r.bestand.path).pages) for r in rapporten)
        rapporten.delete()
        return max(klaar.values()), paginas
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rapporten", type=int, default=6)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    beheerder = User.objects.get(username="beheerder")
    print(f"{args.rapporten} programmarapportages tegelijk, {os.cpu_count()} cores")
    print(f"{'concurrency':>11} {'seconden':>9} {'per minuut':>11} {'pagina/s':>9}")
    for concurrency in args.concurrency:
        duur, paginas = ronde(concurrency, args.rapporten, beheerder)
        print(
            f"{concurrency:>11} {duur:>9.1f} {args.rapporten / duur * 60:>11.1f} "
            f"{paginas / duur:>9.1f}"
        )


if __name__ == "__main__":
    main()
