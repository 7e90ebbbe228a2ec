"""Logs an operator can use: JSON lines with the request id, the id in the response
and on the error page, and optional Sentry without personal data."""

import gzip
import http.server
import json
import logging
import threading

import pytest
from django.test import Client

from core.logregels import MetVerzoekId, json_regels

pytestmark = pytest.mark.django_db


def test_every_line_of_a_request_carries_its_id_and_the_response_says_it(client, caplog):
    with caplog.at_level(logging.INFO):
        eigen = client.get("/gezondheid/live", HTTP_X_REQUEST_ID="proxy-1234abcd")
        nieuw = client.get("/accounts/inloggen/", HTTP_X_REQUEST_ID="<script>")
    assert eigen["X-Request-ID"] == "proxy-1234abcd"  # a well-formed id of the proxy
    assert len(nieuw["X-Request-ID"]) == 32 and nieuw["X-Request-ID"] != "<script>"

    regel = logging.LogRecord("opgaven", logging.WARNING, __file__, 1, "Let op: %s", ("x",), None)
    MetVerzoekId().filter(regel)
    uit = json.loads(json_regels().format(regel))
    assert uit["level"] == "WARNING" and uit["message"] == "Let op: x" and uit["name"] == "opgaven"
    assert uit["timestamp"].endswith("+00:00")  # UTC, in web, worker and gunicorn alike
    assert "request_id" in uit


class Vanger(logging.Handler):
    """Keeps the records as the configured handlers see them (with the request-id filter)."""

    def __init__(self):
        super().__init__()
        self.addFilter(MetVerzoekId())
        self.regels: list[logging.LogRecord] = []

    def emit(self, record):
        self.regels.append(record)


def test_an_error_page_and_its_log_line_name_the_same_request(users, monkeypatch):
    from core import gezondheid

    def kapot():
        raise RuntimeError("stuk")

    monkeypatch.setattr(gezondheid, "controleer", kapot)
    vanger = Vanger()
    logging.getLogger().addHandler(vanger)
    try:
        response = Client(raise_request_exception=False).get(
            "/gezondheid/klaar", HTTP_X_REQUEST_ID="kenmerk-0042"
        )
    finally:
        logging.getLogger().removeHandler(vanger)
    assert response.status_code == 500
    assert "kenmerk-0042" in response.content.decode()
    fout = [r for r in vanger.regels if r.name == "django.request"][-1]
    assert fout.request_id == "kenmerk-0042"
    assert json.loads(json_regels().format(fout))["request_id"] == "kenmerk-0042"


@pytest.fixture
def sentry_ontvanger():
    """A local HTTP server in Sentry's place: it keeps every envelope it receives."""
    ontvangen: list[bytes] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            inhoud = self.rfile.read(int(self.headers["Content-Length"]))
            if self.headers.get("Content-Encoding") == "gzip":
                inhoud = gzip.decompress(inhoud)
            elif self.headers.get("Content-Encoding") == "br":
                import brotli

                inhoud = brotli.decompress(inhoud)
            ontvangen.append(inhoud)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://publiek@127.0.0.1:{server.server_port}/1", ontvangen
    server.shutdown()


def test_sentry_gets_the_error_without_body_cookies_query_or_names(
    users, settings, monkeypatch, sentry_ontvanger
):
    import sentry_sdk

    from core import gezondheid
    from core.sentry import start

    dsn, ontvangen = sentry_ontvanger
    start(dsn)
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "core.sentry.SentryContextMiddleware",
    ]

    def kapot():
        raise RuntimeError("stuk bij het controleren")

    monkeypatch.setattr(gezondheid, "controleer", kapot)
    try:
        client = Client(raise_request_exception=False)
        client.force_login(users["regisseur"])
        client.cookies["voorkeur"] = "Karim-Coenen"
        response = client.generic(
            "GET",
            "/gezondheid/klaar?q=Karim+Coenen",
            data="wachtwoord=geheim-123",
            content_type="application/x-www-form-urlencoded",
            HTTP_X_REQUEST_ID="kenmerk-sentry-1",
        )
        assert response.status_code == 500
        sentry_sdk.flush(timeout=5)
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # no DSN: nothing is sent any more in this process

    envelop = b"\n".join(ontvangen).decode()
    assert "stuk bij het controleren" in envelop
    assert "kenmerk-sentry-1" in envelop
    assert f'"id": "{users["regisseur"].pk}"' in envelop.replace('":"', '": "')
    for geheim in ("geheim-123", "Karim", "sessionid", "csrftoken", "REMOTE_ADDR", "ip_address"):
        assert geheim not in envelop, geheim
