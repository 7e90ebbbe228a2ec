"""Ids typed or made by hand get a 404, never a 500 from the database layer."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Koppeling, Scope
from tests.conftest import client_for, named_urls

BUITEN_BIGINT = 99999999999999999999


# '²' passes str.isdigit but not int(): it gave a 500 where an id was checked that way.
@pytest.mark.parametrize(
    "waarde", ["abc", "", "1; DROP TABLE x", "-1", "1.5", "²", chr(0x661), BUITEN_BIGINT]
)
def test_hand_made_ids_in_forms_are_not_found(users, opgave, waarde):
    regisseur, bestuurder = client_for(users["regisseur"]), client_for(users["bestuurder"])
    verplaatsen = {"verplaats": f"{waarde}:omhoog", "reden": "r"}
    assert bestuurder.post(reverse("opgaven:agenda-verplaatsen"), verplaatsen).status_code == 404
    posts = [(reverse("rapportages:rapportage-create"), {"opgave": waarde})]
    if waarde != "":  # no moment: a report of now
        posts.append(
            (reverse("rapportages:rapportage-create"), {"opgave": "alle", "moment": waarde})
        )
    for url, data in posts:
        assert regisseur.post(url, data).status_code == 404, (url, data)


def test_ids_beyond_bigint_in_any_url_are_not_found(users):
    """Every route with an id, every id out of range: 404 for GET and POST (or 405)."""
    beheerder = client_for(users["beheerder"])
    # The API takes a koppeling's token, never a session.
    _koppeling, token = Koppeling.maken(naam="test", scope=Scope.LEZEN_SCHRIJVEN, door=None)
    api = Client(headers={"Authorization": f"Token {token}"})
    gevonden = 0
    for naam, pattern in named_urls():
        ints = [
            k for k, c in pattern.pattern.converters.items() if type(c).__name__ == "IntConverter"
        ]
        if not ints:
            continue
        kwargs = {
            k: "beleidsdoelen" if k == "blok" else BUITEN_BIGINT for k in pattern.pattern.converters
        }
        url = reverse(naam, kwargs=kwargs)
        client = api if naam.startswith("api:") else beheerder
        for methode in ("get", "post"):
            status = getattr(client, methode)(url).status_code
            assert status in (404, 405), (naam, methode, status)
        gevonden += 1
    assert gevonden > 40
