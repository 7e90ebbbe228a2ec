"""Timings that tests do not assert: page render times and the council report.

Usage (after `make install`; uses DATABASE_URL or the embedded PostgreSQL with demo data):
    .venv/bin/python bench/run.py [--rounds 20]

Against the scale data set: create it with ``manage.py schaaldata`` in a database of its
own and point DATABASE_URL there (the report of all opgaven is left out above 200).
"""

import argparse
import io
import os
import secrets
import statistics
import sys
import time
from pathlib import Path
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The production settings (DEBUG off: cached templates, no query log), over plain http.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault("MFA_REQUIRED_ROLES", "")

import django

django.setup()

from bench import statische_bestanden  # noqa: E402

statische_bestanden()

import pypdf  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from weasyprint import CSS, HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from accounts.models import User  # noqa: E402
from canvas.documenten import canvas_bron, canvas_pdf  # noqa: E402
from canvas.models import CanvasItem  # noqa: E402
from core.pdf import BASE_URL, StaticOnlyURLFetcher, render_pdf  # noqa: E402
from demo.seed.gevarieerd import maak_opgaven  # noqa: E402
from opgaven.models import Domein, Gebied, Opgave  # noqa: E402
from participatie.documenten import terugkoppeling_bron, terugkoppeling_pdf  # noqa: E402
from participatie.models import Stakeholder, Thematafel  # noqa: E402
from rapportages import renderers  # noqa: E402
from rapportages.renderers import programmarapportage_pdf  # noqa: E402


