"""Colleagues at once: gunicorn with the production settings, a mixed scenario.

Usage (after ``make install``; DATABASE_URL pointing at a database with demo or scale data):
    .venv/bin/python bench/load.py [--users 50] [--duration 60] [--workers 2] [--threads 4]

Starts gunicorn (config.settings.base, DEBUG off, a random secret key) on a free port and
measures, bounded in time:
1. throughput of the bare view (/gezondheid/live), of the lightest page with the layout
   (the P&C calendar) and of an opgave hub, each with as many requests at once as the
   server has threads, no think time: their ratios to the bare view;
2. ``--users`` simulated colleagues, each signed in, waiting about a second between pages
   (start, agenda, agenda search, hub, canvas, register, register search, participatie,
   P&C calendar), one request in twenty saving a canvas item: per page p50 and p95, and
   for all together requests/s, p50, p95 and errors.
Sessions are made in this process (Client.force_login, the same secret key), so 50 logins
do not spend the server's time on password hashing; the second step is off for the run.
The canvas items it adds are removed at the end (their history stays).
"""

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PRODUCTIE = {
    "DJANGO_SETTINGS_MODULE": "config.settings.base",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_DEBUG": "false",
    "MFA_REQUIRED_ROLES": "",
}
os.environ.update(PRODUCTIE)

import django  # noqa: E402

django.setup()

from bench import statische_bestanden  # noqa: E402

statische_bestanden()

from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from canvas.models import CanvasItem  # noqa: E402
from opgaven.models import Opgave  # noqa: E402

BENCH_TEKST = "Bench load item"
ROLLEN = ["regisseur", "regisseur2", "beheerder", "teamlid", "medewerker"]


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(poort: int, workers: int, threads: int, asgi: bool) -> subprocess.Popen:
    opdracht = [
        str(ROOT / ".venv/bin/gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{poort}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--log-level",
        "warning",
    ]
    if asgi:
        # For comparison only: uvicorn is not a dependency (pip install uvicorn, or put it on
        # PYTHONPATH). Django runs each sync view on a thread of its own under ASGI.
        opdracht = [sys.executable, "-m", "uvicorn", "config.asgi:application", "--port"]
        opdracht += [str(poort), "--workers", str(workers), "--log-level", "warning"]
    proces = subprocess.Popen(
        opdracht,
        cwd=ROOT,
        env={**os.environ, **PRODUCTIE},
    )
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{poort}/gezondheid/live", timeout=10).ok:
                return proces
        except requests.RequestException:  # not listening yet, or still loading Django
            time.sleep(0.1)
    proces.kill()
    raise SystemExit("gunicorn antwoordt niet")


class Collega:
    """A signed-in session (cookies sent by hand: they are Secure, the bench speaks http)."""

    def __init__(self, base: str, user: User):
        client = Client()
        client.force_login(user)
        self.user = user
        self.base = base
        self.csrf = secrets.token_hex(16)  # an unmasked 32-character token
        self.http = requests.Session()
        self.http.headers.update(
            {
                "Cookie": f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.csrf}",
                "X-Forwarded-Proto": "https",  # as behind the TLS proxy
                "Origin": "https://127.0.0.1" + base.removeprefix("http://127.0.0.1"),
            }
        )
        eigen = Opgave.objects.editable_by(user).order_by("pk")
        self.opgaven = list(eigen.values_list("pk", flat=True)[:20]) or list(
            Opgave.objects.order_by("pk").values_list("pk", flat=True)[:20]
        )

    def get(self, pad: str) -> requests.Response:
        return self.http.get(self.base + pad, allow_redirects=False, timeout=60)

    def canvas_opslaan(self) -> requests.Response:
        opgave = random.choice(self.opgaven)
        return self.http.post(
            f"{self.base}/opgaven/{opgave}/canvas/activiteiten/nieuw/",
            {"activiteiten-tekst": BENCH_TEKST},
            headers={"X-CSRFToken": self.csrf, "HX-Request": "true"},
            allow_redirects=False,
            timeout=60,
        )


def scenario(collega: Collega) -> tuple[str, callable]:
    opgave = random.choice(collega.opgaven)
    if random.random() < 0.05 and collega.user.rol != "medewerker":
        return "canvas opslaan", collega.canvas_opslaan
    naam, pad = random.choice(
        [
            ("start", "/"),
            ("agenda", "/opgaven/"),
            ("agenda gezocht", "/opgaven/?q=eenzaam"),
            ("hub", f"/opgaven/{opgave}/"),
            ("canvas", f"/opgaven/{opgave}/canvas/"),
            ("register", "/stakeholders/"),
            ("register gezocht", "/stakeholders/?q=peize"),
            ("participatie", "/participatie/"),
            ("p&c-kalender", "/rapportages/kalender/"),
        ]
    )
    return naam, lambda: collega.get(pad)


