"""People and roles in a browser: a partner from the woningcorporatie sees their two
opgaven and nothing else; a beheerder invites someone (the mail goes over SMTP), and
switches them off again while they are logged in."""

import re

import pytest
from playwright.sync_api import expect

from opgaven.models import Opgave
from tests.conftest import assert_accessible, bewaak_console
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_partner_works_on_the_canvas_of_their_opgave_and_sees_nothing_else(page, live_server):
    demodata()
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
    blok.get_by_role("link", name=re.compile("Bewerken.*blok Doelgroepen")).click()
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
    expect(page.locator("main")).to_contain_text("Hoe de gemeente stakeholders inschat")
    assert_accessible(page)


def test_beheerder_invites_a_partner_who_sets_a_password_and_is_switched_off(
    page, browser, live_server, postbus
):
    demodata()
    base = live_server.url
    login(page, base, "beheerder")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gebruikers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruikers")
    assert_accessible(page)
    page.get_by_role("link", name="Iemand uitnodigen").click()
    page.get_by_label("Voornaam").fill("Fatima")
    page.get_by_label("Achternaam").fill("Bouali")
    page.get_by_label("E-mailadres").fill("fatima@woonstichting.example")
    page.get_by_label("Organisatie").fill("Woonstichting Maasdal")
    page.get_by_label("Rol").select_option("partner")
    assert_accessible(page)
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fatima Bouali")
    expect(page.locator("body")).to_contain_text("De uitnodiging is verstuurd")
    # On the team of one opgave, from her page.
    teams = page.locator("#teams")
    teams.get_by_role("combobox", name="Opgave").fill("vitale")
    teams.get_by_role("option", name="Vitale kernen").click()
    teams.get_by_role("button", name="Aan team toevoegen").click()
    expect(teams.get_by_role("link", name="Vitale kernen")).to_be_visible()
    assert_accessible(page)

    [bericht] = postbus.berichten()
    link = re.search(r"http://\S+/wachtwoord/instellen/\S+/", bericht.get_content()).group(0)
    gast = browser.new_context(locale="nl-NL")
    fouten = bewaak_console(gast)
    fatima = gast.new_page()
    fatima.goto(link)
    expect(fatima.get_by_role("heading", level=1)).to_have_text("Wachtwoord kiezen")
    assert_accessible(fatima)
    fatima.get_by_label("Nieuw wachtwoord", exact=True).fill("Samen bouwen aan Maasdal 2027")
    fatima.get_by_label("Nieuw wachtwoord bevestigen").fill("Samen bouwen aan Maasdal 2027")
    fatima.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(fatima.get_by_role("heading", level=1)).to_have_text("Wachtwoord opgeslagen")
    fatima.get_by_role("link", name="Inloggen").click()
    fatima.get_by_label("Gebruikersnaam").fill("fatima@woonstichting.example")
    fatima.get_by_label("Wachtwoord").fill("Samen bouwen aan Maasdal 2027")
    fatima.get_by_role("button", name="Inloggen").click()
    expect(fatima.get_by_role("heading", level=1)).to_have_text("Welkom, Fatima")
    expect(fatima.locator("#mijn-kop + ul li")).to_have_count(1)
    expect(fatima.get_by_role("navigation", name="Hoofdmenu").get_by_role("link")).to_have_text(
        ["Rapportages"]
    )
    assert_accessible(fatima)

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#toegang").get_by_role("button", name="Deactiveren").click()
    expect(page.locator("#toegang")).to_contain_text("Gedeactiveerd")
    expect(page.locator("#geschiedenis")).to_contain_text("actief")
    assert_accessible(page)

    # Her open session stops on the next request.
    fatima.reload()
    expect(fatima.get_by_role("heading", level=1)).to_have_text("Inloggen")
    gast.close()
    assert fouten == []
