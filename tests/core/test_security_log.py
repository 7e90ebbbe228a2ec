"""The security log: JSON lines with who, what, when, from where, on what and the outcome;
the client's address believed from X-Forwarded-For only behind a trusted proxy."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.conftest import ROOT, beveiligingslog, client_for

pytestmark = pytest.mark.django_db


def _login_fout(client, caplog, **headers) -> dict:
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        client.post(
            reverse("accounts:login"),
            {"username": "regisseur", "password": "fout"},
            headers=headers,
            REMOTE_ADDR=headers.pop("remote", "127.0.0.1"),
        )
    return beveiligingslog(caplog)[-1]


def test_a_failed_login_is_one_event_with_every_field(client, caplog):
    UserFactory(username="regisseur")
    event = _login_fout(client, caplog)
    assert event["name"] == "opgavenregie.security"
    assert (event["action"], event["outcome"], event["object"]) == ("login", "failed", "regisseur")
    assert (event["method"], event["path"]) == ("POST", reverse("accounts:login"))
    assert event["source"] == "127.0.0.1"
    assert event["timestamp"]


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(client, caplog, settings):
    # No trusted proxies: a client cannot choose the address it is logged under.
    event = _login_fout(client, caplog, x_forwarded_for="198.51.100.9", remote="203.0.113.7")
    assert event["source"] == "203.0.113.7"
    # Behind the TLS terminator (10.0.0.5) and a load balancer (10.0.1.1): the client is the
    # nearest address that is not a proxy, whatever the client put in front of it.
    settings.TRUSTED_PROXIES = ["10.0.0.0/16"]
    event = _login_fout(
        client, caplog, x_forwarded_for="6.6.6.6, 203.0.113.7, 10.0.0.5", remote="10.0.1.1"
    )
    assert event["source"] == "203.0.113.7"
    event = _login_fout(client, caplog, x_forwarded_for="niet-een-adres", remote="10.0.1.1")
    assert event["source"] == "10.0.1.1"


def test_a_refused_csrf_post_is_dutch_and_logged(caplog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client.post(reverse("opgaven:opgave-create"), {"titel": "x"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()
    assert beveiligingslog(caplog)[-1]["action"] == "csrf"


def test_an_object_out_of_reach_is_a_logged_404(users, andere_opgave, caplog):
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client_for(users["partner"]).get(andere_opgave.get_absolute_url())
    assert response.status_code == 404
    event = beveiligingslog(caplog)[-1]
    assert (event["action"], event["user"], event["outcome"]) == ("not_found", "partner", "denied")
    assert event["path"] == andere_opgave.get_absolute_url()


def test_the_configured_log_writes_json_lines_to_a_file(tmp_path):
    pad = tmp_path / "security.log"
    code = (
        "from core.security_log import log_event\n"
        "log_event('export', obj='stakeholders')\n"
        "log_event('login', obj='iemand', outcome='failed')\n"
    )
    env = os.environ | {"SECURITY_LOG_FILE": str(pad)}
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True
    )
    regels = pad.read_text().splitlines()
    assert [json.loads(r)["action"] for r in regels] == ["export", "login"]
    assert json.loads(regels[1])["outcome"] == "failed"
