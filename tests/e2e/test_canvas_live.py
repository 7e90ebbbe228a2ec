"""The canvas as a live board, as three people around it see it: each on a web process of
their own choosing of two, so every change crosses from one process to the other through
Redis; who is here; a member taken off the team mid-session; a web process restarted."""

import re
import time

import pytest
from playwright.sync_api import expect

from accounts.models import User
from canvas.models import Blok, CanvasItem
from opgaven.models import Opgave, Teamlidmaatschap
from opgaven.services import teamlid_verwijderen
from tests.conftest import assert_accessible, bewaak_console
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login
from tests.werker import start_web, stop_worker, vrije_poort

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BINNEN = 2000  # ms: a change shows on every open copy within two seconds


@pytest.fixture
def twee_processen(tmp_path):
    poorten = [vrije_poort(), vrije_poort()]
    processen = [start_web(p, tmp_path / f"web{p}.log") for p in poorten]
    yield poorten, processen, tmp_path
    for proces in processen:
        stop_worker(proces)


def _open(browser, browser_context_args, poort: int, wie: str, opgave: Opgave):
    context = browser.new_context(**browser_context_args)
    fouten = bewaak_console(context)
    pagina = context.new_page()
    base = f"http://127.0.0.1:{poort}"
    login(pagina, base, wie)
    pagina.goto(f"{base}/opgaven/{opgave.pk}/canvas/?bewerken=alle")
    pagina.wait_for_load_state("load")
    return pagina, fouten


