"""The canvas as a live board: every open copy of a canvas hears of a change within a second
and who else has it open, and which block they are editing.

A write names the blocks it changed (``blokken_gewijzigd``, after its commit); each open
canvas page holds an event stream (``stroom``, served by the ASGI process of config/asgi.py)
and fetches those blocks again, unless the person is busy in one (then it waits until they
are done). The stream checks the person's right to read the canvas when it opens, whenever
their rights change (a team left, an account switched off) and every minute (the session's
end); it is addressed with a signed ticket the canvas page gives out, bound to the session.
"""

import asyncio
import secrets
import time
import weakref
from dataclasses import dataclass
from importlib import import_module
from urllib.parse import parse_qs

from django.conf import settings
from django.contrib import auth
from django.core import signing
from django.db import close_old_connections
from django.http import HttpRequest
from django.http.cookie import parse_cookie
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from core import live
from core.middleware import sessie_verlopen
from opgaven.models import Opgave

ZOUT = "canvas.live"
HARTSLAG = 15  # seconds between signs of life (also through proxies that cut idle streams)
HERCONTROLE = 60  # seconds between checks of the session and the right to read
AANWEZIG_GELDIG = 45  # a presence not renewed this long belongs to a stream that died
BUNDEL = 0.3  # seconds presence changes are gathered before one event says them all


def kanaal(opgave_pk: int) -> str:
    return f"canvas:{opgave_pk}"


def _stand(opgave_pk: int) -> str:
    return f"canvas:{opgave_pk}:stand"


def _aanwezig(opgave_pk: int) -> str:
    return f"canvas:{opgave_pk}:aanwezig"


def blokken_gewijzigd(opgave_pk: int, *blokken: str) -> None:
    """After the commit: every open copy of the canvas fetches these blocks again. The
    canvas's count of changes goes up with it, so a stream that comes back after a break
    knows whether it missed one."""
    live.na_commit(
        kanaal(opgave_pk),
        {"soort": "blok", "blokken": sorted(set(blokken))},
        teller=_stand(opgave_pk),
    )


def stroom_url(request, opgave: Opgave) -> str:
    """The canvas's event stream for this person and this session: a signed ticket, so the
    stream needs no page of Django's middleware to know who asks (it checks again itself)."""
    bewijs = toegangsbewijs(request.user.pk, opgave.pk, request.session.session_key or "")
    return f"{reverse('canvas:live', args=[opgave.pk])}?t={bewijs}"


def toegangsbewijs(user_pk: int, opgave_pk: int, sessiesleutel: str) -> str:
    return signing.dumps([user_pk, opgave_pk, _sessiekenmerk(sessiesleutel)], salt=ZOUT)


def _sessiekenmerk(sessiesleutel: str) -> str:
    # The ticket shows in access logs; the session key it is bound to must not.
    return salted_hmac(ZOUT, sessiesleutel, algorithm="sha256").hexdigest()[:32]


@dataclass
class Toegang:
    user_id: int
    naam: str
    opgave: int
    sessie: str


