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


@pytest.fixture
def eigen_redis():
    """A Redis of this test's own (the machine's keeps running), this process's broker."""
    from tests.werker import start_redis, vrije_poort, zet_broker

    poort = vrije_poort()
    url = f"redis://127.0.0.1:{poort}/0"
    processen = {"redis": start_redis(poort)}
    zet_broker(url)
    try:
        yield url, poort, processen
    finally:
        processen["redis"].terminate()
        processen["redis"].wait(timeout=10)
        zet_broker(None)


def _klaar(client) -> tuple[int, dict]:
    response = client.get("/gezondheid/klaar")
    assert "Set-Cookie" not in response.headers
    return response.status_code, response.json()


@pytest.mark.django_db(transaction=True)
def test_ready_names_what_fails_and_recovers_when_it_is_back(
    client, eigen_redis, settings, tmp_path
):
    """Real services: Redis stopped and started again, the database out of reach and back,
    the worker stopped; each time 503 naming the failing check, then 200 again."""
    from tests.werker import start_redis, start_worker, stop_worker, vrije_poort, wacht

    settings.MEDIA_ROOT = tmp_path
    url, poort, processen = eigen_redis
    werker = start_worker(REDIS_URL=url)
    try:
        wacht(lambda: _klaar(client)[0] == 200, 60, "klaar met een werker")
        assert _klaar(client)[1] == {
            "status": "ok",
            "controles": {"database": "ok", "wachtrij": "ok", "werker": "ok", "bestanden": "ok"},
        }

        processen["redis"].terminate()
        processen["redis"].wait(timeout=10)
        status, antwoord = _klaar(client)
        assert status == 503 and antwoord["status"] == "fout"
        assert antwoord["controles"]["wachtrij"] == "niet bereikbaar"
        assert antwoord["controles"]["werker"] != "ok"
        assert antwoord["controles"]["database"] == "ok"
        processen["redis"] = start_redis(poort)
        wacht(lambda: _klaar(client)[0] == 200, 60, "klaar nu Redis terug is")

        poort_db = connection.settings_dict["PORT"]
        connection.close()
        connection.settings_dict["PORT"] = str(vrije_poort())  # nothing listens there
        try:
            status, antwoord = _klaar(client)
        finally:
            connection.close()
            connection.settings_dict["PORT"] = poort_db
        assert status == 503 and antwoord["controles"]["database"] == "niet bereikbaar"
        assert antwoord["controles"]["wachtrij"] == "ok"
        assert _klaar(client)[0] == 200

        stop_worker(werker)
        status, antwoord = _klaar(client)
        assert status == 503
        assert antwoord["controles"]["werker"] == "geen werker antwoordde binnen 2 s"
    finally:
        stop_worker(werker)


@pytest.mark.django_db
def test_ready_says_when_migrations_are_missing_and_when_files_cannot_be_written(
    client, settings, tmp_path
):
    """A migration not recorded as applied (removed in this test's transaction), and a
    MEDIA_ROOT below a file."""
    from django.db.migrations.recorder import MigrationRecorder

    (tmp_path / "bestand").write_text("geen map")
    settings.MEDIA_ROOT = tmp_path / "bestand" / "media"
    MigrationRecorder.Migration.objects.filter(app="core").order_by("-id").first().delete()
    status, antwoord = _klaar(client)
    assert status == 503
    assert antwoord["controles"]["database"] == "migraties nog niet uitgevoerd"
    assert antwoord["controles"]["bestanden"] == "niet beschrijfbaar"