def doorvoer(collega: Collega, pad: str, gelijktijdig: int, seconden: float) -> float:
    """Requests per second with ``gelijktijdig`` requests at once and no think time."""
    einde, tellers = time.monotonic() + seconden, []

    def lus():
        n = 0
        while time.monotonic() < einde:
            assert collega.get(pad).status_code == 200, pad
            n += 1
        tellers.append(n)

    draden = [threading.Thread(target=lus) for _ in range(gelijktijdig)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return sum(tellers) / seconden


def doorvoer_meten(collega: Collega, gelijk: int) -> None:
    kaal = doorvoer(collega, "/gezondheid/live", gelijk, 10)
    # The lightest page with the layout (menu, header, footer): the floor of any page.
    kalender = doorvoer(collega, "/rapportages/kalender/", gelijk, 10)
    hub = doorvoer(collega, f"/opgaven/{collega.opgaven[0]}/", gelijk, 10)
    print(
        f"doorvoer kale view {kaal:.1f}/s, P&C-kalender {kalender:.1f}/s "
        f"(verhouding {kalender / kaal:.2f}), hub {hub:.1f}/s: verhouding {hub / kaal:.2f}"
    )


def belasting(collegas: list[Collega], seconden: float) -> dict:
    einde = time.monotonic() + seconden
    tijden, fouten = defaultdict(list), defaultdict(int)
    slot = threading.Lock()

    def gebruiker(collega: Collega):
        time.sleep(random.random())  # not all at the same moment
        while time.monotonic() < einde:
            naam, verzoek = scenario(collega)
            begin = time.perf_counter()
            try:
                ok = verzoek().status_code in (200, 302)
            except requests.RequestException:
                ok = False
            duur = (time.perf_counter() - begin) * 1000
            with slot:
                tijden[naam].append(duur)
                fouten[naam] += not ok
            time.sleep(random.uniform(0.5, 1.5))

    draden = [threading.Thread(target=gebruiker, args=(c,)) for c in collegas]
    begin = time.monotonic()
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return {"tijden": tijden, "fouten": fouten, "duur": time.monotonic() - begin}


def p(waarden: list[float], q: int) -> float:
    if len(waarden) < 2:
        return waarden[0] if waarden else 0.0
    return statistics.quantiles(waarden, n=100, method="inclusive")[q - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_WORKERS", 2)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", 4)))
    parser.add_argument("--asgi", action="store_true", help="uvicorn (ASGI) instead of gunicorn")
    parser.add_argument(
        "--alleen-collegas", action="store_true", help="skip the throughput runs (bench/live.py)"
    )
    args = parser.parse_args()
    random.seed(17)
    poort = vrije_poort()
    server = start_gunicorn(poort, args.workers, args.threads, args.asgi)
    base = f"http://127.0.0.1:{poort}"
    try:
        users = [User.objects.get(username=naam) for naam in ROLLEN]
        collegas = [Collega(base, users[i % len(users)]) for i in range(args.users)]
        server_naam = "uvicorn (ASGI)" if args.asgi else f"gunicorn x {args.threads} threads"
        print(
            f"{Opgave.objects.count()} opgaven; {server_naam}, {args.workers} workers, "
            "productie-instellingen"
        )
        if not args.alleen_collegas:
            doorvoer_meten(collegas[0], args.workers * args.threads)
        uitslag = belasting(collegas, args.duration)
        alle = [t for lijst in uitslag["tijden"].values() for t in lijst]
        print(f"{args.users} collega's, {uitslag['duur']:.0f} s:")
        print(f"{'pagina':<18} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'fouten':>7}")
        for naam, lijst in sorted(uitslag["tijden"].items()):
            print(
                f"{naam:<18} {len(lijst):>6} {p(lijst, 50):>8.0f} {p(lijst, 95):>8.0f} "
                f"{uitslag['fouten'][naam]:>7}"
            )
        print(
            f"{'alles':<18} {len(alle):>6} {p(alle, 50):>8.0f} {p(alle, 95):>8.0f} "
            f"{sum(uitslag['fouten'].values()):>7}   {len(alle) / uitslag['duur']:.1f} verzoeken/s"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        CanvasItem.objects.filter(tekst=BENCH_TEKST).delete()


if __name__ == "__main__":
    main()
