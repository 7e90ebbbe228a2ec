"""The second step for local accounts: required for the configured roles, set up with a QR
code and a first code, then asked at every sign-in; recovery codes work once; wrong codes
count toward the lockout; the beheerder resets a lost phone."""

import base64
import logging
import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import UserFactory
from tests.conftest import beveiligingslog, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def verplicht(settings):
    settings.MFA_REQUIRED_ROLES = ["beheerder", "teamlid"]


def _code(sleutel: str, later: int = 0) -> str:
    """What the app shows now (or ``later`` steps of 30 seconds from now).

    Never in the last four seconds of a step: a code made then can be checked in the next
    step, django-otp then records a drift of one step, and a later code misses (a loaded
    CI machine did so once)."""
    if (rest := 30 - time.time() % 30) < 4:
        time.sleep(rest + 0.1)
    tekst = sleutel.replace(" ", "")
    totp = TOTP(base64.b32decode(tekst + "=" * (-len(tekst) % 8)))
    totp.time = time.time() + 30 * later
    return f"{totp.token():06d}"


def _inloggen(client, naam="teamlid"):
    return client.post(
        reverse("accounts:login"), {"username": naam, "password": "geheim-wachtwoord"}
    )


def _instellen(client) -> tuple[str, list[str]]:
    pagina = client.get(reverse("accounts:tweede-stap-instellen")).content.decode()
    assert "<svg" in pagina
    sleutel = re.search(r'data-testid="sleutel">([A-Z2-7 ]+)<', pagina).group(1)
    response = client.post(reverse("accounts:tweede-stap-instellen"), {"code": _code(sleutel)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    return sleutel, codes


def test_a_required_role_sets_up_the_second_step_before_anything_else(client, caplog):
    UserFactory(username="teamlid", rol="teamlid")
    response = _inloggen(client)
    assert response.status_code == 302
    # Every page leads to setting it up; htmx requests send the whole page there.
    response = client.get(reverse("opgaven:opgave-list"))
    assert response["Location"].startswith(reverse("accounts:tweede-stap-instellen"))
    response = client.get(reverse("opgaven:opgave-list"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"].startswith(reverse("accounts:tweede-stap-instellen"))

    pagina = client.get(reverse("accounts:tweede-stap-instellen")).content.decode()
    sleutel = re.search(r'data-testid="sleutel">([A-Z2-7 ]+)<', pagina).group(1)
    fout = client.post(reverse("accounts:tweede-stap-instellen"), {"code": "000000"})
    assert fout.status_code == 422
    assert "Deze code klopt niet" in fout.content.decode()
    assert sleutel in fout.content.decode()  # the same secret: no need to scan again
    time.sleep(1.1)  # django-otp makes the next try after a wrong code wait (1 s, 2 s, ...)
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client.post(reverse("accounts:tweede-stap-instellen"), {"code": _code(sleutel)})
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    inschrijven = [e for e in beveiligingslog(caplog) if e["action"] == "mfa_inschrijven"]
    assert [e["outcome"] for e in inschrijven] == ["failed", "ok"]
    assert client.get(reverse("opgaven:opgave-list")).status_code == 200


def test_every_sign_in_asks_for_a_code_and_a_recovery_code_works_once(client):
    UserFactory(username="teamlid", rol="teamlid")
    _inloggen(client)
    sleutel, codes = _instellen(client)
    client.post(reverse("accounts:logout"))

    _inloggen(client)
    response = client.get(reverse("home"))
    assert response["Location"].startswith(reverse("accounts:tweede-stap"))
    # Setting up a new app instead is not a way around it.
    response = client.get(reverse("accounts:tweede-stap-instellen"))
    assert response["Location"].startswith(reverse("accounts:tweede-stap"))
    response = client.post(reverse("accounts:tweede-stap"), {"code": codes[0]}, follow=True)
    assert "U gebruikte een herstelcode; er zijn er nog 9." in response.content.decode()
    client.post(reverse("accounts:logout"))

    _inloggen(client)
    response = client.post(reverse("accounts:tweede-stap"), {"code": codes[0]})
    assert response.status_code == 422
    assert "Deze code klopt niet" in response.content.decode()
    response = client.post(reverse("accounts:tweede-stap"), {"code": _code(sleutel, later=1)})
    assert response.status_code == 302
    assert client.get(reverse("opgaven:opgave-list")).status_code == 200


def test_wrong_codes_count_toward_the_lockout(client, settings):
    UserFactory(username="teamlid", rol="teamlid")
    _inloggen(client)
    _instellen(client)
    client.post(reverse("accounts:logout"))
    _inloggen(client)
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert client.post(reverse("accounts:tweede-stap"), {"code": "123456"}).status_code == 422
    response = client.post(reverse("accounts:tweede-stap"), {"code": "123456"})
    assert response["Location"] == reverse("accounts:login")
    assert "_auth_user_id" not in client.session
    assert "Te veel mislukte pogingen" in _inloggen(client).content.decode()


def test_a_role_without_the_requirement_signs_in_with_a_password(client):
    UserFactory(username="raadslid", rol="raadslid")
    _inloggen(client, "raadslid")
    assert client.get(reverse("rapportages:rapportage-list")).status_code == 200


def test_the_beheerder_resets_a_lost_phone(users):
    teamlid = users["teamlid"]
    client = client_for(teamlid)  # signed in: must set the second step up
    _instellen(client)
    beheerder = client_for(users["beheerder"])
    beheerder.session  # noqa: B018
    TOTPDevice.objects.filter(user=users["beheerder"]).delete()
    beheerder_sessie = beheerder.session
    beheerder_sessie["_tweede_stap"] = False  # (passed: this test is about the reset)
    beheerder_sessie.save()
    pagina = beheerder.get(reverse("accounts:gebruiker-detail", args=[teamlid.pk]))
    assert "Logt in met een tweede stap" in pagina.content.decode()
    beheerder.post(reverse("accounts:gebruiker-tweede-stap-resetten", args=[teamlid.pk]))
    assert not TOTPDevice.objects.filter(user=teamlid).exists()
    opnieuw = client_for(teamlid)
    response = opnieuw.get(reverse("home"))
    assert response["Location"].startswith(reverse("accounts:tweede-stap-instellen"))
