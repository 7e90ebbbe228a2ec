"""Headers every answer carries (core.middleware.KoppenMiddleware)."""

from django.urls import reverse

from tests.conftest import client_for


def test_a_url_that_answers_a_part_to_htmx_varies_on_hx_request(users, opgave):
    """The beleidsagenda answers htmx (its filter) with the list alone and a browser with
    the page: a cache or the back button must keep the two apart."""
    client = client_for(users["regisseur"])
    url = reverse("opgaven:opgave-list")
    pagina = client.get(url)
    deel = client.get(url, headers={"HX-Request": "true", "HX-Target": "agenda"})
    assert "<html" in pagina.text and "<html" not in deel.text
    for antwoord in (pagina, deel):
        assert "HX-Request" in antwoord["Vary"]
        assert "camera=()" in antwoord["Permissions-Policy"]
    # Also what is not a page: the login redirect of an anonymous visitor.
    anoniem = client_for(None).get(url)
    assert anoniem.status_code == 302 and "HX-Request" in anoniem["Vary"]
