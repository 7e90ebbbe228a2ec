"""The second step in a browser: a beheerder sets up an authenticator app from the QR page,
keeps the recovery codes, and signs in with a recovery code (once) and with the app."""

import time

import pytest
from playwright.sync_api import expect

from tests.accounts.test_tweede_stap import _code
from tests.conftest import assert_accessible, bewaak_console, toont_fout
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_beheerder_sets_up_the_second_step_and_signs_in_with_it(page, live_server, settings):
    settings.MFA_REQUIRED_ROLES = ["beheerder"]
    demodata()
    fouten = bewaak_console(page.context)
    base = live_server.url
    login(page, base, "beheerder")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap instellen")
    expect(page.get_by_role("img", name="QR-code om Opgavenregie")).to_be_visible()
    expect(page.get_by_role("navigation")).to_have_count(0)  # nothing else before this step
    assert_accessible(page)
    sleutel = page.get_by_test_id("sleutel").inner_text()
    page.get_by_label("Code", exact=True).fill(_code(sleutel))
    page.get_by_role("button", name="Tweede stap instellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw herstelcodes")
    assert_accessible(page)
    codes = page.get_by_role("list", name="Herstelcodes").locator("code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Ik heb ze bewaard, verder").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    page.get_by_role("button", name="Uitloggen").click()

    login(page, base, "beheerder")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap")
    assert_accessible(page)
    page.get_by_label("Code", exact=True).fill(codes[0])
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_text("U gebruikte een herstelcode; er zijn er nog 9.")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()

    login(page, base, "beheerder")
    page.get_by_label("Code", exact=True).fill(codes[0])
    page.get_by_role("button", name="Verder").click()
    toont_fout(page, "Deze code klopt niet")
    assert_accessible(page)
    time.sleep(1.1)  # django-otp's wait after a wrong code
    page.get_by_label("Code", exact=True).fill(_code(sleutel, later=1))
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    assert fouten == []
