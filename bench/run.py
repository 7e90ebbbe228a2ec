"""Timings that tests do not assert: page render times and the council report.

Usage (after `make install`; uses DATABASE_URL or the embedded PostgreSQL with demo data):
    .venv/bin/python bench/run.py [--rounds 5]
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

import pypdf  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import User  # noqa: E402
from canvas.documenten import canvas_bron, canvas_pdf  # noqa: E402
from demo.seed.gevarieerd import maak_opgaven  # noqa: E402
from opgaven.models import Opgave  # noqa: E402
from participatie.documenten import terugkoppeling_bron, terugkoppeling_pdf  # noqa: E402
from participatie.models import Thematafel  # noqa: E402
from rapportages.renderers import programmarapportage_pdf  # noqa: E402


def timed(fn, rounds: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if not Opgave.objects.exists():
        call_command("demodata")

    client = Client()
    client.force_login(User.objects.get(username="regisseur"))
    opgave = Opgave.objects.order_by("titel").first()
    kernen = Opgave.objects.filter(titel="Vitale kernen").first() or opgave
    pages = {
        "start (home)": "/",
        "beleidsagenda": "/opgaven/",
        "agenda gezocht": "/opgaven/?q=eenzaam",
        "samenhang": "/opgaven/samenhang/",
        "wie werkt waaraan": "/opgaven/wie-werkt-waaraan/",
        "gedeelde stakeh.": "/stakeholders/gedeeld/",
        "hub (opgave)": f"/opgaven/{opgave.pk}/",
        "canvas": f"/opgaven/{opgave.pk}/canvas/",
        "rapportages": "/rapportages/",
        "effectketen": f"/opgaven/{kernen.pk}/canvas/effectketen/",
        "begroting": f"/opgaven/{kernen.pk}/canvas/begroting/",
        "canvasversies": f"/opgaven/{kernen.pk}/canvas/versies/",
        "indicatoren": f"/opgaven/{kernen.pk}/canvas/indicatoren/",
        "realisatieplan": f"/opgaven/{kernen.pk}/canvas/realisatieplan/",
        "participatie": "/participatie/?actiepunten=alle",
        "signalen": "/signalen/",
    }
    tafel = Thematafel.objects.order_by("pk").first()
    if tafel is not None:
        gehouden = tafel.bijeenkomsten.order_by("begint_op").first()
        pages["thematafel"] = tafel.get_absolute_url()
        pages["bijeenkomst"] = gehouden.get_absolute_url()
    beheerder = Client()
    beheerder.force_login(User.objects.get(username="beheerder"))
    partner = Client()
    partner.force_login(User.objects.get(username="partner"))
    eigen = Opgave.objects.waar_werkt(User.objects.get(username="partner")).first()
    print(f"{'pagina':<18} {'mediaan ms':>10} {'queries':>8}")
    metingen = [(name, client, url) for name, url in pages.items()]
    metingen += [
        ("gebruikers", beheerder, "/accounts/gebruikers/"),
        ("hub als partner", partner, f"/opgaven/{eigen.pk}/"),
    ]
    for name, wie, url in metingen:
        reset_queries()  # with DEBUG on, a full query log would hide new queries
        with CaptureQueriesContext(connection) as ctx:
            status = wie.get(url).status_code
        assert status == 200, (url, status)
        seconds, _ = timed(lambda url=url, wie=wie: wie.get(url), args.rounds)
        print(f"{name:<18} {seconds * 1000:>10.1f} {len(ctx.captured_queries):>8}")

    rounds = max(1, args.rounds // 2)
    # The documents a page asks a worker for, laid out here in-process.
    documenten = {"canvas A3 PDF": lambda: canvas_pdf(canvas_bron(opgave=kernen))}
    if tafel is not None:
        documenten["terugkopp. PDF"] = lambda: terugkoppeling_pdf(
            terugkoppeling_bron(thematafel=tafel)
        )
    for name, maak in documenten.items():
        seconds, _ = timed(maak, rounds)
        print(f"{name:<18} {seconds * 1000:>10.1f} (worker, mediaan van {rounds})")
    seconds, pdf = timed(
        lambda: programmarapportage_pdf(Opgave.objects.all(), titel="Benchmark"),
        rounds,
    )
    n_pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    print(
        f"rapportage alle {Opgave.objects.count()} opgaven: {seconds:.2f} s, {n_pages} pagina's, "
        f"{n_pages / seconds:.1f} pagina's/s, {len(pdf) / 1024:.0f} KiB (mediaan van {rounds})"
    )
    rapport_van_honderd()


class _Terugdraaien(Exception):
    pass


def rapport_van_honderd() -> None:
    """The report of 100 varied opgaven (demo.seed.gevarieerd, the data of the figure
    comparison test), made in a transaction that is rolled back: the database stays as it was."""
    try:
        with transaction.atomic():
            ids = [o.pk for o in maak_opgaven(100, seed=17)]
            seconds, pdf = timed(
                lambda: programmarapportage_pdf(
                    Opgave.objects.filter(pk__in=ids), titel="Benchmark 100"
                ),
                1,
            )
            n_pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
            print(
                f"rapportage 100 opgaven: {seconds:.2f} s, {n_pages} pagina's, "
                f"{n_pages / seconds:.1f} pagina's/s, {len(pdf) / 1024:.0f} KiB"
            )
            raise _Terugdraaien
    except _Terugdraaien:
        pass


if __name__ == "__main__":
    main()
