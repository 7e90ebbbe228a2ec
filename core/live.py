"""Live events for pages that stay open: a write publishes on a channel after its commit,
and every process that holds an event stream (server-sent events) for that channel passes
the event on to its browsers.

With Redis (``REDIS_URL``) the fan-out goes through Redis pub/sub, so a change made in one
web process reaches the streams any other process or host holds; each stream process keeps
one subscription to Redis and hands messages to its connections' queues. Without Redis
(``make run``) the writes and the streams share one process and the fan-out stays in its
memory. The streams themselves run under ASGI (config/asgi.py, ARCHITECTURE.md).
"""

import asyncio
import contextvars
import json
import logging
import re
import threading
import time
import weakref
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache

import redis
import redis.asyncio
from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.dispatch import receiver

logger = logging.getLogger(__name__)

# A person's rights changed (team, role, account): their streams check again at once.
RECHTEN = "rechten"
# The browser names its own stream in this header on every request it makes, so the event
# its own write causes is not sent back to it (it already shows the result).
BRON_KOP = "X-Live-Verbinding"
_GELDIGE_BRON = re.compile(r"^[a-f0-9]{16}$")
_bron: contextvars.ContextVar[str] = contextvars.ContextVar("live_bron", default="")
WACHTRIJ = 100  # events kept for a slow connection; past it, it is told to read anew


def na_commit(kanaal: str, bericht: dict, *, teller: str = "") -> None:
    """Publish ``bericht`` once the current transaction commits (at once outside one), with
    the stream of the request that made the change as its source and, given a ``teller``,
    that counter raised by one as its number."""
    bericht = bericht | {"bron": _bron.get()}

    def publiceer():
        try:
            if teller:
                bericht["stand"] = bus().ophogen(teller)
        except redis.RedisError:
            logger.warning("live: teller %s niet opgehoogd", teller, exc_info=True)
            return
        bus().publiceer(kanaal, bericht)

    transaction.on_commit(publiceer)


def rechten_gewijzigd(user_id: int) -> None:
    """A person's rights changed: their open streams check them again at once."""
    na_commit(RECHTEN, {"soort": "rechten", "gebruiker": user_id})


@receiver(user_logged_out)
def _afgemeld(sender, request, user, **kwargs):
    if user is not None:
        rechten_gewijzigd(user.pk)


