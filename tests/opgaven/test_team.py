import pytest
from django.urls import reverse

from opgaven.models import Teamlidmaatschap
from tests.conftest import client_for

HTMX = {"HX-Request": "true"}


def _team(client, opgave, actie="toevoegen", lid=None, **data):
    if actie == "toevoegen":
        url = reverse("opgaven:teamlid-create", args=[opgave.pk])
    else:
        url = reverse(f"opgaven:teamlid-{actie}", args=[opgave.pk, lid])
    return client.post(url, data, headers=HTMX)


def test_regisseur_adds_changes_and_removes_a_team_member(users, opgave):
    client = client_for(users["regisseur"])
    response = _team(
        client,
        opgave,
        actie="toevoegen",
        **{"team-user": users["medewerker"].pk, "team-rol": "adviseur"},
    )
    assert response.status_code == 200
    lid = Teamlidmaatschap.objects.get(opgave=opgave, user=users["medewerker"])
    assert lid.rol == "adviseur"
    assert "Adviseur" in response.content.decode()
    _team(client, opgave, actie="rol", lid=lid.pk, rol="projectleider")
    lid.refresh_from_db()
    assert lid.rol == "projectleider"
    _team(client, opgave, actie="delete", lid=lid.pk)
    assert not Teamlidmaatschap.objects.filter(pk=lid.pk).exists()


@pytest.mark.parametrize("wie", ["raadslid", "teamlid"])
def test_raadsleden_and_current_members_cannot_be_added(users, opgave, wie):
    response = _team(
        client_for(users["regisseur"]),
        opgave,
        actie="toevoegen",
        **{"team-user": users[wie].pk, "team-rol": "kernteam"},
    )
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert Teamlidmaatschap.objects.filter(opgave=opgave).count() == 1


def test_bad_role_changes_nothing(users, opgave):
    lid = Teamlidmaatschap.objects.get(opgave=opgave)
    response = _team(client_for(users["regisseur"]), opgave, actie="rol", lid=lid.pk, rol="koning")
    assert response.status_code == 422
    lid.refresh_from_db()
    assert lid.rol == "kernteam"


def test_member_of_another_opgave_cannot_be_touched_through_this_one(users, opgave, andere_opgave):
    ander = Teamlidmaatschap.objects.get(opgave=andere_opgave)
    response = _team(client_for(users["regisseur"]), opgave, actie="delete", lid=ander.pk)
    assert response.status_code == 404
    assert Teamlidmaatschap.objects.filter(pk=ander.pk).exists()


def test_teamlid_cannot_change_the_team(users, opgave):
    lid = Teamlidmaatschap.objects.get(opgave=opgave)
    response = _team(client_for(users["teamlid"]), opgave, actie="delete", lid=lid.pk)
    assert response.status_code == 403
    assert Teamlidmaatschap.objects.filter(pk=lid.pk).exists()
