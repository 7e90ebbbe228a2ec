"""The canvas's live stream, driven as uvicorn drives config/asgi.py, on the real Redis: who
may open it, what reaches it (and what not), presence, a member who leaves, a resume.
tests/e2e/test_canvas_live.py is the same through browsers and two web processes."""

import asyncio
import json
import re
import threading

import pytest
from django.conf import settings
from django.db import connections
from django.urls import reverse

from canvas import live
from canvas.models import Blok, CanvasItem, Reactie
from config.asgi import application
from core.live import LokaleBus
from opgaven.models import Teamlidmaatschap
from opgaven.services import teamlid_verwijderen
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for

pytestmark = pytest.mark.django_db(transaction=True)
HTMX = {"HX-Request": "true"}


def _adres(client, opgave) -> str:
    """The stream's address as the canvas page gives it out."""
    pagina = client.get(reverse("canvas:canvas-detail", args=[opgave.pk]))
    return re.search(r'data-live-url="([^"]+)"', pagina.text)[1].replace("&amp;", "&")


class Stroom:
    """One GET of the stream: the answer's start, then its events as they come."""

    def __init__(self, client, adres: str, laatst_gezien: str | None = None):
        pad, _, query = adres.partition("?")
        koppen = [(b"cookie", f"{settings.SESSION_COOKIE_NAME}={_sessie(client)}".encode())]
        if laatst_gezien is not None:
            koppen.append((b"last-event-id", laatst_gezien.encode()))
        self.scope = {
            "type": "http",
            "method": "GET",
            "path": pad,
            "query_string": query.encode(),
            "headers": koppen,
        }
        self.uit: asyncio.Queue = asyncio.Queue()
        self.weg = asyncio.Event()
        self.buffer = ""

    async def __aenter__(self):
        async def receive():
            await self.weg.wait()
            return {"type": "http.disconnect"}

        self.taak = asyncio.create_task(application(self.scope, receive, self.uit.put))
        start = await asyncio.wait_for(self.uit.get(), 5)
        self.status = start["status"]
        return self

    async def __aexit__(self, *exc):
        self.weg.set()
        await asyncio.wait_for(self.taak, 5)

    async def volgende(self, seconden: float = 3) -> dict:
        """The next event (comments and bare ids included, as "" events)."""
        while "\n\n" not in self.buffer:
            bericht = await asyncio.wait_for(self.uit.get(), seconden)
            self.buffer += bericht.get("body", b"").decode()
            if not bericht.get("more_body", False) and "\n\n" not in self.buffer:
                return {"einde_stroom": True}
        blok, self.buffer = self.buffer.split("\n\n", 1)
        velden = dict(regel.split(": ", 1) for regel in blok.splitlines() if ": " in regel)
        return {
            "event": velden.get("event", ""),
            "id": velden.get("id"),
            "data": json.loads(velden["data"]) if "data" in velden else None,
        }

    async def wacht_op(self, soort: str, seconden: float = 3) -> dict:
        while (gebeurtenis := await self.volgende(seconden))["event"] != soort:
            assert not gebeurtenis.get("einde_stroom"), f"stroom eindigde voor {soort}"
        return gebeurtenis

    async def aanwezig(self, verwacht: list[dict]) -> None:
        """Presence events come on every arrival (this stream's own too): until it shows
        ``verwacht``."""
        while (await self.wacht_op("aanwezig"))["data"]["mensen"] != verwacht:
            pass


def _draai(coroutine):
    """asyncio.run in a thread of its own: a browser test before this one in the same process
    leaves Playwright's event loop running in the main thread."""
    uitkomst: dict = {}

    def draai():
        try:
            uitkomst["waarde"] = asyncio.run(coroutine)
        except BaseException as fout:
            uitkomst["fout"] = fout

    draad = threading.Thread(target=draai)
    draad.start()
    draad.join(60)
    if "fout" in uitkomst:
        raise uitkomst["fout"]
    return uitkomst["waarde"]


