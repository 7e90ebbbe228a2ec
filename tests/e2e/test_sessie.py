"""Before a session ends for lack of activity the page asks whether to stay signed in;
staying keeps the session, not answering ends it and the login page says why."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible, bewaak_console
from tests.demo_kopie import demodata
from tests.e2e.test_opgavenprofiel import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_page_warns_before_the_session_ends(page, live_server, settings):
    settings.SESSION_IDLE_SECONDS = 12  # the question comes three seconds before the end
    demodata()
    fouten = bewaak_console(page.context)
    login(page, live_server.url, "medewerker")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    vraag = page.get_by_role("dialog", name="Blijft u ingelogd?")
    expect(vraag).to_be_visible(timeout=15_000)
    # Answered at once (axe comes the second time: on a loaded machine it can take longer
    # than the question stays).
    expect(vraag.get_by_role("button", name="Blijf ingelogd")).to_be_focused()
    vraag.get_by_role("button", name="Blijf ingelogd").click()
    expect(vraag).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")  # still signed in

    # Not answered the second time: the page goes to the login page, which says why.
    expect(vraag).to_be_visible(timeout=15_000)
    assert_accessible(page)  # the question, or (if it ran long) the login page after it
    expect(page.get_by_text("Uw sessie is verlopen")).to_be_visible(timeout=15_000)
    expect(page.get_by_label("Gebruikersnaam")).to_be_visible()
    assert_accessible(page)
    assert fouten == []


def test_staying_signed_in_without_a_connection_says_so(
    page, live_server, settings, verwachte_consolefouten
):
    settings.SESSION_IDLE_SECONDS = 8
    demodata()
    login(page, live_server.url, "medewerker")
    vraag = page.get_by_role("dialog", name="Blijft u ingelogd?")
    expect(vraag).to_be_visible(timeout=10_000)
    page.route("**/sessie/verlengen/", lambda route: route.abort())
    vraag.get_by_role("button", name="Blijf ingelogd").click()
    expect(vraag.get_by_role("alert")).to_have_text(re.compile("Geen verbinding met de server"))
    expect(vraag).to_be_visible()
    assert_accessible(page)
    verwachte_consolefouten.append("ERR_FAILED")
