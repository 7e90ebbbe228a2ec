"""Open canvases at once: the live process's connections, memory, and how fast a change
reaches all of them, alone and while colleagues work (bench/load.py).

Usage (after ``make install``; DATABASE_URL at a database with demo or scale data, REDIS_URL
at a Redis):
    .venv/bin/python bench/live.py [--verbindingen 500] [--duur 60] [--zonder-collegas]

1. The 50-colleague load of bench/load.py alone (gunicorn, production settings): its p95.
2. uvicorn with config/asgi.py (production settings, as the compose service runs it) and
   ``--verbindingen`` event streams on one canvas (the widest fan-out), each with a session
   and ticket of its own: time to open them all, the process's memory before and after.
3. The same colleagues again while, every second, a change to that canvas is published
   (as a save does, after its commit): for each change the time until every stream had it,
   and the p95 over all deliveries; the colleagues' p95 against the first run.
Bounded: every wait has a time limit; the streams and the live process end with the script.
"""

import argparse
import asyncio
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # the live process signs with it too
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DEBUG": "false",
        "MFA_REQUIRED_ROLES": "",
    }
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from canvas import live  # noqa: E402
from opgaven.models import Opgave  # noqa: E402


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    regel = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
    return int(regel[1]) / 1024


def cpu_s(pid: int) -> float:
    """Seconds of CPU (user + system) the process has used."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[11]) + int(velden[12])) / os.sysconf("SC_CLK_TCK")


def p(waarden: list[float], q: int) -> float:
    return statistics.quantiles(waarden, n=100, method="inclusive")[q - 1]


def collegas(duur: float) -> str:
    """bench/load.py's colleagues (without its throughput runs): its last line, "alles"."""
    uit = subprocess.run(
        [sys.executable, "bench/load.py", "--alleen-collegas", "--duration", str(duur)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=duur + 180,
        check=True,
    ).stdout
    return next(regel for regel in uit.splitlines() if regel.startswith("alles"))


class Stroom:
    """One event stream over a bare socket, noting when each numbered event arrived."""

    def __init__(self, poort: int, pad: str, sessie: str):
        self.poort, self.pad, self.sessie = poort, pad, sessie
        self.aangekomen: dict[int, float] = {}
        self.hallo = asyncio.Event()

    async def open(self):
        self.lezer, self.schrijver = await asyncio.open_connection("127.0.0.1", self.poort)
        self.schrijver.write(
            f"GET {self.pad} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
            f"Cookie: {settings.SESSION_COOKIE_NAME}={self.sessie}\r\n\r\n".encode()
        )
        await self.schrijver.drain()
        self.taak = asyncio.create_task(self.lees())

    async def lees(self):
        nummer = None
        while regel := await self.lezer.readline():
            tekst = regel.decode().strip()
            if tekst.startswith("id: "):
                nummer = int(tekst[4:])
            elif tekst == "event: hallo":
                self.hallo.set()
            elif tekst == "event: blok" and nummer is not None:
                self.aangekomen[nummer] = time.perf_counter()

    def sluit(self):
        self.taak.cancel()
        self.schrijver.close()


def adressen(aantal: int) -> tuple[int, list[tuple[str, str]]]:
    """One canvas, and for each stream its address and session (ten people, each a session
    per stream: a ticket is bound to one)."""
    opgave = Opgave.objects.order_by("pk").first()
    mensen = list(User.objects.filter(is_active=True, rol="beheerder").order_by("pk")[:10])
    uit = []
    for i in range(aantal):
        client = Client()
        client.force_login(mensen[i % len(mensen)])
        sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
        bewijs = live.toegangsbewijs(mensen[i % len(mensen)].pk, opgave.pk, sessie)
        uit.append((f"/live/canvas/{opgave.pk}/?t={bewijs}", sessie))
    return opgave.pk, uit


async def meten(poort, pid, opgave_pk, adres, duur: float, met_collegas: bool) -> None:
    aantal = len(adres)
    voor = rss_mb(pid)
    stromen = [Stroom(poort, pad, sessie) for pad, sessie in adres]
    begin = time.perf_counter()
    await asyncio.gather(*(s.open() for s in stromen))
    await asyncio.wait_for(asyncio.gather(*(s.hallo.wait() for s in stromen)), 120)
    geopend = time.perf_counter() - begin
    await asyncio.sleep(2)
    na = rss_mb(pid)
    print(
        f"{aantal} stromen open in {geopend:.1f} s; live-proces {voor:.0f} -> {na:.0f} MB "
        f"({(na - voor) * 1024 / aantal:.0f} KB per verbinding)"
    )
    belasting = asyncio.create_task(asyncio.to_thread(collegas, duur)) if met_collegas else None
    verstuurd: dict[int, float] = {}
    cpu_live, cpu_eigen, begin = cpu_s(pid), time.process_time(), time.monotonic()
    einde = time.monotonic() + duur
    while time.monotonic() < einde:
        tijd = time.perf_counter()
        # As a save does after its commit (no transaction here: at once).
        await asyncio.to_thread(live.blokken_gewijzigd, opgave_pk, "rollen")
        nummer = await asyncio.to_thread(live.live.bus().stand, f"canvas:{opgave_pk}:stand")
        verstuurd[nummer] = tijd
        await asyncio.sleep(1)
    await asyncio.sleep(3)
    verstreken = time.monotonic() - begin
    print(
        f"CPU in {verstreken:.0f} s: live-proces {cpu_s(pid) - cpu_live:.1f} s, "
        f"de {aantal} lezers van deze bench {time.process_time() - cpu_eigen:.1f} s"
    )
    per_wijziging, alle = [], []
    for nummer, tijd in verstuurd.items():
        aankomsten = [s.aangekomen.get(nummer) for s in stromen]
        gemist = sum(a is None for a in aankomsten)
        vertraging = [(a - tijd) * 1000 for a in aankomsten if a is not None]
        alle += vertraging
        per_wijziging.append((max(vertraging) if vertraging else float("inf"), gemist))
    slechtste = max(v for v, _ in per_wijziging)
    print(
        f"{len(verstuurd)} wijzigingen naar {aantal} stromen: p50 {p(alle, 50):.0f} ms, "
        f"p95 {p(alle, 95):.0f} ms; tot de laatste stroom: mediaan "
        f"{statistics.median(v for v, _ in per_wijziging):.0f} ms, slechtste {slechtste:.0f} ms; "
        f"gemist {sum(g for _, g in per_wijziging)}"
    )
    stil = sum(not s.aangekomen for s in stromen)
    print(f"live-proces daarna {rss_mb(pid):.0f} MB; stromen zonder enige wijziging: {stil}")
    if belasting:
        print(f"collega's met {aantal} open canvassen: {await belasting}")
    for stroom in stromen:
        stroom.sluit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbindingen", type=int, default=500)
    parser.add_argument("--duur", type=float, default=60)
    parser.add_argument("--zonder-collegas", action="store_true")
    args = parser.parse_args()
    if not settings.REDIS_URL:
        raise SystemExit("REDIS_URL ontbreekt: het live-proces hoort wijzigingen via Redis")
    print(f"{Opgave.objects.count()} opgaven; uvicorn (config/asgi.py), productie-instellingen")
    if not args.zonder_collegas:
        print(f"collega's zonder open canvassen:          {collegas(args.duur)}")
    poort = vrije_poort()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "config.asgi:application", "--port", str(poort)),
            *("--lifespan", "off", "--no-access-log", "--timeout-graceful-shutdown", "2"),
        ],
        cwd=ROOT,
        env=os.environ,
    )
    try:
        import requests

        for _ in range(300):
            try:
                if requests.get(f"http://127.0.0.1:{poort}/gezondheid/live", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        opgave_pk, adres = adressen(args.verbindingen)
        asyncio.run(meten(poort, server.pid, opgave_pk, adres, args.duur, not args.zonder_collegas))
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
