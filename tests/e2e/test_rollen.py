"""A partner from the woningcorporatie in a browser: their two opgaven and nothing else."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from opgaven.models import Opgave
from tests.conftest import assert_accessible
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_partner_works_on_the_canvas_of_their_opgave_and_sees_nothing_else(page, live_server):
    call_command("demodata")
    base = live_server.url
    login(page, base, "partner")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Priya")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("link")).to_have_text(["Rapportages"])
    mijn = page.locator("#mijn-kop + ul li")
    expect(mijn).to_have_count(2)
    assert_accessible(page)

    page.get_by_role("link", name="Vitale kernen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vitale kernen")
    expect(page.locator("#betrokkenheden")).to_have_count(0)
    expect(page.get_by_role("link", name="Opgave bewerken")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Naar het canvas").click()
    blok = page.locator("#blok-doelgroepen")
    blok.get_by_label("Nieuw item voor Doelgroepen").fill("Huurders van de corporatie")
    blok.get_by_role("button", name="Toevoegen").click()
    expect(blok).to_contain_text("Huurders van de corporatie")
    assert_accessible(page)

    # Guessing the address of an opgave whose team they are not on: not found.
    andere = Opgave.objects.exclude(teamleden__username="partner").first()
    response = page.goto(f"{base}{andere.get_absolute_url()}")
    assert response.status == 404
    # The municipality's grid of this opgave's stakeholders: refused, in Dutch.
    eigen = Opgave.objects.get(titel="Vitale kernen")
    response = page.goto(f"{base}/opgaven/{eigen.pk}/stakeholders/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    assert_accessible(page)
