"""Signing in through a real OpenID Connect provider (tests/oidc_provider, its own process):
the mapped role, re-read at every sign-in; signing out of both; and the refusals."""

import logging

import pytest
from playwright.sync_api import expect

from accounts.models import User
from tests.conftest import assert_accessible, beveiligingslog

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ORGANISATIE = "Inloggen met uw organisatie-account"


def _via_provider(page, base, naam):
    page.goto(f"{base}/accounts/inloggen/")
    page.get_by_role("link", name=ORGANISATIE).click()
    page.locator("#id_username").fill(naam)
    page.locator("#id_password").fill("provider-wachtwoord")
    page.get_by_role("button", name="Aanmelden bij de provider").click()


def test_sign_in_through_the_provider_with_the_mapped_role_and_out_of_both(
    page, live_server, oidc, settings
):
    base = live_server.url
    page.goto(f"{base}/accounts/inloggen/")
    expect(page.get_by_role("link", name=ORGANISATIE)).to_be_visible()
    assert_accessible(page)
    terug = []
    page.on("request", lambda r: terug.append(r.url) if "/accounts/oidc/terug/" in r.url else None)
    _via_provider(page, base, "fatima")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Fatima")
    fatima = User.objects.get(email="fatima.bouali@maasdal.example")
    assert (fatima.rol, fatima.has_usable_password()) == ("opgaveregisseur", False)
    assert fatima.oidc_sub

    # The same answer from the provider once more is refused (a replayed state).
    page.goto(terug[-1])
    expect(page.get_by_role("alert")).to_contain_text("Deze inlogpoging is al gebruikt")

    # Signing out ends the provider's session too: signing in again asks for the password.
    page.goto(f"{base}/")
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name=ORGANISATIE)).to_be_visible()
    page.get_by_role("link", name=ORGANISATIE).click()
    expect(page.locator("#id_password")).to_be_visible()

    # The role is read again at every sign-in: the directory's groups decide.
    settings.OIDC_ROLE_MAP = [("GG-Opgavenregie-Regisseurs", "teamlid")]
    page.locator("#id_username").fill("fatima")
    page.locator("#id_password").fill("provider-wachtwoord")
    page.get_by_role("button", name="Aanmelden bij de provider").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    fatima.refresh_from_db()
    assert fatima.rol == "teamlid"
    assert User.objects.filter(email=fatima.email).count() == 1


@pytest.mark.parametrize("modus", ["verkeerde-aud", "verlopen", "verkeerde-handtekening"])
def test_a_token_that_cannot_be_trusted_signs_no_one_in(page, live_server, oidc, modus, caplog):
    oidc.modus(modus)
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        _via_provider(page, live_server.url, "fatima")
        expect(page.get_by_role("alert")).to_contain_text("kon niet worden vertrouwd")
    assert_accessible(page)
    assert not User.objects.filter(email="fatima.bouali@maasdal.example").exists()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    mislukt = [e for e in beveiligingslog(caplog) if e["action"] == "login_oidc"]
    assert mislukt and mislukt[-1]["outcome"] == "failed"


def test_someone_whose_groups_map_to_no_role_gets_no_account(page, live_server, oidc):
    _via_provider(page, live_server.url, "ruud")
    expect(page.get_by_role("alert")).to_contain_text("heeft geen rol in Opgavenregie")
    assert not User.objects.filter(email="ruud.smit@maasdal.example").exists()


def test_local_login_can_be_switched_off(page, live_server, oidc, settings):
    settings.LOCAL_LOGIN = False
    page.goto(f"{live_server.url}/accounts/inloggen/")
    expect(page.get_by_role("link", name=ORGANISATIE)).to_be_visible()
    expect(page.get_by_label("Wachtwoord")).to_have_count(0)
    assert_accessible(page)
