"""A resident on a phone, without an account, on the public site (Meedoen)."""

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible
from tests.demo_kopie import demodata

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_resident_finds_the_opgave_and_a_session_for_the_calendar(page, live_server):
    demodata()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/meedoen/")
    assert_accessible(page)
    page.get_by_role("link", name="Vitale kernen: fijn wonen in elk dorp").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Vitale kernen: fijn wonen in elk dorp"
    )
    expect(page.get_by_text("We maken plannen")).to_be_visible()  # the phase, in plain words
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    agenda = page.get_by_role("link", name="Zet in uw agenda").first
    antwoord = page.request.get(live_server.url + agenda.get_attribute("href"))
    assert antwoord.headers["content-type"].startswith("text/calendar")
    assert "SUMMARY:Vitale kernen: fijn wonen in elk dorp" in antwoord.text()
    # Nothing of the staff's side: the logo leads back here, not to a login.
    page.get_by_role("link", name="Opgavenregie").first.click()
    expect(page).to_have_url(f"{live_server.url}/meedoen/")
