"""The thin slice in a real browser: from login to a downloaded council PDF."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests import hostile
from tests.conftest import assert_accessible, toont_fout
from tests.demo_kopie import demodata

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page, base_url, username):
    page.goto(f"{base_url}/")
    expect(page).to_have_title(re.compile("Inloggen"))
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    page.get_by_role("button", name="Inloggen").click()


def test_regisseur_walks_the_slice_to_a_pdf(page, live_server, celery_worker_thread, tmp_path):
    demodata()
    base = live_server.url
    login(page, base, "regisseur")

    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Ilse")
    assert_accessible(page)
    page.get_by_role("navigation").get_by_role("link", name="Beleidsagenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beleidsagenda")
    assert_accessible(page)

    # A new opgave; first an empty save, which explains itself in Dutch and keeps the input.
    page.get_by_role("link", name="Nieuwe opgave").click()
    assert_accessible(page)
    page.get_by_label("Titel").fill("")
    page.get_by_label("Maatschappelijke bedoeling").fill("Wordt bewaard bij een fout")
    page.get_by_role("button", name="Opslaan").click()
    toont_fout(page, "Geef de opgave een titel.")
    expect(page.get_by_label("Maatschappelijke bedoeling")).to_have_value(
        "Wordt bewaard bij een fout"
    )
    assert_accessible(page)

    titel = f"Samen tegen eenzaamheid {hostile.SCRIPT}"
    page.get_by_label("Titel").fill(titel)
    page.get_by_label("Maatschappelijke bedoeling").fill(
        hostile.text("Niemand staat er alleen voor.")
    )
    page.get_by_label("Schaal").select_option("kern")
    page.get_by_label("Motivering van de prioriteit").fill(
        "Eén op drie ouderen voelt zich eenzaam."
    )
    page.get_by_label("Broekhoven").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(titel)
    expect(page).to_have_title(re.compile("Samen tegen eenzaamheid"))
    hub_url = page.url
    assert_accessible(page)

    # A stakeholder, added in place with htmx, on the opgave's Stakeholders page.
    page.get_by_role("navigation", name="Onderdelen van deze opgave").get_by_role(
        "link", name="Stakeholders"
    ).click()
    section = page.locator("#betrokkenheden")
    section.locator("summary", has_text="Stakeholder toevoegen").click()
    section.get_by_label("Of: naam van een nieuwe stakeholder").fill(
        f"Zorgcoöperatie {hostile.IMG}"
    )
    section.get_by_label("Soort (bij een nieuwe stakeholder)").select_option("zorgaanbieder")
    section.get_by_label("Rol in deze opgave").select_option("partner")
    section.get_by_label("Invloed (1-5)").select_option("5")
    section.get_by_label("Belang (1-5)").select_option("4")
    url_before = page.url
    section.get_by_role("button", name="Stakeholder toevoegen").click()
    row = page.locator("#betrokkenheden tbody tr", has_text="Zorgcoöperatie")
    expect(row).to_contain_text("Nauw betrekken")
    assert page.url == url_before  # swapped in place, no page load
    assert_accessible(page)

    # The canvas: add an item, then edit it in place.
    page.get_by_role("navigation", name="Onderdelen van deze opgave").get_by_role(
        "link", name="Canvas"
    ).click()
    assert_accessible(page)
    # Read as one picture: why, for whom, what; how and what it costs.
    for zone in ("Waarom", "Voor wie", "Wat", "Hoe", "Wat het kost"):
        expect(page.get_by_role("heading", name=zone, exact=True)).to_be_visible()
    blok = page.locator("#blok-beleidsdoelen")
    blok.get_by_role("link", name=re.compile("Bewerken.*blok Beleidsdoelen")).click()
    blok.get_by_label("Nieuw item voor Beleidsdoelen").fill("Minder eenzame 75-plussers")
    blok.get_by_role("button", name="Toevoegen").click()
    item = blok.locator("li", has_text="Minder eenzame 75-plussers")
    expect(item).to_contain_text("versie 1")
    item.get_by_role("link", name=re.compile("Bewerken")).click()
    textarea = blok.get_by_role("textbox", name="Tekst")
    expect(textarea).to_be_focused()
    textarea.fill("Minder eenzame 75-plussers: van 14% naar 10% in 2028")
    assert_accessible(page)
    blok.get_by_role("button", name="Opslaan").click()
    expect(blok.locator("li", has_text="van 14% naar 10%")).to_contain_text("versie 2")
    assert_accessible(page)

    # The canvas on A3: made by the worker, offered when ready.
    page.get_by_role("button", name="Het hele canvas op één A3 (PDF)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Canvas op A3")
    expect(page.get_by_text("Het document is klaar")).to_be_visible(timeout=60_000)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download de PDF").click()
    a3 = tmp_path / "canvas.pdf"
    download_info.value.save_as(a3)
    tekst = subprocess.run(["pdftotext", str(a3), "-"], capture_output=True, text=True).stdout
    assert "van 14% naar 10%" in " ".join(tekst.split())
    page.get_by_role("link", name=re.compile("Terug naar het canvas")).click()

    # The report: a job, a worker, a progress page that polls, a download.
    page.get_by_role("navigation", name="Onderdelen van deze opgave").get_by_role(
        "link", name="Rapportages"
    ).click()
    page.get_by_role("button", name="Rapportage maken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Programmarapportage")
    expect(page.get_by_text("De rapportage is klaar.")).to_be_visible(timeout=60_000)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download de PDF").click()
    pdf_path = tmp_path / "rapport.pdf"
    download_info.value.save_as(pdf_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for vraag in ["Wat willen we bereiken?", "Wat gaan we daarvoor doen?", "Wat mag het kosten?"]:
        assert vraag in text
    assert "van 14% naar 10%" in text
    assert "Zorgcoöperatie" in text
    assert "<script>alert(1)</script>" in text  # shown as text, not swallowed as markup

    assert "Concept: nog niet vastgesteld" in text
    # A concept: the college vaststelt it (tests/e2e/test_pc_kalender.py), not the regisseur,
    # who is not offered a button that would be refused.
    rapport_url = page.url
    expect(page.locator("main")).to_contain_text("Dit is een concept")
    expect(page.get_by_role("button", name="Vaststellen en publiceren voor de raad")).to_have_count(
        0
    )

    # The opgave's history names who changed what.
    page.goto(hub_url)
    page.get_by_role("navigation", name="Onderdelen van deze opgave").get_by_role(
        "link", name="Geschiedenis"
    ).click()
    history = page.locator("#geschiedenis")
    expect(history).to_contain_text("Ilse de Regt")
    expect(history).to_contain_text(
        "Canvas, Beleidsdoelen: “Minder eenzame 75-plussers: van 14% naar 10% in 2028” gewijzigd"
    )
    assert_accessible(page)

    page.get_by_role("button", name="Uitloggen").click()
    login(page, base, "raadslid")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapportages")
    expect(page.locator("main")).not_to_contain_text("Samen tegen eenzaamheid")
    assert_accessible(page)
    page.goto(rapport_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    page.goto(hub_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