def toegang(opgave_pk: int, bewijs: str, sessiesleutel: str) -> Toegang | None:
    """Who holds this ticket with this session cookie, if they may still read the canvas."""
    try:
        user_id, pk, kenmerk = signing.loads(
            bewijs, salt=ZOUT, max_age=settings.SESSION_MAX_SECONDS
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if pk != opgave_pk or not constant_time_compare(kenmerk, _sessiekenmerk(sessiesleutel)):
        return None
    return nog_toegang(Toegang(user_id, "", opgave_pk, sessiesleutel))


def nog_toegang(wie: Toegang) -> Toegang | None:
    """The same person, still signed in with this session (not past its end, not signed out,
    the account still active), who may still read this opgave; else None."""
    # In a thread of the stream process's pool, outside any request: a connection past
    # CONN_MAX_AGE (or broken) is closed before and after, as a request would.
    close_old_connections()
    try:
        return _nog_toegang(wie)
    finally:
        close_old_connections()


def _nog_toegang(wie: Toegang) -> Toegang | None:
    verzoek = HttpRequest()
    verzoek.session = import_module(settings.SESSION_ENGINE).SessionStore(wie.sessie)
    user = auth.get_user(verzoek)  # checks the session's password hash and is_active
    if user.pk != wie.user_id or sessie_verlopen(verzoek.session, time.time()):
        return None
    if not Opgave.objects.visible_to(user).filter(pk=wie.opgave).exists():
        return None
    wie.naam = str(user)
    return wie


# --- Who is here --------------------------------------------------------------------------


def aanmelden(wie: Toegang, verbinding: str) -> None:
    _zet(wie.opgave, verbinding, {"gebruiker": wie.user_id, "naam": wie.naam, "blok": ""})


def _zet(opgave_pk: int, verbinding: str, aanwezig: dict) -> None:
    """A stream's presence, stamped now (what is not renewed expires)."""
    waarde = aanwezig | {"t": time.time()}
    live.bus().zet(_aanwezig(opgave_pk), verbinding, waarde, ttl=AANWEZIG_GELDIG * 2)


def afmelden(opgave_pk: int, verbinding: str) -> None:
    live.bus().weg(_aanwezig(opgave_pk), verbinding)
    live.bus().publiceer(kanaal(opgave_pk), {"soort": "aanwezig"})


def bewerkt(opgave_pk: int, verbinding: str, user, blok: str) -> bool:
    """``user`` now edits ``blok`` ("" for none) through their stream ``verbinding``; False
    when that stream is not theirs (or gone)."""
    nu = live.bus().haal(_aanwezig(opgave_pk), verbinding)
    if nu is None or nu["gebruiker"] != user.pk:
        return False
    if nu["blok"] != blok:
        _zet(opgave_pk, verbinding, nu | {"blok": blok})
        live.bus().publiceer(kanaal(opgave_pk), {"soort": "aanwezig"})
    return True


def aanwezigen(opgave_pk: int) -> list[dict]:
    """Who has the canvas open (one line per person, by name), with the block any of their
    streams is editing."""
    grens = time.time() - AANWEZIG_GELDIG
    mensen: dict[int, dict] = {}
    for a in live.bus().alle(_aanwezig(opgave_pk)):
        if a["t"] >= grens:
            persoon = mensen.setdefault(a["gebruiker"], {"naam": a["naam"], "blok": ""})
            persoon["blok"] = persoon["blok"] or a["blok"]
    return sorted(({"gebruiker": g} | p for g, p in mensen.items()), key=lambda p: p["naam"])


# One read of who is here per canvas and stream process serves every stream of that canvas
# that asks after it began (500 people arriving are 500 presence events for each of the
# 500 streams: read one by one, that was 250,000 entries and events queued for seconds).
_gelezen: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def _aanwezigen_sinds(opgave_pk: int, sinds: float) -> list[dict]:
    per_canvas = _gelezen.setdefault(asyncio.get_running_loop(), {})
    begonnen, lezing = per_canvas.get(opgave_pk, (0.0, None))
    if lezing is None or begonnen < sinds:
        lezing = asyncio.ensure_future(asyncio.to_thread(aanwezigen, opgave_pk))
        per_canvas[opgave_pk] = (time.monotonic(), lezing)
    return await lezing


# --- The stream ---------------------------------------------------------------------------


async def stroom(scope, receive, send, opgave_pk: int) -> None:
    """GET /live/canvas/<pk>/?t=<ticket>: the canvas's events for this person (ASGI)."""
    koppen = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    bewijs = parse_qs(scope["query_string"].decode("latin-1")).get("t", [""])[0]
    sessie = parse_cookie(koppen.get("cookie", "")).get(settings.SESSION_COOKIE_NAME, "")
    wie = await asyncio.to_thread(toegang, opgave_pk, bewijs, sessie)
    if wie is None:
        await live.weiger(send, 403, "Geen toegang tot dit canvas. Laad de pagina opnieuw.")
        return
    await live.sse(send, receive, _gebeurtenissen(wie, koppen.get("last-event-id")))


async def _gebeurtenissen(wie: Toegang, laatst_gezien: str | None):
    bus, verbinding = live.bus(), secrets.token_hex(8)
    yield "retry: 2000\n\n"  # after a break, the browser asks again within two seconds
    async with bus.abonnement([kanaal(wie.opgave), live.RECHTEN]) as wachtrij:
        await asyncio.to_thread(aanmelden, wie, verbinding)
        try:
            await asyncio.to_thread(bus.publiceer, kanaal(wie.opgave), {"soort": "aanwezig"})
            stand = await asyncio.to_thread(bus.stand, _stand(wie.opgave))
            yield live.gebeurtenis("hallo", {"verbinding": verbinding}, nummer=stand)
            if laatst_gezien is not None and laatst_gezien != str(stand):
                yield live.gebeurtenis("vernieuwen", {}, nummer=stand)  # missed changes
            async for stuk in _volgen(wie, verbinding, wachtrij):
                yield stuk
        finally:
            await asyncio.to_thread(afmelden, wie.opgave, verbinding)


async def _volgen(wie: Toegang, verbinding: str, wachtrij: asyncio.Queue):
    """The events for one stream until its person may no longer read the canvas. Presence
    changes are gathered for BUNDEL seconds and sent as one."""
    nu = time.monotonic()
    hartslag, controle, aanwezig_sinds = nu + HARTSLAG, nu + HERCONTROLE, None
    while True:
        termijnen = [hartslag] + ([aanwezig_sinds + BUNDEL] if aanwezig_sinds else [])
        try:
            bericht = await asyncio.wait_for(wachtrij.get(), min(termijnen) - time.monotonic())
        except TimeoutError:
            bericht = {"soort": ""}
        soort, nu = bericht["soort"], time.monotonic()
        if soort == "blok":
            yield _blok(bericht, verbinding)
        elif soort == "vernieuwen":
            yield live.gebeurtenis("vernieuwen", {})
        elif soort == "aanwezig":
            aanwezig_sinds = aanwezig_sinds or nu
        if (soort == "rechten" and bericht["gebruiker"] == wie.user_id) or nu > controle:
            controle = nu + HERCONTROLE
            if await asyncio.to_thread(nog_toegang, wie) is None:
                yield live.gebeurtenis("einde", {})
                return
        if aanwezig_sinds and nu >= aanwezig_sinds + BUNDEL:
            mensen = await _aanwezigen_sinds(wie.opgave, aanwezig_sinds)
            aanwezig_sinds = None
            anderen = [
                {"naam": m["naam"], "blok": m["blok"]}
                for m in mensen
                if m["gebruiker"] != wie.user_id
            ]
            yield live.gebeurtenis("aanwezig", {"mensen": anderen})
        if nu >= hartslag:
            hartslag = nu + HARTSLAG
            await asyncio.to_thread(_vernieuw, wie, verbinding)
            yield ": \n\n"


def _blok(bericht: dict, verbinding: str) -> str:
    if bericht.get("bron") == verbinding:
        # The browser made this change and shows it already: only the count moves on.
        return f"id: {bericht['stand']}\n\n"
    return live.gebeurtenis("blok", {"blokken": bericht["blokken"]}, nummer=bericht["stand"])


def _vernieuw(wie: Toegang, verbinding: str) -> None:
    """Still here: the presence renewed, keeping the block being edited."""
    nu = live.bus().haal(_aanwezig(wie.opgave), verbinding)
    if nu is None:  # gone meanwhile (Redis restarted): here again
        aanmelden(wie, verbinding)
    else:
        _zet(wie.opgave, verbinding, nu)
