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