class BronMiddleware:
    """Remembers, for the length of the request, which live stream the browser holds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bron = request.headers.get(BRON_KOP, "")
        token = _bron.set(bron if _GELDIGE_BRON.match(bron) else "")
        try:
            return self.get_response(request)
        finally:
            _bron.reset(token)


def _lever(wachtrij: asyncio.Queue, bericht: dict) -> None:
    """Into a connection's queue; a full queue (a client that does not read) is emptied and
    told to read the page anew instead."""
    try:
        wachtrij.put_nowait(bericht)
    except asyncio.QueueFull:
        while not wachtrij.empty():
            wachtrij.get_nowait()
        wachtrij.put_nowait({"soort": "vernieuwen"})


class _Verdeler:
    """One Redis subscription per stream process and event loop, shared by its connections."""

    def __init__(self, url: str, prefix: str):
        self.prefix = prefix
        self.pubsub = redis.asyncio.Redis.from_url(url).pubsub(ignore_subscribe_messages=True)
        self.wachtrijen: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self.lezer: asyncio.Task | None = None
        self.slot = asyncio.Lock()

    async def aan(self, kanalen: list[str], wachtrij: asyncio.Queue) -> None:
        async with self.slot:
            nieuw = [self.prefix + k for k in kanalen if not self.wachtrijen[k]]
            for kanaal in kanalen:
                self.wachtrijen[kanaal].add(wachtrij)
            if nieuw:
                await self.pubsub.subscribe(*nieuw)
            if self.lezer is None or self.lezer.done():
                self.lezer = asyncio.create_task(self._lees())

    async def af(self, kanalen: list[str], wachtrij: asyncio.Queue) -> None:
        async with self.slot:
            weg = []
            for kanaal in kanalen:
                self.wachtrijen[kanaal].discard(wachtrij)
                if not self.wachtrijen[kanaal]:
                    del self.wachtrijen[kanaal]
                    weg.append(self.prefix + kanaal)
            if weg:
                try:
                    await self.pubsub.unsubscribe(*weg)
                except (redis.RedisError, OSError):
                    logger.warning("live: afmelden bij Redis mislukt", exc_info=True)

    async def _lees(self) -> None:
        gestoord = False
        while True:
            try:
                bericht = await self.pubsub.get_message(timeout=5)
            except (redis.RedisError, OSError):
                # Redis went away: redis-py connects and subscribes again on the next read.
                # What was published meanwhile is lost, so everyone reads anew after.
                if not gestoord:
                    logger.warning("live: verbinding met Redis verbroken", exc_info=True)
                gestoord = True
                await asyncio.sleep(1)
                continue
            if gestoord:
                gestoord = False
                for wachtrijen in list(self.wachtrijen.values()):
                    for wachtrij in list(wachtrijen):
                        _lever(wachtrij, {"soort": "vernieuwen"})
            if bericht and bericht.get("type") == "message":
                kanaal = bericht["channel"].decode().removeprefix(self.prefix)
                inhoud = json.loads(bericht["data"])
                for wachtrij in list(self.wachtrijen.get(kanaal, ())):
                    _lever(wachtrij, inhoud)


class RedisBus:
    """Events through Redis pub/sub; counters and who-is-here in Redis keys."""

    def __init__(self, url: str):
        self.url = url
        self.redis = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        # Pub/sub channels are the same in every Redis database: the database's number in
        # the names keeps two installations (or two test processes) on one server apart.
        self.prefix = f"opgavenregie:{self.redis.connection_pool.connection_kwargs.get('db', 0)}:"
        self._verdelers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def publiceer(self, kanaal: str, bericht: dict) -> None:
        # A live update that does not go out costs a reader a reload, not the write.
        try:
            self.redis.publish(self.prefix + kanaal, json.dumps(bericht))
        except redis.RedisError:
            logger.warning("live: publiceren mislukt", exc_info=True)

    @asynccontextmanager
    async def abonnement(self, kanalen: list[str]) -> AsyncIterator[asyncio.Queue]:
        loop = asyncio.get_running_loop()
        verdeler = self._verdelers.get(loop)
        if verdeler is None:
            verdeler = self._verdelers[loop] = _Verdeler(self.url, self.prefix)
        wachtrij: asyncio.Queue = asyncio.Queue(WACHTRIJ)
        await verdeler.aan(kanalen, wachtrij)
        try:
            yield wachtrij
        finally:
            await verdeler.af(kanalen, wachtrij)

    def ophogen(self, sleutel: str) -> int:
        return int(self.redis.incr(self.prefix + sleutel))

    def stand(self, sleutel: str) -> int:
        return int(self.redis.get(self.prefix + sleutel) or 0)

    def zet(self, sleutel: str, veld: str, waarde: dict, *, ttl: int) -> None:
        with self.redis.pipeline() as p:
            p.hset(self.prefix + sleutel, veld, json.dumps(waarde)).expire(
                self.prefix + sleutel, ttl
            )
            p.execute()

    def haal(self, sleutel: str, veld: str) -> dict | None:
        waarde = self.redis.hget(self.prefix + sleutel, veld)
        return json.loads(waarde) if waarde else None

    def weg(self, sleutel: str, veld: str) -> None:
        self.redis.hdel(self.prefix + sleutel, veld)

    def alle(self, sleutel: str) -> list[dict]:
        return [json.loads(w) for w in self.redis.hgetall(self.prefix + sleutel).values()]


class LokaleBus:
    """The same in this process's memory, for a machine without Redis: writes and streams
    then run in one process (``make run``: one uvicorn process)."""

    def __init__(self):
        self.slot = threading.Lock()
        self.wachtrijen: dict[str, set[tuple]] = defaultdict(set)
        self.standen: dict[str, int] = defaultdict(int)
        self.velden: dict[str, dict[str, tuple[float, dict]]] = defaultdict(dict)

    def publiceer(self, kanaal: str, bericht: dict) -> None:
        with self.slot:
            ontvangers = list(self.wachtrijen.get(kanaal, ()))
        for loop, wachtrij in ontvangers:
            loop.call_soon_threadsafe(_lever, wachtrij, bericht)

    @asynccontextmanager
    async def abonnement(self, kanalen: list[str]) -> AsyncIterator[asyncio.Queue]:
        ontvanger = (asyncio.get_running_loop(), asyncio.Queue(WACHTRIJ))
        with self.slot:
            for kanaal in kanalen:
                self.wachtrijen[kanaal].add(ontvanger)
        try:
            yield ontvanger[1]
        finally:
            with self.slot:
                for kanaal in kanalen:
                    self.wachtrijen[kanaal].discard(ontvanger)

    def ophogen(self, sleutel: str) -> int:
        with self.slot:
            self.standen[sleutel] += 1
            return self.standen[sleutel]

    def stand(self, sleutel: str) -> int:
        return self.standen.get(sleutel, 0)

    def zet(self, sleutel: str, veld: str, waarde: dict, *, ttl: int) -> None:
        with self.slot:
            self.velden[sleutel][veld] = (time.time() + ttl, waarde)

    def haal(self, sleutel: str, veld: str) -> dict | None:
        verloopt, waarde = self.velden.get(sleutel, {}).get(veld, (0, None))
        return waarde if verloopt > time.time() else None

    def weg(self, sleutel: str, veld: str) -> None:
        with self.slot:
            self.velden.get(sleutel, {}).pop(veld, None)

    def alle(self, sleutel: str) -> list[dict]:
        nu = time.time()
        return [w for verloopt, w in list(self.velden.get(sleutel, {}).values()) if verloopt > nu]


@cache
def bus() -> RedisBus | LokaleBus:
    return RedisBus(settings.REDIS_URL) if settings.REDIS_URL else LokaleBus()


def gebeurtenis(soort: str, data: dict, *, nummer: int | None = None) -> str:
    """One server-sent event (one line of JSON: JSON never holds a raw line break)."""
    kop = f"id: {nummer}\n" if nummer is not None else ""
    return f"{kop}event: {soort}\ndata: {json.dumps(data)}\n\n"


async def sse(send, receive, gebeurtenissen: AsyncIterator[str]) -> None:
    """Send ``gebeurtenissen`` as an event stream until they end or the browser leaves;
    leaving cancels the generator, so its clean-up (unsubscribe, presence) runs at once."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"text/event-stream; charset=utf-8"),
                (b"cache-control", b"no-store"),
                (b"x-accel-buffering", b"no"),  # nginx: pass every event on at once
                (b"x-content-type-options", b"nosniff"),
            ],
        }
    )

    async def stuur():
        async for stuk in gebeurtenissen:
            await send({"type": "http.response.body", "body": stuk.encode(), "more_body": True})

    async def tot_weg():
        while (await receive())["type"] != "http.disconnect":
            pass

    taken = {asyncio.create_task(stuur()), asyncio.create_task(tot_weg())}
    klaar, open_ = await asyncio.wait(taken, return_when=asyncio.FIRST_COMPLETED)
    for taak in open_:
        taak.cancel()
    await asyncio.gather(*open_, return_exceptions=True)
    for taak in klaar:
        if (fout := taak.exception()) is not None:
            logger.error("live: stroom afgebroken", exc_info=fout)
    await send({"type": "http.response.body", "body": b"", "more_body": False})


async def weiger(send, status: int, tekst: str) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"text/plain; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": tekst.encode()})