def test_three_people_see_each_others_changes_across_two_web_processes(
    browser, browser_context_args, twee_processen
):
    demodata()
    (p1, p2), processen, logmap = twee_processen
    regisseur, teamlid, partner = (
        User.objects.get(username=n) for n in ("regisseur", "teamlid", "partner")
    )
    opgave = Opgave.objects.filter(teamleden=teamlid, opgaveregisseur=regisseur).first()
    assert opgave is not None
    if not opgave.teamleden.filter(pk=partner.pk).exists():
        opgave.teamleden.add(partner)
    a, fouten_a = _open(browser, browser_context_args, p1, "regisseur", opgave)
    b, fouten_b = _open(browser, browser_context_args, p2, "teamlid", opgave)
    c, fouten_c = _open(browser, browser_context_args, p2, "partner", opgave)

    # Who is here, and which block they edit: B starts a new item in Doelgroepen and keeps
    # typing there while A works elsewhere.
    expect(a.get_by_test_id("aanwezig")).to_contain_text(str(teamlid), timeout=BINNEN)
    expect(a.get_by_test_id("aanwezig")).to_contain_text(str(partner))
    half = "Jongeren in de kernen, en hun ouders"
    b_veld = b.locator("#blok-doelgroepen").get_by_role("textbox")
    b_veld.fill(half)
    expect(a.get_by_test_id("aanwezig")).to_contain_text(
        f"{teamlid} (bewerkt Doelgroepen)", timeout=BINNEN
    )
    wie = a.locator("#blok-doelgroepen [data-live-wie]")
    expect(wie).to_have_text(f"{teamlid} bewerkt dit blok")
    assert wie.bounding_box()["height"] < 40, wie.bounding_box()  # a line, not a letter a line

    # A projector shows the canvas in workshop mode (from A's session, on A's process).
    projector = a.context.new_page()
    projector.goto(f"http://127.0.0.1:{p1}/opgaven/{opgave.pk}/canvas/workshop/")
    projector.wait_for_load_state("load")

    # An add by A appears at B and C without a reload.
    a_blok = a.locator("#blok-beleidsdoelen")
    a_blok.get_by_role("textbox").fill("Elke kern een eigen dorpsraad in 2027.")
    a_blok.get_by_role("button", name="Toevoegen").click()
    for ander in (b, c):
        expect(ander.locator("#blok-beleidsdoelen")).to_contain_text(
            "Elke kern een eigen dorpsraad", timeout=BINNEN
        )
    # Within a second: the board asks every five seconds only where no stream is served.
    expect(projector.locator("#workshop-bord")).to_contain_text("eigen dorpsraad", timeout=1000)
    projector.close()

    # An edit of an item's text.
    item = CanvasItem.objects.filter(opgave=opgave, blok=Blok.ROLLEN).first()
    a_item = a.locator(f"#item-{item.pk}")
    a_item.get_by_role("link", name="Bewerken").click()
    a_item.get_by_label("Tekst").fill("Gemeente als regisseur, elk kwartaal herzien.")
    a_item.get_by_role("button", name="Opslaan").click()
    expect(a_item).to_contain_text("versie 2")
    for ander in (b, c):
        expect(ander.locator(f"#item-{item.pk}")).to_contain_text("elk kwartaal", timeout=BINNEN)

    # A move to another block: gone from the one, in the other.
    a_item = a.locator(f"#item-{item.pk}")
    a_item.locator("summary").click()
    a_item.get_by_label("Verplaats naar").select_option(Blok.COMMUNICATIE)
    a_item.get_by_role("button", name="Verplaatsen").click()
    expect(a.locator(f"#blok-communicatie #item-{item.pk}")).to_be_visible()
    for ander in (b, c):
        expect(ander.locator(f"#blok-communicatie #item-{item.pk}")).to_be_visible(timeout=BINNEN)
        expect(ander.locator(f"#blok-rollen #item-{item.pk}")).to_have_count(0)

    # A delete.
    nieuw = CanvasItem.objects.get(opgave=opgave, tekst__startswith="Elke kern een eigen")
    a.once("dialog", lambda dialoog: dialoog.accept())
    a.locator(f"#item-{nieuw.pk}").get_by_role("button", name=re.compile("^Verwijderen")).click()
    for ander in (b, c):
        expect(ander.locator(f"#item-{nieuw.pk}")).to_have_count(0, timeout=BINNEN)

    # All the while B typed on: their text and their focus are where they were.
    expect(b_veld).to_have_value(half)
    expect(b_veld).to_be_focused()
    b_veld.press_sequentially(" (ook 's avonds)")
    b.locator("#blok-doelgroepen").get_by_role("button", name="Toevoegen").click()
    expect(a.locator("#blok-doelgroepen")).to_contain_text("(ook 's avonds)", timeout=BINNEN)
    assert_accessible(a)

    # The partner is taken off the team: their canvas stops at once, and hears nothing more.
    lid = Teamlidmaatschap.objects.get(opgave=opgave, user=partner)
    teamlid_verwijderen(lid=lid, door=regisseur)
    expect(c.get_by_text("Dit canvas wordt niet meer bijgewerkt")).to_be_visible(timeout=BINNEN)
    expect(a.get_by_test_id("aanwezig")).not_to_contain_text(str(partner), timeout=BINNEN)
    a_blok.get_by_role("textbox").fill("Na het vertrek van de partner.")
    a_blok.get_by_role("button", name="Toevoegen").click()
    expect(b.locator("#blok-beleidsdoelen")).to_contain_text("Na het vertrek", timeout=BINNEN)
    time.sleep(1)
    expect(c.locator("#blok-beleidsdoelen")).not_to_contain_text("Na het vertrek")

    # B's web process restarts; meanwhile A adds an item. B's page connects again by itself
    # and, having missed a change, reads the canvas anew.
    stop_worker(processen[1])
    a_blok.get_by_role("textbox").fill("Terwijl de server van B herstartte.")
    a_blok.get_by_role("button", name="Toevoegen").click()
    processen[1] = start_web(p2, logmap / "web-herstart.log")
    expect(b.locator("#blok-beleidsdoelen")).to_contain_text("Terwijl de server", timeout=8000)
    # The browser reports the broken stream while the server was away; nothing else.
    assert all("EventSource" in f or "net::ERR" in f for f in fouten_b), fouten_b
    assert fouten_a == fouten_c == [], (fouten_a, fouten_c)
