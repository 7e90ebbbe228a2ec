"""The start page: my opgaven, what needs attention, recent changes."""

import pghistory
import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.conftest import client_for, tel_queries
from tests.opgaven.factories import OpgaveFactory


def _queries(client, url, params=None) -> int:
    return tel_queries(client, url, params)


def test_regisseur_sees_own_opgaven_attention_and_recent_changes(users, opgave, andere_opgave):
    opgave.voortgang = "risico"
    opgave.save()
    html = client_for(users["regisseur"]).get(reverse("home")).content.decode()
    mijn = html[html.index("Mijn opgaven") : html.index("Vraagt aandacht")]
    assert opgave.titel.split("<")[0] in mijn
    assert andere_opgave.titel.split("<")[0] not in mijn
    assert "Recent gewijzigd in mijn opgaven" in html


def test_teamlid_sees_the_opgaven_of_their_team(users, opgave):
    html = client_for(users["teamlid"]).get(reverse("home")).content.decode()
    assert opgave.get_absolute_url() in html


def test_raadslid_starts_at_the_reports(users):
    response = client_for(users["raadslid"]).get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("rapportages:rapportage-list")


@pytest.mark.parametrize("url_name", ["home", "opgaven:wie-werkt-waaraan"])
def test_queries_do_not_grow_with_opgaven(users, url_name):
    regisseur = users["regisseur"]
    client = client_for(regisseur)

    def add(n):
        # Changes made by a user, so "recent changes" names people in both sizes.
        with pghistory.context(user=regisseur.pk):
            for _ in range(n):
                o = OpgaveFactory(opgaveregisseur=regisseur, voortgang="aandacht")
                o.teamleden.add(UserFactory(rol="teamlid"))

    add(3)
    klein = _queries(client, reverse(url_name))
    add(27)
    assert _queries(client, reverse(url_name)) == klein
