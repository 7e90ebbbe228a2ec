"""A regisseur writes the contribution of an opgave to a P&C moment, from the prefilled draft,
and gives the ambtelijk akkoord; the wethouder whose portefeuille holds it gives the
bestuurlijk akkoord, which locks it."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from rapportages.models import Bijdrage
from tests.conftest import assert_accessible
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_regisseur_writes_a_contribution_and_the_bestuurder_approves_it(page, live_server):
    call_command("demodata")
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
    rij = page.get_by_role("row", name="Vitale kernen")
    expect(rij.get_by_test_id("status")).to_have_text("Concept")
    rij.get_by_role("link", name="Vitale kernen").click()
    page.get_by_role("button", name="Ambtelijk akkoord geven").click()
    expect(page.locator("#akkoord")).to_contain_text("gegeven door Ilse de Regt")
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    login(page, base, "bestuurder")
    bijdrage = Bijdrage.objects.get(
        opgave__titel="Vitale kernen", moment__soort="jaarrekening", moment__jaar=2026
    )
    assert "Kernen met een ontmoetingsplek" in bijdrage.bereiken
    page.goto(f"{base}/rapportages/kalender/{bijdrage.moment_id}/opgaven/{bijdrage.opgave_id}/")
    expect(page.get_by_label("Wat willen we bereiken?")).to_have_count(0)  # she reads, not writes
    page.get_by_role("button", name="Bestuurlijk akkoord geven").click()
    akkoord = page.locator("#akkoord")
    expect(akkoord).to_contain_text("gegeven door Anouk Hermans")
    expect(page.locator("main")).to_contain_text("verandert niet meer")
    expect(akkoord.get_by_label("Waarom heropenen?")).to_be_visible()
    assert_accessible(page)
    bijdrage.refresh_from_db()
    assert bijdrage.status == "bestuurlijk_akkoord"
