"""A resident on a phone, without an account, on the public site (Meedoen)."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from participatie.models import Bijeenkomst
from tests.conftest import assert_accessible
from tests.demo_kopie import demodata

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_resident_finds_the_opgave_signs_up_and_confirms(page, live_server, postbus, settings):
    demodata()
    settings.MEEDOEN_MIN_SECONDEN = 0
    Bijeenkomst.objects.filter(begint_op__gt=timezone.now()).update(aanmelden_open=True)
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
    # Sign up, and confirm with the link in the mail.
    page.get_by_role("link", name="Aanmelden").first.click()
    assert_accessible(page)
    page.get_by_label("Uw naam").fill("Fatima Yilmaz")
    page.get_by_label("Uw e-mailadres").fill("fatima@voorbeeld.nl")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", name="Kijk in uw mail")).to_be_visible()
    [bericht] = postbus.berichten(1)
    link = re.search(r"/meedoen/aanmelding/\S+/", bericht.get_body(("plain",)).get_content())[0]
    page.goto(live_server.url + link)
    assert_accessible(page)
    page.get_by_role("button", name="Bevestig mijn aanmelding").click()
    expect(page.get_by_test_id("status")).to_have_text("U bent aangemeld. Tot dan!")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Nothing of the staff's side: the logo leads back here, not to a login.
    page.get_by_role("link", name="Opgavenregie").first.click()
    expect(page).to_have_url(f"{live_server.url}/meedoen/")