def _sessie(client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _in_thread(functie, *args, **kwargs):
    """Django's synchronous ORM and test client from inside the event loop."""

    def en_dicht():
        try:
            return functie(*args, **kwargs)
        finally:
            connections.close_all()

    return asyncio.to_thread(en_dicht)


def test_a_change_reaches_every_open_copy_but_not_its_own_maker(users, opgave):
    lezer, schrijver = client_for(users["regisseur"]), client_for(users["teamlid"])

    async def samen():
        async with (
            Stroom(lezer, _adres(lezer, opgave)) as a,
            Stroom(schrijver, _adres(schrijver, opgave)) as b,
        ):
            assert a.status == b.status == 200
            hallo_b = await b.wacht_op("hallo")
            url = reverse("canvas:canvasitem-create", args=[opgave.pk, Blok.DOELGROEPEN])
            # B adds, naming its own stream: A hears of it, B only counts on.
            await _in_thread(
                schrijver.post,
                url,
                {f"{Blok.DOELGROEPEN}-tekst": "Jongeren"},
                headers=HTMX | {"X-Live-Verbinding": hallo_b["data"]["verbinding"]},
            )
            gebeurtenis = await a.wacht_op("blok")
            assert gebeurtenis["data"] == {"blokken": [Blok.DOELGROEPEN]}
            eigen = await b.volgende()
            while eigen["event"] == "aanwezig":
                eigen = await b.volgende()
            assert eigen == {"event": "", "id": gebeurtenis["id"], "data": None}

    _draai(samen())


def test_every_write_tells_the_blocks_it_changed(users, opgave):
    """Whatever path a write takes (save, update, bulk update, undo from history)."""
    client = client_for(users["teamlid"])
    item = CanvasItemFactory(opgave=opgave, blok=Blok.ROLLEN, tekst="Regisseur")
    CanvasItemFactory(opgave=opgave, blok=Blok.ROLLEN, tekst="Partner")

    def schrijf(naam, *args, data=None):
        return client.post(reverse(f"canvas:{naam}", args=args), data or {}, headers=HTMX)

    stappen = [
        (
            lambda: schrijf(
                "canvasitem-update",
                item.pk,
                data={
                    f"item-{item.pk}-tekst": "Regisseur en makelaar",
                    f"item-{item.pk}-versie": 1,
                },
            ),
            [Blok.ROLLEN],
        ),
        (
            lambda: schrijf("canvasitem-verplaatsen", item.pk, data={"richting": "omlaag"}),
            [Blok.ROLLEN],
        ),
        (
            lambda: schrijf(
                "canvasitem-eigenschappen",
                item.pk,
                data={"eigenschappen-status": "akkoord", "eigenschappen-eigenaar": ""},
            ),
            [Blok.ROLLEN],
        ),
        (lambda: schrijf("reactie-create", item.pk, data={"reactie-tekst": "Eens"}), [Blok.ROLLEN]),
        (
            lambda: schrijf("canvasitem-naar-blok", item.pk, data={"blok": Blok.COMMUNICATIE}),
            [Blok.COMMUNICATIE, Blok.ROLLEN],
        ),
        (lambda: schrijf("canvasitem-delete", item.pk), [Blok.COMMUNICATIE]),
        (lambda: schrijf("canvasitem-terugzetten", opgave.pk, item.pk), [Blok.COMMUNICATIE]),
    ]

    async def alles():
        async with live.live.bus().abonnement([live.kanaal(opgave.pk)]) as wachtrij:
            for stap, verwacht in stappen:
                antwoord = await _in_thread(stap)
                assert antwoord.status_code == 200, antwoord.content[:300]
                gezien = set()
                while gezien != set(verwacht):
                    bericht = await asyncio.wait_for(wachtrij.get(), 3)
                    gezien |= set(bericht["blokken"])
                    assert gezien <= set(verwacht), (gezien, verwacht)
                assert wachtrij.empty() or (await wachtrij.get())["blokken"][0] in verwacht

    _draai(alles())
    assert Reactie.objects.filter(item=item).exists()
    assert CanvasItem.objects.get(pk=item.pk).blok == Blok.COMMUNICATIE


def test_a_member_taken_off_the_team_stops_hearing_at_once(users, opgave):
    partner = users["partner"]
    client = client_for(partner)
    lid = Teamlidmaatschap.objects.get(opgave=opgave, user=partner)

    async def weg():
        async with Stroom(client, _adres(client, opgave)) as stroom:
            await stroom.wacht_op("hallo")
            await _in_thread(teamlid_verwijderen, lid=lid, door=users["regisseur"])
            await stroom.wacht_op("einde", seconden=2)
            assert (await stroom.volgende())["einde_stroom"]

    _draai(weg())


def test_who_is_here_and_which_block_they_edit(users, opgave):
    a, b = client_for(users["regisseur"]), client_for(users["teamlid"])

    async def samen():
        async with Stroom(a, _adres(a, opgave)) as sa:
            await sa.wacht_op("hallo")
            async with Stroom(b, _adres(b, opgave)) as sb:
                verbinding = (await sb.wacht_op("hallo"))["data"]["verbinding"]
                await sa.aanwezig([{"naam": str(users["teamlid"]), "blok": ""}])
                url = reverse("canvas:live-bewerkt", args=[opgave.pk])
                antwoord = await _in_thread(
                    b.post, url, {"verbinding": verbinding, "blok": Blok.ROLLEN}
                )
                assert antwoord.status_code == 204
                await sa.aanwezig([{"naam": str(users["teamlid"]), "blok": Blok.ROLLEN}])
                # Someone else's stream cannot be named, nor a block that does not exist.
                vreemd = await _in_thread(a.post, url, {"verbinding": verbinding, "blok": ""})
                assert vreemd.status_code == 404
                fout = await _in_thread(b.post, url, {"verbinding": verbinding, "blok": "x"})
                assert fout.status_code == 400
            # B left: A sees nobody.
            await sa.aanwezig([])

    _draai(samen())


def test_the_stream_refuses_a_ticket_without_its_session(users, opgave, andere_opgave):
    teamlid, medewerker = client_for(users["teamlid"]), client_for(users["medewerker"])
    adres = _adres(teamlid, opgave)
    ander_canvas = adres.replace(f"/canvas/{opgave.pk}/", f"/canvas/{andere_opgave.pk}/")

    async def pogingen():
        # Another person's session with this ticket; the ticket on another canvas; no ticket.
        for client, url in (
            (medewerker, adres),
            (teamlid, ander_canvas),
            (teamlid, adres.split("?")[0]),
            (teamlid, adres + "x"),
        ):
            async with Stroom(client, url) as stroom:
                assert stroom.status == 403, url
        # Signed out: the session is gone and the ticket with it.
        await _in_thread(teamlid.post, reverse("accounts:logout"))
        async with Stroom(teamlid, adres) as stroom:
            assert stroom.status == 403

    _draai(pogingen())


def test_a_stream_that_missed_changes_reads_the_canvas_anew(users, opgave):
    client = client_for(users["teamlid"])

    async def terug():
        adres = _adres(client, opgave)
        async with Stroom(client, adres) as stroom:
            stand = (await stroom.wacht_op("hallo"))["id"]
        await _in_thread(CanvasItemFactory, opgave=opgave, blok=Blok.ROLLEN)
        async with Stroom(client, adres, laatst_gezien=stand) as stroom:
            await stroom.wacht_op("hallo")
            assert (await stroom.volgende())["event"] == "vernieuwen"
        async with Stroom(client, adres, laatst_gezien=str(int(stand) + 1)) as stroom:
            await stroom.wacht_op("hallo")
            assert (await stroom.volgende())["event"] != "vernieuwen"

    _draai(terug())


def test_without_redis_the_fan_out_stays_in_the_process():
    """``make run`` without Redis: a write in a request's thread reaches the stream's loop."""
    bus = LokaleBus()

    async def luister():
        async with bus.abonnement(["canvas:1"]) as wachtrij:
            threading.Thread(target=bus.publiceer, args=("canvas:1", {"soort": "blok"})).start()
            return await asyncio.wait_for(wachtrij.get(), 2)

    assert _draai(luister()) == {"soort": "blok"}
    bus.zet("canvas:1:aanwezig", "v1", {"gebruiker": 1}, ttl=60)
    assert bus.alle("canvas:1:aanwezig") == [{"gebruiker": 1}]
    bus.weg("canvas:1:aanwezig", "v1")
    assert bus.alle("canvas:1:aanwezig") == []
