"""Freezing and comparing canvas versions in a browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, toont_fout
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_regisseur_freezes_two_versions_and_sees_what_changed(page, live_server):
    demodata()
    base = live_server.url
    login(page, base, "regisseur")
    page.goto(f"{base}/opgaven/")
    page.get_by_role("link", name="Vitale kernen", exact=True).click()
    page.get_by_role("link", name="Naar het canvas").click()
    page.get_by_role("link", name="Versies: vastleggen en vergelijken").click()
    assert_accessible(page)
    page.get_by_role("button", name="Vastleggen").click()
    toont_fout(page, "Geef de versie een naam")
    assert_accessible(page)
    page.get_by_label("Naam van de versie").fill("na sprint 1")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.locator("main")).to_contain_text("na sprint 1")

    page.get_by_role("link", name="Terug naar het canvas").click()
    blok = page.locator("#blok-doelgroepen")
    blok.get_by_role("link", name=re.compile("Bewerken.*blok Doelgroepen")).click()
    blok.get_by_label("Nieuw item voor Doelgroepen").fill("Mantelzorgers van ouderen")
    blok.get_by_role("button", name="Toevoegen").click()
    expect(blok).to_contain_text("Mantelzorgers van ouderen")

    page.get_by_role("link", name="Versies: vastleggen en vergelijken").click()
    page.get_by_label("Van", exact=True).select_option(label="na sprint 1")
    page.get_by_label("Naar", exact=True).select_option(label="Het huidige canvas")
    page.get_by_role("button", name="Vergelijken").click()
    section = page.locator("section", has=page.get_by_role("heading", name="Doelgroepen"))
    expect(section).to_contain_text("Toegevoegd: Mantelzorgers van ouderen")
    expect(page.locator("[data-soort]")).to_have_count(1)
    assert_accessible(page)


def test_effect_chain_names_loose_ends_and_takes_a_link(page, live_server):
    demodata()
    base = live_server.url
    login(page, base, "regisseur")
    page.goto(f"{base}/opgaven/")
    page.get_by_role("link", name="Vitale kernen", exact=True).click()
    page.get_by_role("link", name="Naar het canvas").click()
    page.get_by_role("link", name="Effectketen: van activiteit tot beleidsdoel").click()
    eindjes = page.locator("#losse-eindjes")
    expect(eindjes).to_contain_text("Activiteit die geen beleidsdoel dient")
    assert_accessible(page)
    # A link the wrong way round is explained; the right way it is drawn.
    page.get_by_label("Dit item").select_option(index=0)
    page.get_by_label("draagt bij aan").select_option(index=0)
    page.get_by_role("button", name="Schakel toevoegen").click()
    toont_fout(page, "Zo loopt de keten niet")
    assert_accessible(page)


def test_budget_is_shared_and_totalled_in_euros(page, live_server):
    demodata()
    base = live_server.url
    login(page, base, "regisseur")
    page.goto(f"{base}/opgaven/")
    page.get_by_role("link", name="Vitale kernen", exact=True).click()
    page.get_by_role("link", name="Naar het canvas").click()
    page.get_by_role("link", name="Begroting: wie betaalt wat").click()
    expect(page.get_by_test_id("totaal-begroot")).to_have_text("€\u00a0660.000,00")
    assert_accessible(page)
    page.get_by_label("Jaar").fill("2027")
    page.get_by_label("Activiteit", exact=True).select_option(index=1)
    page.get_by_label("Financier", exact=True).select_option(label="Provincie Limburg")
    page.get_by_label("Begroot", exact=True).fill("-10")
    page.get_by_role("button", name="Regel opslaan").click()
    toont_fout(page, "Een bedrag kan niet negatief zijn.")
    assert_accessible(page)
    page.get_by_label("Begroot", exact=True).fill("12.345,67")
    page.get_by_role("button", name="Regel opslaan").click()
    expect(page.get_by_test_id("totaal-begroot")).to_have_text("€\u00a0672.345,67")
    expect(page.get_by_test_id("jaartotaal-2027")).to_contain_text("€\u00a0402.345,67")
    assert_accessible(page)
