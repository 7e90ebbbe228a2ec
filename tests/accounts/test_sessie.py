"""Sessions end: after SESSION_IDLE_SECONDS without a request, SESSION_MAX_SECONDS after
signing in whatever happens, on deactivation, and (elsewhere) on a password change."""

import logging
import time
from urllib.parse import quote

import pytest
from django.urls import reverse

from core.middleware import SESSIE_BEGONNEN
from tests.conftest import beveiligingslog, client_for

pytestmark = pytest.mark.django_db


def test_a_session_ends_after_the_idle_timeout(users, settings, caplog):
    settings.SESSION_IDLE_SECONDS = 1
    client = client_for(users["regisseur"])
    assert client.get(reverse("opgaven:opgave-list")).status_code == 200
    time.sleep(1.2)
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client.get(reverse("opgaven:opgave-list"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next=%2Fopgaven%2F"
    assert "_auth_user_id" not in client.session
    assert [e["action"] for e in beveiligingslog(caplog)][-2:] == ["session_expired", "logout"]
    login = client.get(response["Location"]).content.decode()
    assert "Uw sessie is verlopen" in login


def test_staying_signed_in_too_late_leaves_the_message_for_the_page(users, settings):
    """The page's script asks to stay a moment after the end: it gets a 401 (a redirect would
    be followed by the script and the login page shown to nobody, the message with it); the
    page it then reloads is sent to the login, which says why."""
    settings.SESSION_IDLE_SECONDS = 1
    client = client_for(users["regisseur"])
    assert client.get(reverse("home")).status_code == 200
    time.sleep(1.2)
    script = {"Sec-Fetch-Mode": "same-origin", "X-CSRFToken": "x"}
    response = client.post(reverse("accounts:sessie-verlengen"), headers=script)
    assert response.status_code == 401
    response = client.get(reverse("home"), follow=True)
    assert "Uw sessie is verlopen" in response.content.decode()


def test_activity_keeps_the_session_and_staying_signed_in_is_one_request(users, settings):
    settings.SESSION_IDLE_SECONDS = 2
    client = client_for(users["regisseur"])
    for _ in range(3):
        time.sleep(0.8)
        assert client.post(reverse("accounts:sessie-verlengen")).status_code == 204
    assert client.get(reverse("home")).status_code == 200


def test_a_session_ends_after_its_lifetime_even_when_active(users, settings):
    client = client_for(users["regisseur"])
    assert client.get(reverse("home")).status_code == 200
    sessie = client.session
    sessie[SESSIE_BEGONNEN] = time.time() - settings.SESSION_MAX_SECONDS - 1
    sessie.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_htmx_request_after_the_end_sends_the_page_to_the_login(users, settings, opgave):
    settings.SESSION_IDLE_SECONDS = 1
    client = client_for(users["regisseur"])
    client.get(opgave.get_absolute_url())
    time.sleep(1.2)
    response = client.get(
        reverse("opgaven:opgave-geschiedenis", args=[opgave.pk]),
        headers={"HX-Request": "true", "HX-Current-URL": f"http://testserver/opgaven/{opgave.pk}/"},
    )
    assert response.status_code == 204
    login = reverse("accounts:login")
    assert response["HX-Redirect"] == f"{login}?next=%2Fopgaven%2F{opgave.pk}%2F"

    # A header that is no address (urlsplit refuses it) gave a 500: the request's own path.
    client.force_login(users["regisseur"])
    client.get(opgave.get_absolute_url())
    time.sleep(1.2)
    geschiedenis = reverse("opgaven:opgave-geschiedenis", args=[opgave.pk])
    response = client.get(
        geschiedenis, headers={"HX-Request": "true", "HX-Current-URL": "http://[x"}
    )
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"{login}?next={quote(geschiedenis, safe='')}"


def test_deactivation_ends_an_open_session_for_good(users):
    """Found by a probe: the session was only suspended and came back when the account was
    switched on again."""
    client, ander = client_for(users["teamlid"]), client_for(users["regisseur"])
    assert client.get(reverse("home")).status_code == 200
    users["teamlid"].deactiveren(door=users["beheerder"])
    assert client.get(reverse("home")).status_code == 302
    users["teamlid"].activeren()
    assert client.get(reverse("home")).status_code == 302  # signing in again is needed
    assert ander.get(reverse("home")).status_code == 200  # another's session is untouched


def test_a_new_password_ends_the_other_sessions(users):
    teamlid = users["teamlid"]
    elders, hier = client_for(teamlid), client_for(teamlid)
    response = hier.post(
        reverse("accounts:wachtwoord-wijzigen"),
        {
            "old_password": "geheim-wachtwoord",
            "new_password1": "een-heel-nieuw-wachtwoord-42",
            "new_password2": "een-heel-nieuw-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    assert hier.get(reverse("home")).status_code == 200
    assert elders.get(reverse("home")).status_code == 302
