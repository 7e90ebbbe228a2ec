"""Lockout: 50 wrong passwords in a row are not all answered the same. After the limit the
account is held off (also with the right password), whether or not it exists, until the
cool-off has passed or the beheerder unlocks it; an address has a limit of its own."""

import datetime
import logging

import pytest
from django.urls import reverse

from accounts.models import MisluktePoging
from tests.accounts.factories import UserFactory
from tests.conftest import beveiligingslog, client_for

pytestmark = pytest.mark.django_db

FOUT = "Voer een juiste gebruikersnaam en wachtwoord in"
GEBLOKKEERD = "Te veel mislukte pogingen"


def _inloggen(client, naam, wachtwoord, adres="127.0.0.1"):
    return client.post(
        reverse("accounts:login"), {"username": naam, "password": wachtwoord}, REMOTE_ADDR=adres
    )


def test_fifty_wrong_passwords_lock_the_account_after_the_limit(client, caplog, settings):
    UserFactory(username="regisseur")
    antwoorden = []
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        for _ in range(50):
            html = _inloggen(client, "regisseur", "fout").content.decode()
            antwoorden.append("fout" if FOUT in html else "blok" if GEBLOKKEERD in html else "?")
    limiet = settings.LOGIN_FAILURE_LIMIT
    assert antwoorden == ["fout"] * limiet + ["blok"] * (50 - limiet)
    # The right password during the lockout is refused too (it is not even tried).
    response = _inloggen(client, "regisseur", "geheim-wachtwoord")
    assert GEBLOKKEERD in response.content.decode()
    assert "_auth_user_id" not in client.session
    events = beveiligingslog(caplog)
    assert [e["object"] for e in events if e["action"] == "lockout"] == ["account:regisseur"]
    # 45 held off, and the right password after them
    assert sum(e["outcome"] == "locked" for e in events if e["action"] == "login") == 46
    # Held-off attempts do not extend the lockout: only the first five were recorded.
    assert MisluktePoging.objects.count() == limiet

    # After the cool-off the right password works, and clears the failures.
    MisluktePoging.objects.update(op=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    assert _inloggen(client, "regisseur", "geheim-wachtwoord").status_code == 302
    assert not MisluktePoging.objects.exists()


def test_an_account_that_does_not_exist_is_answered_the_same(client, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        _inloggen(client, "bestaat-niet", "fout")
    assert GEBLOKKEERD in _inloggen(client, "bestaat-niet", "fout").content.decode()


def test_an_address_has_its_own_higher_limit(client, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 8
    UserFactory(username="teamlid")
    for i in range(8):  # eight people, each mistyping once
        _inloggen(client, f"collega{i}", "fout", adres="198.51.100.7")
    assert (
        GEBLOKKEERD
        in _inloggen(client, "teamlid", "geheim-wachtwoord", adres="198.51.100.7").content.decode()
    )
    assert _inloggen(client, "teamlid", "geheim-wachtwoord", adres="203.0.113.9").status_code == 302


def test_a_success_starts_the_count_again(client, settings):
    UserFactory(username="teamlid")
    for _ in range(2):
        for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
            _inloggen(client, "teamlid", "fout")
        assert _inloggen(client, "teamlid", "geheim-wachtwoord").status_code == 302
        client.logout()


def test_the_beheerder_sees_the_lockout_and_unlocks(client, users, caplog, settings):
    teamlid = users["teamlid"]
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        _inloggen(client, teamlid.username, "fout")
    beheerder = client_for(users["beheerder"])
    lijst = beheerder.get(reverse("accounts:gebruiker-list")).content.decode()
    detail = reverse("accounts:gebruiker-detail", args=[teamlid.pk])
    assert lijst.count("geblokkeerd</strong>") == 1  # only the teamlid's row
    assert f'href="{detail}#toegang">ontgrendelen' in lijst
    pagina = beheerder.get(detail)
    assert "Geblokkeerd na te veel mislukte inlogpogingen" in pagina.content.decode()
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = beheerder.post(
            reverse("accounts:gebruiker-ontgrendelen", args=[teamlid.pk]),
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200
    assert "Geblokkeerd" not in response.content.decode()
    assert "geblokkeerd</strong>" not in beheerder.get(reverse("accounts:gebruiker-list")).text
    assert beveiligingslog(caplog)[-1]["action"] == "ontgrendelen"
    assert _inloggen(client, teamlid.username, "geheim-wachtwoord").status_code == 302
