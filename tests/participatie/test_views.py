from django.urls import reverse

from participatie.models import Betrokkenheid, Stakeholder
from tests.conftest import client_for
from tests.participatie.factories import BetrokkenheidFactory, StakeholderFactory

HTMX = {"HX-Request": "true"}


def _url(opgave):
    return reverse("participatie:betrokkenheid-create", args=[opgave.pk])


def test_new_stakeholder_is_added_in_place(users, opgave):
    client = client_for(users["teamlid"])
    response = client.post(
        _url(opgave),
        {
            "nieuwe_naam": "Dorpsraad Zoë",
            "nieuwe_soort": "belangenorganisatie",
            "rol": "partner",
            "invloed": 5,
            "belang": 5,
        },
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="betrokkenheden"')
    assert "Dorpsraad Zoë" in html
    assert "Nauw betrekken" in html
    assert Betrokkenheid.objects.get(opgave=opgave).stakeholder.naam == "Dorpsraad Zoë"


def test_existing_stakeholder_twice_is_refused_in_dutch(users, opgave):
    bestaand = BetrokkenheidFactory(opgave=opgave)
    client = client_for(users["regisseur"])
    response = client.post(
        _url(opgave),
        {"stakeholder": bestaand.stakeholder.pk, "rol": "partner", "invloed": 3, "belang": 3},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "al betrokken bij deze opgave" in response.content.decode()
    assert Betrokkenheid.objects.filter(opgave=opgave).count() == 1


def test_both_or_neither_stakeholder_is_explained(users, opgave):
    stakeholder = StakeholderFactory()
    client = client_for(users["regisseur"])
    both = client.post(
        _url(opgave),
        {
            "stakeholder": stakeholder.pk,
            "nieuwe_naam": "x",
            "nieuwe_soort": "inwoner",
            "rol": "partner",
            "invloed": 3,
            "belang": 3,
        },
        headers=HTMX,
    )
    neither = client.post(_url(opgave), {"rol": "partner", "invloed": 3, "belang": 3}, headers=HTMX)
    assert both.status_code == neither.status_code == 422
    assert "niet allebei" in both.content.decode()
    assert "Kies een bestaande stakeholder of vul de naam" in neither.content.decode()
    assert Stakeholder.objects.count() == 1


def test_out_of_range_scores_are_refused(users, opgave):
    client = client_for(users["regisseur"])
    response = client.post(
        _url(opgave),
        {
            "nieuwe_naam": "X",
            "nieuwe_soort": "inwoner",
            "rol": "partner",
            "invloed": 9,
            "belang": -1,
        },
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Betrokkenheid.objects.exists()


def test_without_javascript_the_form_page_works(users, opgave):
    client = client_for(users["regisseur"])
    page = client.get(_url(opgave))
    assert page.status_code == 200
    assert "<title>" in page.content.decode()
    response = client.post(
        _url(opgave),
        {
            "nieuwe_naam": "Buurtbus",
            "nieuwe_soort": "maatschappelijke_organisatie",
            "rol": "uitvoerder",
            "invloed": 2,
            "belang": 4,
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#betrokkenheden")


def test_delete_removes_only_the_betrokkenheid(users, opgave):
    b = BetrokkenheidFactory(opgave=opgave)
    client = client_for(users["regisseur"])
    response = client.post(reverse("participatie:betrokkenheid-delete", args=[b.pk]), headers=HTMX)
    assert response.status_code == 200
    assert not Betrokkenheid.objects.exists()
    assert Stakeholder.objects.filter(pk=b.stakeholder_id).exists()
