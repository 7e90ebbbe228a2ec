"""Overviews across opgaven: samenhang, shared stakeholders, who works on what."""

import re

import pytest
from django.urls import reverse

from opgaven.models import Domein, OpgaveRelatie
from tests.conftest import client_for, tel_queries
from tests.opgaven.factories import GebiedFactory, OpgaveFactory
from tests.participatie.factories import BetrokkenheidFactory, StakeholderFactory


def _queries(client, url, params=None) -> int:
    return tel_queries(client, url, params)


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


def test_who_works_on_what_finds_people_by_organisation(users, opgave, andere_opgave):
    users["teamlid"].organisatie = "Woonstichting Maasdal"
    users["teamlid"].save()
    html = (
        client_for(users["medewerker"])
        .get(reverse("opgaven:wie-werkt-waaraan"), {"q": "woonstichting"})
        .content.decode()
    )
    assert "Woonstichting Maasdal" in html
    assert opgave.get_absolute_url() in html
    assert andere_opgave.get_absolute_url() not in html


def test_the_overviews_show_fifty_at_a_time(users):
    """At scale: at 3,000 opgaven the samenhang page was 5.7 MB and took 2 s; who works on what
    listed every colleague. Fifty rows a page, the search kept across pages."""
    from opgaven.models import Opgave
    from tests.accounts.factories import UserFactory

    domein = Domein.objects.create(naam="Wonen")
    for i in range(52):
        OpgaveFactory(titel=f"Opgave {i:02d}", rang=i).domeinen.add(domein)
    # A whole title, link text to the end: the factory's own opgaven ("Opgave 518 ...")
    # contain "Opgave 51" too once its sequence gets there.
    eerst, laatst = ">Opgave 00</a>", ">Opgave 51</a>"
    client = client_for(users["regisseur"])
    eerste = client.get(reverse("opgaven:samenhang")).content.decode()
    assert eerst in eerste and laatst not in eerste
    totaal = Opgave.objects.count()
    assert f"Opgaven 1 tot en met 50 van {totaal}" in eerste and "Pagina 1 van 2" in eerste
    tweede = client.get(reverse("opgaven:samenhang"), {"pagina": 2}).content.decode()
    assert laatst in tweede and eerst not in tweede

    for i in range(51):
        lid = UserFactory(rol="teamlid", first_name="Vera", last_name=f"Visser {i:02d}")
        Opgave.objects.get(titel="Opgave 00").teamleden.add(lid)
    url = reverse("opgaven:wie-werkt-waaraan")
    html = client.get(url, {"q": "visser"}).content.decode()
    assert html.count("Vera Visser") == 50 and "Pagina 1 van 2" in html
    assert "q=visser&amp;pagina=2" in html


def test_who_works_on_what_shows_five_per_person_and_links_to_all(users):
    """At scale someone is on forty teams: the row shows the first five in agenda order and
    a link to the beleidsagenda filtered on that person, which lists them all."""
    from tests.accounts.factories import UserFactory

    lid = UserFactory(rol="teamlid", first_name="Vera", last_name="Visser")
    regisseur = UserFactory(rol="opgaveregisseur", first_name="Rik", last_name="Regie")
    for i in range(7):
        OpgaveFactory(titel=f"Team {i}", rang=i).teamleden.add(lid)
        OpgaveFactory(titel=f"Regie {i}", rang=10 + i, opgaveregisseur=regisseur)
    client = client_for(users["medewerker"])
    html = client.get(reverse("opgaven:wie-werkt-waaraan"), {"q": "vis"}).content.decode()
    assert all(f"Team {i}<" in html for i in range(5)) and "Team 5<" not in html
    assert f'?teamlid={lid.pk}">alle 7 bekijken' in html
    alle = client.get(reverse("opgaven:opgave-list"), {"teamlid": lid.pk}).content.decode()
    assert all(f"Team {i}" in alle for i in range(7)) and "Regie 0" not in alle
    html = client.get(reverse("opgaven:wie-werkt-waaraan"), {"q": "regie"}).content.decode()
    assert f'?opgaveregisseur={regisseur.pk}">alle 7 bekijken' in html and "Regie 5<" not in html
    alle = client.get(reverse("opgaven:opgave-list"), {"opgaveregisseur": regisseur.pk})
    assert all(f"Regie {i}" in alle.content.decode() for i in range(7))


def test_shared_stakeholders_most_shared_first_then_by_name_with_their_number(
    users, opgave, andere_opgave
):
    derde = OpgaveFactory()
    for naam, opgaven in [
        ("Bakkerij Peize", [opgave, andere_opgave]),
        ("Woonstichting", [opgave, andere_opgave, derde]),
        ("Atelier", [andere_opgave, derde]),
    ]:
        stakeholder = StakeholderFactory(naam=naam)
        for o in opgaven:
            BetrokkenheidFactory(opgave=o, stakeholder=stakeholder)
    html = (
        client_for(users["medewerker"])
        .get(reverse("participatie:gedeelde-stakeholders"))
        .content.decode()
    )
    tabel = html[html.index("<tbody") : html.index("</tbody>")]
    rijen = re.findall(r'<th scope="row"[^>]*>([^<]+)</th>\s*<td[^>]*>(\d+)</td>', tabel)
    assert rijen == [("Woonstichting", "3"), ("Atelier", "2"), ("Bakkerij Peize", "2")]
