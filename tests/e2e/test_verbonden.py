"""Connected to the rest of the municipality, in a browser: a regisseur reads a melding and
chooses how they come, subscribes their calendar, attaches a document (and has a disguised
page refused); the beheerder makes a koppeling whose token opens the API."""

import re

import icalendar
import pytest
from playwright.sync_api import expect

from opgaven.models import Opgave
from tests.conftest import assert_accessible, bewaak_console, toont_fout
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_regisseur_reads_meldingen_subscribes_a_calendar_and_attaches_a_document(
    page, live_server, tmp_path
):
    demodata()  # its morning search finds the regisseur's late afspraak
    fouten = bewaak_console(page.context)
    base = live_server.url
    login(page, base, "regisseur")
    header = page.get_by_role("banner")
    expect(header.get_by_role("link", name="Meldingen 1 ongelezen")).to_be_visible()
    header.get_by_role("link", name="Meldingen 1 ongelezen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    assert_accessible(page)
    page.get_by_role("link", name="Afspraak te laat").click()
    expect(page).to_have_url(
        f"{base}/opgaven/{Opgave.objects.get(titel='Vitale kernen').pk}/contact/#afspraken"
    )
    expect(
        page.get_by_role("banner").get_by_role("link", name="Meldingen", exact=True)
    ).to_be_visible()

    page.goto(f"{base}/accounts/meldingen/voorkeuren/")
    page.get_by_label("Ik ben toegevoegd aan of verwijderd uit een team").select_option("wekelijks")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#meldingen")).to_contain_text("Uw keuzes voor meldingen zijn opgeslagen.")
    assert_accessible(page)

    page.goto(f"{base}/accounts/agenda/")
    page.get_by_role("button", name="Link maken").click()
    link = page.get_by_label("Link naar uw agenda").input_value()
    assert_accessible(page)
    feed = page.request.get(link)
    assert feed.status == 200
    events = icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    assert any(str(e["summary"]).startswith("Afspraak:") for e in events)
    assert any(str(e["summary"]).startswith("Thematafel:") for e in events)

    kernen = Opgave.objects.get(titel="Vitale kernen")
    page.goto(f"{base}/opgaven/{kernen.pk}/documenten/")
    page.get_by_text("Document toevoegen", exact=True).first.click()
    nep = tmp_path / "Raadsvoorstel.pdf"
    nep.write_bytes(b"<html><script>alert(1)</script></html>")
    page.get_by_label("Bestand").set_input_files(nep)
    page.get_by_role("button", name="Document toevoegen").click()
    toont_fout(page, "Dit bestand heet .pdf, maar de inhoud is dat niet")
    assert_accessible(page)
    echt = tmp_path / "Raadsvoorstel vitale kernen.pdf"
    echt.write_bytes(PDF)
    page.get_by_label("Bestand").set_input_files(echt)
    page.get_by_role("button", name="Document toevoegen").click()
    link = page.get_by_role("link", name="Raadsvoorstel vitale kernen.pdf")
    rij = page.get_by_role("row").filter(has=link)
    expect(rij).to_contain_text("1")
    assert_accessible(page)
    with page.expect_download() as download:
        rij.get_by_role("link", name="Raadsvoorstel vitale kernen.pdf").click()
    assert download.value.suggested_filename == "Raadsvoorstel vitale kernen.pdf"
    # The wrong file after all: removed, after a question that names it.
    page.locator("#documenten").get_by_role("button", name="Versie 1 verwijderen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Raadsvoorstel vitale kernen.pdf verwijderen?"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Ja, verwijderen").click()
    expect(page.locator("#documenten")).to_contain_text("Nog geen documenten bij deze opgave.")
    assert fouten == []


def test_beheerder_makes_a_koppeling_whose_token_opens_the_api(page, live_server):
    demodata()
    base = live_server.url
    login(page, base, "beheerder")
    page.goto(f"{base}/opgaven/beheer/referentielijsten/")
    page.get_by_role("link", name="Koppelingen met de API").click()
    page.get_by_role("button", name="Koppeling maken").click()
    toont_fout(page, "Geef de koppeling een naam.")
    page.get_by_label("Naam van de koppeling").fill("Power BI")
    page.get_by_role("button", name="Koppeling maken").click()
    token = page.get_by_role("textbox", name="Token").input_value()
    assert_accessible(page)
    zonder = page.request.get(f"{base}/api/v1/opgaven/")
    assert zonder.status == 401
    met = page.request.get(f"{base}/api/v1/opgaven/", headers={"Authorization": f"Token {token}"})
    assert met.status == 200
    assert met.json()["count"] == Opgave.objects.count()
    page.get_by_role("button", name=re.compile(r"^Intrekken\W+Power BI$")).click()
    expect(page.get_by_role("row", name="Power BI")).to_contain_text("ingetrokken op")
    weg = page.request.get(f"{base}/api/v1/opgaven/", headers={"Authorization": f"Token {token}"})
    assert weg.status == 401
