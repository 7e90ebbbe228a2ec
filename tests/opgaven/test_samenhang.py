import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opgaven.models import Domein, OpgaveRelatie
from tests.conftest import client_for
from tests.opgaven.factories import GebiedFactory, OpgaveFactory
from tests.participatie.factories import BetrokkenheidFactory, StakeholderFactory

HTMX = {"HX-Request": "true"}


def _relatie(client, opgave, naar, soort="versterkt", toelichting="Samen ontmoeten."):
    return client.post(
        reverse("opgaven:relatie-create", args=[opgave.pk]),
        {
            "samenhang-naar": naar.pk if naar else "",
            "samenhang-soort": soort,
            "samenhang-toelichting": toelichting,
        },
        headers=HTMX,
    )


def test_relation_is_shown_on_both_opgaven(users, opgave, andere_opgave):
    response = _relatie(client_for(users["regisseur"]), opgave, andere_opgave)
    assert response.status_code == 200
    assert "Deze opgave versterkt" in response.content.decode()
    andere_hub = (
        client_for(users["medewerker"]).get(andere_opgave.get_absolute_url()).content.decode()
    )
    assert "versterkt deze opgave" in andere_hub


def test_duplicate_in_either_direction_and_self_are_refused(users, opgave, andere_opgave):
    _relatie(client_for(users["regisseur"]), opgave, andere_opgave)
    terug = _relatie(client_for(users["regisseur2"]), andere_opgave, opgave, soort="botst_met")
    assert terug.status_code == 422
    assert "al vastgelegd" in terug.content.decode()
    zelf = client_for(users["regisseur"]).post(
        reverse("opgaven:relatie-create", args=[opgave.pk]),
        {"samenhang-naar": opgave.pk, "samenhang-soort": "versterkt"},
        headers=HTMX,
    )
    assert zelf.status_code == 422
    assert OpgaveRelatie.objects.count() == 1


def test_outsider_cannot_relate_or_delete(users, opgave, andere_opgave):
    relatie = OpgaveRelatie.objects.create(van=opgave, naar=andere_opgave, soort="raakt_aan")
    client = client_for(users["teamlid_ander"])
    assert _relatie(client, opgave, andere_opgave).status_code == 403
    url = reverse("opgaven:relatie-delete", args=[opgave.pk, relatie.pk])
    assert client.post(url).status_code == 403
    assert OpgaveRelatie.objects.exists()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url_name", ["opgaven:samenhang", "participatie:gedeelde-stakeholders"])
def test_overviews_cost_the_same_with_3_or_30_opgaven(users, url_name):
    client = client_for(users["medewerker"])
    domein, gebied, stakeholder = (
        Domein.objects.create(naam="Wonen"),
        GebiedFactory(),
        StakeholderFactory(),
    )

    def add(n):
        vorige = None
        for _ in range(n):
            o = OpgaveFactory()
            o.domeinen.add(domein, Domein.objects.create(naam=f"D{o.pk}"))
            o.gebieden.add(gebied)
            BetrokkenheidFactory(opgave=o, stakeholder=stakeholder)
            BetrokkenheidFactory(opgave=o)
            if vorige:
                OpgaveRelatie.objects.create(van=o, naar=vorige, soort="raakt_aan")
            vorige = o

    add(3)
    klein = _queries(client, reverse(url_name))
    add(27)
    groot = _queries(client, reverse(url_name))
    assert klein == groot


def test_shared_stakeholders_lists_only_those_in_two_or_more(users, opgave, andere_opgave):
    gedeeld = StakeholderFactory(naam="Woonstichting Maasdal")
    BetrokkenheidFactory(opgave=opgave, stakeholder=gedeeld)
    BetrokkenheidFactory(opgave=andere_opgave, stakeholder=gedeeld)
    BetrokkenheidFactory(opgave=opgave, stakeholder=StakeholderFactory(naam="Alleen hier"))
    html = (
        client_for(users["medewerker"])
        .get(reverse("participatie:gedeelde-stakeholders"))
        .content.decode()
    )
    assert "Woonstichting Maasdal" in html
    assert "Alleen hier" not in html
    assert (
        client_for(users["raadslid"]).get(reverse("participatie:gedeelde-stakeholders")).status_code
        == 403
    )
