"""The accessibility statement: reached from the footer of any page, also before signing in."""

import pytest
from playwright.sync_api import expect

from tests.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_statement_is_linked_from_the_footer_and_accessible_itself(page, live_server):
    page.goto(f"{live_server.url}/accounts/inloggen/")
    page.get_by_role("contentinfo").get_by_role("link", name="Toegankelijkheid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toegankelijkheidsverklaring")
    expect(page.get_by_role("heading", name="Status: voldoet gedeeltelijk")).to_be_visible()
    assert_accessible(page)
