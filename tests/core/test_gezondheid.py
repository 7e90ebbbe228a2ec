"""/gezondheid/live: the process answers, without asking the database anything."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_live_answers_without_login_and_without_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/gezondheid/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert len(ctx.captured_queries) == 0
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_live_answers_over_plain_http_where_everything_else_moves_to_https(client, settings):
    """An orchestrator asks inside the network, without TLS; a redirect would fail its check."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/gezondheid/live").status_code == 200
    assert client.get("/accounts/inloggen/").status_code == 301
