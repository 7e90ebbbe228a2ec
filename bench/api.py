"""The API at scale: ms per page of the opgaven and metingen lists, in-process with the
production settings, and queries per page (constant, whatever the page).

Usage, against the scale data set (``manage.py schaaldata`` in its own database):
    DATABASE_URL=postgres://.../schaal .venv/bin/python bench/api.py [--rounds 20]

Measurements are topped up to 100,000 first (seeded, once) when the data set has fewer.
"""

import argparse
import datetime
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault("API_VERZOEKEN_PER_MINUUT", "1000000")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import Koppeling, Scope  # noqa: E402
from canvas.models import Indicator, Meting  # noqa: E402
from opgaven.models import Opgave  # noqa: E402

METINGEN = 100_000


def metingen_aanvullen() -> None:
    """Measurements up to METINGEN, a day apart per indicator from 1800 on (before any
    real one), so the set is the same on every run of the same data."""
    tekort = METINGEN - Meting.objects.count()
    indicatoren = list(Indicator.objects.order_by("pk").values_list("pk", flat=True))
    if tekort <= 0 or not indicatoren:
        return
    bezet = set(Meting.objects.values_list("indicator_id", "datum"))
    begin, nieuw, n = datetime.date(1800, 1, 1), [], 0
    while len(nieuw) < tekort:
        sleutel = (
            indicatoren[n % len(indicatoren)],
            begin + datetime.timedelta(days=n // len(indicatoren)),
        )
        n += 1
        if sleutel not in bezet:
            nieuw.append(Meting(indicator_id=sleutel[0], datum=sleutel[1], waarde=n % 100))
    Meting.objects.bulk_create(nieuw, batch_size=5000)


def meet(client: Client, url: str, rounds: int) -> tuple[float, float, int, int]:
    tijden = []
    client.get(url)  # warm: the first request pays for caches and connections, not the page
    for _ in range(rounds):
        start = time.perf_counter()
        antwoord = client.get(url)
        tijden.append((time.perf_counter() - start) * 1000)
        assert antwoord.status_code == 200, (url, antwoord.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    tijden.sort()
    p95 = tijden[min(len(tijden) - 1, round(0.95 * (len(tijden) - 1)))]
    return statistics.median(tijden), p95, len(ctx.captured_queries), len(antwoord.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    metingen_aanvullen()
    Koppeling.objects.filter(naam="bench").delete()
    _koppeling, token = Koppeling.maken(naam="bench", scope=Scope.LEZEN, door=None)
    client = Client(headers={"Authorization": f"Token {token}"})
    n_opgaven, n_metingen = Opgave.objects.count(), Meting.objects.count()
    print(f"{n_opgaven} opgaven, {n_metingen} metingen; {args.rounds} rounds, production settings")
    print(f"{'page':58} {'p50 ms':>7} {'p95 ms':>7} {'queries':>7} {'kB':>6}")
    midden, midden_opgaven = max(1, n_metingen // 200), max(1, n_opgaven // 200)
    for label, url in [
        ("opgaven, page 1 (100)", "/api/v1/opgaven/"),
        (f"opgaven, page {midden_opgaven} (100)", f"/api/v1/opgaven/?pagina={midden_opgaven}"),
        ("opgaven, 1000 per page", "/api/v1/opgaven/?per_pagina=1000"),
        ("metingen, page 1 (100)", "/api/v1/metingen/"),
        (f"metingen, page {midden} (100)", f"/api/v1/metingen/?pagina={midden}"),
        ("metingen, 1000 per page", "/api/v1/metingen/?per_pagina=1000"),
        (
            "metingen changed since an hour ago",
            "/api/v1/metingen/?gewijzigd_sinds="
            + (datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            ),
        ),
    ]:
        p50, p95, queries, grootte = meet(client, url, args.rounds)
        print(f"{label:58} {p50:7.1f} {p95:7.1f} {queries:7d} {grootte / 1024:6.0f}")
    Koppeling.objects.filter(naam="bench").delete()


if __name__ == "__main__":
    main()
