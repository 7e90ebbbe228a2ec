import logging

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.conftest import beveiligingslog


@pytest.mark.django_db
def test_wrong_password_is_explained_in_dutch_and_logged(client, caplog):
    UserFactory(username="regisseur")
    with caplog.at_level(logging.INFO, logger="opgavenregie.security"):
        response = client.post(
            reverse("accounts:login"), {"username": "regisseur", "password": "fout"}
        )
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
    # Nothing was being saved: the summary says what did not work.
    assert "Inloggen is niet gelukt" in response.content.decode()
    assert "Dit is niet opgeslagen; wat u invulde" not in response.content.decode()
    events = beveiligingslog(caplog)
    assert events[-1]["action"] == "login"
    assert events[-1]["outcome"] == "failed"
    assert events[-1]["object"] == "regisseur"
    assert events[-1]["source"] == "127.0.0.1"


@pytest.mark.django_db
@pytest.mark.parametrize(("rol", "start"), [("raadslid", "/rapportages/"), ("medewerker", "/")])
def test_each_role_starts_where_its_work_is(client, rol, start):
    UserFactory(username="iemand", rol=rol)
    response = client.post(
        reverse("accounts:login"),
        {"username": "iemand", "password": "geheim-wachtwoord"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == start
    assert response.status_code == 200


@pytest.mark.django_db
def test_local_login_switched_off_refuses_the_password(client, settings):
    settings.LOCAL_LOGIN = False
    UserFactory(username="regisseur")
    response = client.post(
        reverse("accounts:login"), {"username": "regisseur", "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'name="password"' not in response.content.decode()


@pytest.mark.django_db
def test_permissions_come_from_the_rules_alone(django_assert_num_queries):
    """A permission in Django's tables gives nothing (the roles decide), and asking for one
    the rules refuse costs no queries (the menu asks on every page)."""
    from django.contrib.auth.models import Permission

    regisseur = UserFactory(rol="opgaveregisseur")
    regisseur.user_permissions.add(Permission.objects.get(codename="delete_opgave"))
    with django_assert_num_queries(0):
        assert not regisseur.has_perm("opgaven.delete_opgave")
        assert not regisseur.has_perm("accounts.manage_gebruikers")
        assert regisseur.has_perm("opgaven.view_opgave")
    assert UserFactory(rol="beheerder").has_perm("accounts.manage_gebruikers")