def timed(fn, rounds: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


class Teller:
    """Counts the queries a request sends, whatever DEBUG is (an execute wrapper, not the
    debug log: with DEBUG off that log stays empty)."""

    def __init__(self):
        self.aantal = 0

    def __call__(self, execute, sql, params, many, context):
        self.aantal += 1
        return execute(sql, params, many, context)


def p50_p95(client, url: str, rounds: int, budget: float = 4.0) -> tuple[float, float]:
    """Median and 95th percentile in ms of ``rounds`` requests (at least 3; fewer when a
    slow page would spend more than ``budget`` seconds)."""
    samples, begin = [], time.perf_counter()
    while len(samples) < rounds and (len(samples) < 3 or time.perf_counter() - begin < budget):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
    return statistics.median(samples), p95


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
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
        "agenda gefilterd": f"/opgaven/?fase=realiseren&voortgang=risico&domein={_domein()}",
        "agenda gezocht": "/opgaven/?q=eenzaam",
        "samenhang": "/opgaven/samenhang/",
        "wie werkt waaraan": "/opgaven/wie-werkt-waaraan/",
        "register": "/stakeholders/",
        "register gezocht": "/stakeholders/?q=peize",
        "gedeelde stakeh.": "/stakeholders/gedeeld/",
        "hub (opgave)": f"/opgaven/{kernen.pk}/",
        "team (opgave)": f"/opgaven/{kernen.pk}/team/",
        "stakeholders (opgave)": f"/opgaven/{kernen.pk}/stakeholders/",
        "rapportages (opgave)": f"/rapportages/opgaven/{kernen.pk}/",
        "geschiedenis (opgave)": f"/opgaven/{kernen.pk}/geschiedenis/",
        "gebied": f"/opgaven/gebieden/{(kernen.gebieden.first() or Gebied.objects.first()).pk}/",
        "canvas": f"/opgaven/{kernen.pk}/canvas/",
        "rapportages": "/rapportages/",
        "p&c-kalender": "/rapportages/kalender/",
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
    print(
        f"{Opgave.objects.count()} opgaven, {Stakeholder.objects.count()} stakeholders; "
        f"tijden in ms binnen het proces, {args.rounds} verzoeken per pagina"
    )
    kaal = p50_p95(client, "/gezondheid/live", args.rounds * 5)[0]
    print(f"{'pagina':<26} {'p50':>8} {'p95':>8} {'queries':>8} {'x kaal':>8}")
    print(f"{'kale view (/gezondheid/live)':<26} {kaal:>8.1f}")
    metingen = [(f"{name} (regisseur)", client, url) for name, url in pages.items()]
    metingen += [
        (f"{name} (beheerder)", beheerder, pages[name])
        for name in ("start (home)", "beleidsagenda", "register", "hub (opgave)", "canvas")
    ]
    metingen += [
        ("gebruikers (beheerder)", beheerder, "/accounts/gebruikers/"),
        ("hub (partner)", partner, f"/opgaven/{eigen.pk}/"),
    ]
    for name, wie, url in metingen:
        teller = Teller()
        with connection.execute_wrapper(teller):
            status = wie.get(url).status_code
        assert status == 200, (url, status)
        p50, p95 = p50_p95(wie, url, args.rounds)
        print(f"{name:<26} {p50:>8.1f} {p95:>8.1f} {teller.aantal:>8} {p50 / kaal:>8.1f}")

    canvas_opslaan(client, kernen, args.rounds)

    rounds = 3
    # The documents a page asks a worker for, laid out here in-process.
    documenten = {"canvas A3 PDF": lambda: canvas_pdf(canvas_bron(opgave=kernen))}
    if tafel is not None:
        documenten["terugkopp. PDF"] = lambda: terugkoppeling_pdf(
            terugkoppeling_bron(thematafel=tafel)
        )
    for name, maak in documenten.items():
        seconds, _ = timed(maak, rounds)
        print(f"{name:<18} {seconds * 1000:>10.1f} (worker, mediaan van {rounds})")
    if Opgave.objects.count() <= 200:
        rapport(Opgave.objects.all(), f"rapportage alle {Opgave.objects.count()} opgaven", rounds)
    rapport_van_honderd()


def canvas_opslaan(client, opgave: Opgave, rounds: int) -> None:
    """Server time of the canvas saves (htmx): a new item, and an edit of its text (the
    version check included); in a transaction that is rolled back."""
    htmx = {"HTTP_HX_REQUEST": "true"}
    nieuw = reverse("canvas:canvasitem-create", args=[opgave.pk, "activiteiten"])
    try:
        with transaction.atomic():
            samples = {"nieuw item": [], "tekst bewerkt": []}
            for i in range(rounds):  # each new item undone: the block keeps its size
                terug = transaction.savepoint()
                start = time.perf_counter()
                response = client.post(nieuw, {"activiteiten-tekst": f"Bench {i}"}, **htmx)
                samples["nieuw item"].append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
                transaction.savepoint_rollback(terug)
            client.post(nieuw, {"activiteiten-tekst": "Bench"}, **htmx)
            item = CanvasItem.objects.filter(opgave=opgave).order_by("-pk").first()
            for i in range(rounds):
                item.refresh_from_db()
                data = {
                    f"item-{item.pk}-tekst": f"Bewerkt {i}",
                    f"item-{item.pk}-versie": item.versie,
                }
                start = time.perf_counter()
                response = client.post(
                    reverse("canvas:canvasitem-update", args=[item.pk]), data, **htmx
                )
                samples["tekst bewerkt"].append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.status_code
            for naam, tijden in samples.items():
                p95 = statistics.quantiles(tijden, n=20, method="inclusive")[18]
                print(f"{'canvas ' + naam:<26} {statistics.median(tijden):>8.1f} {p95:>8.1f}")
            raise _Terugdraaien
    except _Terugdraaien:
        pass


def _domein() -> int:
    return Domein.objects.order_by("pk").values_list("pk", flat=True).first() or 0


class _Terugdraaien(Exception):
    pass


def rapport(opgaven, naam: str, rounds: int) -> None:
    """Pages per second of the council report, and its cost over WeasyPrint's own layout
    and writing of the same HTML and CSS (fonts through the same fetcher), with the same
    tagged PDF/UA output and with WeasyPrint's defaults: what gathering the data, the
    templates and the safety check add (and the tagging, against the defaults)."""
    bron = {}

    def onthoud(html, css, **kwargs):
        bron.update(html=html, css=css)
        return render_pdf(html, css, **kwargs)

    def ons():
        with patch.object(renderers, "render_pdf", onthoud):  # listens in, renders as ever
            return programmarapportage_pdf(opgaven, titel="Benchmark")

    def kaal(**opties):
        # With a font configuration, as ours: without one WeasyPrint skips the @font-face
        # rules (the embedded Noto Sans) and lays out with the system's fonts, less work.
        fetcher, fonts = StaticOnlyURLFetcher(), FontConfiguration()
        css = CSS(string=bron["css"], base_url=BASE_URL, url_fetcher=fetcher, font_config=fonts)
        return HTML(string=bron["html"], base_url=BASE_URL, url_fetcher=fetcher).write_pdf(
            stylesheets=[css], font_config=fonts, **opties
        )

    # Round by round in turn, so a host that speeds up or slows down during the run weighs
    # on all three alike: ours, the same output (tagged PDF/UA-1, as the council gets it),
    # and WeasyPrint's defaults. The first report, unmeasured, gives the HTML and warms up.
    pdf = ons()
    metingen = {"ons": [], "zelfde": [], "standaard": []}
    for _ in range(rounds):
        for soort, fn in (
            ("ons", ons),
            ("zelfde", lambda: kaal(pdf_variant="pdf/ua-1", pdf_tags=True)),
            ("standaard", kaal),
        ):
            start = time.perf_counter()
            fn()
            metingen[soort].append(time.perf_counter() - start)
    seconds, zelfde, standaard = (statistics.median(m) for m in metingen.values())
    n_pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    print(
        f"{naam}: {seconds:.2f} s, {n_pages} pagina's, {n_pages / seconds:.1f} pagina's/s, "
        f"{len(pdf) / 1024:.0f} KiB; WeasyPrint zelf, PDF/UA {zelfde:.2f} s "
        f"(x {seconds / zelfde:.2f}), standaard {standaard:.2f} s (x {seconds / standaard:.2f}); "
        f"mediaan van {rounds}"
    )


def rapport_van_honderd() -> None:
    """The report of 100 varied opgaven (demo.seed.gevarieerd, the data of the figure
    comparison test), made in a transaction that is rolled back: the database stays as it was."""
    try:
        with transaction.atomic():
            ids = [o.pk for o in maak_opgaven(100, seed=17)]
            rapport(Opgave.objects.filter(pk__in=ids), "rapportage 100 opgaven", 1)
            raise _Terugdraaien
    except _Terugdraaien:
        pass


if __name__ == "__main__":
    main()
