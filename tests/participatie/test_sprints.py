"""Opgavesprints: numbered, and sprint 1 asks for the intent and the approach so far."""

from django.urls import reverse

from participatie.models import (
    Opgavesprint,
)
from tests.conftest import client_for


def test_sprints_are_numbered_and_sprint_one_asks_for_the_intent(users, opgave):
    client = client_for(users["regisseur"])
    url = reverse("participatie:sprint-create", args=[opgave.pk])
    basis = {
        "startdatum": "2027-01-04",
        "einddatum": "2027-01-29",
        "doel": "Ontmoetingsplek in Oosterhout",
    }
    response = client.post(url, basis)
    assert response.status_code == 422
    assert "Sprint 1 begint met de maatschappelijke bedoeling" in response.content.decode()
    eerste = {
        **basis,
        "maatschappelijke_bedoeling": "Vitale kern",
        "aanpak_tot_nu_toe": "Gesprekken",
    }
    assert client.post(url, eerste).status_code == 302
    assert (
        client.post(
            url, {**basis, "startdatum": "2027-02-01", "einddatum": "2027-02-26"}
        ).status_code
        == 302
    )
    assert list(opgave.sprints.values_list("nummer", flat=True)) == [1, 2]


def test_a_sprint_that_ends_before_it_starts_is_refused(users, opgave):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:sprint-create", args=[opgave.pk]),
        {
            "startdatum": "2027-03-01",
            "einddatum": "2027-02-01",
            "doel": "d",
            "maatschappelijke_bedoeling": "b",
            "aanpak_tot_nu_toe": "a",
        },
    )
    assert response.status_code == 422
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()
    assert not Opgavesprint.objects.exists()
