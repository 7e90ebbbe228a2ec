from django.urls import reverse

from participatie.models import Signaal, SignaalStatus
from tests import hostile
from tests.conftest import client_for
from tests.participatie.factories import SignaalFactory


def test_medewerker_files_a_signal_and_sees_the_answer(users, opgave):
    medewerker = client_for(users["medewerker"])
    response = medewerker.post(
        reverse("participatie:signaal-create"),
        {
            "opgave": opgave.pk,
            "titel": "Mantelzorgboete",
            "beschrijving": f"De kostendelersnorm raakt mantelzorgers. {hostile.SCRIPT}",
        },
    )
    signaal = Signaal.objects.get()
    assert response.status_code == 302
    assert signaal.ingediend_door == users["medewerker"]
    assert signaal.status == SignaalStatus.NIEUW

    regisseur = client_for(users["regisseur"])
    wachtend = regisseur.get(reverse("participatie:signaal-list")).content.decode()
    assert "Mantelzorgboete" in wachtend
    response = regisseur.post(
        reverse("participatie:signaal-beantwoorden", args=[signaal.pk]),
        {"antwoord-antwoord": "We passen de regel aan."},
    )
    assert response.status_code == 302
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.BEANTWOORD
    assert signaal.beantwoord_door == users["regisseur"]

    page = medewerker.get(signaal.get_absolute_url()).content.decode()
    assert "We passen de regel aan." in page
    assert hostile.SCRIPT not in page
    mijn = medewerker.get(reverse("participatie:signaal-list")).content.decode()
    assert "Beantwoord" in mijn


def test_closing_a_signal_needs_an_answer(users, opgave):
    signaal = SignaalFactory(opgave=opgave)
    response = client_for(users["regisseur"]).post(
        reverse("participatie:signaal-beantwoorden", args=[signaal.pk]),
        {"antwoord-antwoord": "  "},
    )
    assert response.status_code == 422
    assert "Schrijf een antwoord" in response.content.decode()
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.NIEUW


def test_a_signal_is_routed_on_to_another_opgave(users, opgave, andere_opgave):
    signaal = SignaalFactory(opgave=opgave)
    response = client_for(users["regisseur"]).post(
        reverse("participatie:signaal-doorsturen", args=[signaal.pk]),
        {"doorsturen-opgave": andere_opgave.pk},
    )
    assert response.status_code == 302
    signaal.refresh_from_db()
    assert signaal.opgave == andere_opgave
    wachtend = client_for(users["regisseur2"]).get(reverse("participatie:signaal-list"))
    assert signaal.get_absolute_url() in wachtend.content.decode()


def test_an_answered_signal_cannot_be_answered_again(users, opgave):
    signaal = SignaalFactory(
        opgave=opgave, status=SignaalStatus.BEANTWOORD, antwoord="Eerste antwoord"
    )
    client_for(users["regisseur"]).post(
        reverse("participatie:signaal-beantwoorden", args=[signaal.pk]),
        {"antwoord-antwoord": "Tweede"},
    )
    signaal.refresh_from_db()
    assert signaal.antwoord == "Eerste antwoord"


def test_a_signal_to_an_opgave_that_does_not_exist_is_explained(users):
    response = client_for(users["medewerker"]).post(
        reverse("participatie:signaal-create"),
        {"opgave": 999999, "titel": "t", "beschrijving": "b"},
    )
    assert response.status_code == 422
    assert "Kies een bestaande opgave." in response.content.decode()
