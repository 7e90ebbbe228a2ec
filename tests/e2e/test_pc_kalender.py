"""A regisseur writes the contribution of an opgave to a P&C moment, from the prefilled draft,
and gives the ambtelijk akkoord; the wethouder whose portefeuille holds it gives the
bestuurlijk akkoord, which locks it. The regisseur has the report for the moment made, the
wethouder vaststelt it, and a raadslid downloads it: its cover names who and when."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from rapportages.models import Bijdrage
from tests.conftest import assert_accessible
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_regisseur_writes_a_contribution_and_the_bestuurder_approves_it(
    page, live_server, celery_worker_thread, tmp_path
):
    demodata()
    base = live_server.url
    login(page, base, "regisseur")
    page.get_by_role("link", name="Rapportages", exact=True).click()
    page.get_by_role("link", name="P&C-kalender: momenten en bijdragen per opgave").click()
    expect(page.get_by_role("heading", name="2027", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Jaarrekening 2026").click()
    rij = page.get_by_role("row", name="Vitale kernen")
    expect(rij.get_by_test_id("status")).to_have_text("Nog niet geschreven")
    assert_accessible(page)

    rij.get_by_role("link", name="Vitale kernen").click()
    expect(page.get_by_text("Dit is een voorstel uit het canvas")).to_be_visible()
    bereiken = page.get_by_label("Wat willen we bereiken?")
    expect(bereiken).to_contain_text("Kernen met een ontmoetingsplek")
    expect(page.get_by_label("Wat mag het kosten?")).to_contain_text("Begroot 2026")
    assert_accessible(page)
    page.get_by_role("button", name="Bijdrage opslaan").click()
    # Saved, she stays on the bijdrage at its akkoord, below the text she approves.
    expect(page).to_have_url(re.compile(r"/opgaven/\d+/#akkoord$"))
    expect(page.locator("main")).to_contain_text("Status: Concept (versie 1)")
    page.get_by_role("button", name="Ambtelijk akkoord geven").click()
    expect(page.locator("#akkoord")).to_contain_text("gegeven door Ilse de Regt")
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    login(page, base, "bestuurder")
    bijdrage = Bijdrage.objects.get(
        opgave__titel="Vitale kernen", moment__soort="jaarrekening", moment__jaar=2026
    )
    assert "Kernen met een ontmoetingsplek" in bijdrage.bereiken
    # It waits for her on her start page.
    wacht = page.locator("#werklijst li", has_text="jaarrekening 2026")
    expect(wacht).to_contain_text("Bestuurlijk akkoord")
    expect(wacht).to_contain_text("Vitale kernen")
    wacht.get_by_role("link").click()
    expect(page.get_by_label("Wat willen we bereiken?")).to_have_count(0)  # she reads, not writes
    page.get_by_role("button", name="Bestuurlijk akkoord geven").click()
    akkoord = page.locator("#akkoord")
    expect(akkoord).to_contain_text("gegeven door Anouk Hermans")
    expect(page.locator("main")).to_contain_text("verandert niet meer")
    expect(akkoord.get_by_label("Waarom heropenen?")).to_be_visible()
    assert_accessible(page)
    bijdrage.refresh_from_db()
    assert bijdrage.status == "bestuurlijk_akkoord"
    page.get_by_role("button", name="Uitloggen").click()

    # The report for the moment: made by the regisseur, a concept until the college vaststelt.
    login(page, base, "regisseur")
    page.goto(f"{base}/rapportages/kalender/{bijdrage.moment_id}/")
    page.get_by_role("button", name="Programmarapportage voor dit moment maken").click()
    expect(page.get_by_text("De rapportage is klaar.")).to_be_visible(timeout=90_000)
    expect(page.locator("main")).to_contain_text("Dit is een concept")
    vaststellen = page.get_by_role("button", name="Vaststellen en publiceren voor de raad")
    expect(vaststellen).to_have_count(0)
    rapport_url = page.url
    page.get_by_role("button", name="Uitloggen").click()

    login(page, base, "bestuurder")
    page.goto(rapport_url)
    assert_accessible(page)
    # Vaststellen is a decision: first what she is about to fix, then a second button.
    page.get_by_role("link", name="Vaststellen en publiceren voor de raad…").click()
    ontbrekend = page.get_by_test_id("ontbrekend")
    expect(page.get_by_test_id("bijdragen")).to_contain_text("Van 13 van de 14 opgaven ontbreekt")
    expect(ontbrekend).to_contain_text("Eenzaamheid onder ouderen")
    expect(ontbrekend).not_to_contain_text("Vitale kernen")
    assert_accessible(page)
    vaststellen.click()
    status = page.locator("#rapportage-status")
    expect(status).to_contain_text("gepubliceerd voor de raad op", timeout=90_000)
    # Nothing stale once it is done: no "being made", the history has the publication.
    expect(page.locator("main")).not_to_contain_text("wordt gemaakt")
    expect(page.locator("main")).not_to_contain_text("begon om")
    geschiedenis = page.locator("main ol.app-history")
    expect(geschiedenis).to_contain_text("Anouk Hermans — Rapportage vastgesteld")
    expect(geschiedenis).to_contain_text("Rapportage gepubliceerd")
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    login(page, base, "raadslid")
    expect(page.locator("tbody")).to_contain_text("Vastgesteld door Anouk Hermans op")
    # Search what the published reports say (Dutch stemming: 'ontmoeten' finds the text),
    # and land on the page of the opgave that says it, the word marked.
    page.get_by_label("Zoek in de rapportages").fill("ontmoetingsplekken")
    page.get_by_role("button", name="Zoeken").click()
    treffer = page.locator(".app-treffer").filter(has_text="Vitale kernen")
    expect(treffer.locator("mark").first).to_be_visible()
    assert_accessible(page)
    treffer.get_by_role("link", name="Vitale kernen").click()
    expect(page).to_have_url(re.compile(r"/lezen/opgave-\d+/\?q=ontmoetingsplekken#treffer$"))
    expect(page.locator("mark#treffer")).to_be_in_viewport()
    expect(page.get_by_role("heading", level=2, name="Vitale kernen")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}/rapportages/")
    page.get_by_label("Zoek in de rapportages").fill("kernenergiecentrale")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator("main")).to_contain_text("Geen rapportage noemt 'kernenergiecentrale'.")
    page.goto(rapport_url)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download de PDF").click()
    assert download.value.suggested_filename == (
        "programmarapportage-jaarrekening-2026-gemeente-maasdal.pdf"
    )
    pad = tmp_path / "raad.pdf"
    download.value.save_as(pad)
    omslag = subprocess.run(
        ["pdftotext", "-l", "1", str(pad), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Vastgesteld door Anouk Hermans op" in " ".join(omslag.split())
    assert "CONCEPT" not in omslag

    # The same report in the browser: an overview, and a page per opgave.
    page.get_by_role("link", name="Lees de rapportage in de browser").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Programmarapportage")
    expect(page.locator("main")).to_contain_text("Vastgesteld door Anouk Hermans")
    inhoud = page.get_by_role("navigation", name="Inhoud")
    inhoud.get_by_role("link", name="Stand van moties en toezeggingen").click()
    expect(page.locator("#moties")).to_contain_text("M2026-022")
    assert_accessible(page)
    inhoud.get_by_role("link", name="Vitale kernen").click()
    expect(page).to_have_url(re.compile(r"/lezen/opgave-\d+/$"))
    expect(page.locator("main")).to_contain_text("Verloop over de rapportages")
    page.get_by_text("Als tabel").click()
    expect(page.get_by_role("region", name="Vitale kernen per rapportage")).to_be_visible()
    assert_accessible(page)

    # On a phone (320 CSS px, WCAG 1.4.10): the page reflows, wide tables scroll in their
    # own region, the page itself never scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 700})
    lezen = page.url.split("/lezen/")[0] + "/lezen/"
    for url in (page.url, lezen, rapport_url, f"{base}/rapportages/?q=ontmoetingsplekken"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
