"""A page per gebied for gebiedsteams: its opgaven (also those in its wijken), the
stakeholders involved, sessions ahead, signals that wait and indicators."""

import datetime

from django.urls import reverse

from canvas.models import Blok, Indicator, Meting, Soort
from opgaven.models import GebiedSoort
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.opgaven.factories import GebiedFactory, OpgaveFactory
from tests.participatie.factories import (
    BetrokkenheidFactory,
    BijeenkomstFactory,
    SignaalFactory,
    ThematafelFactory,
)


def test_a_gebied_shows_its_opgaven_and_what_happens_there(users, opgave, andere_opgave):
    kern = GebiedFactory(naam="Broekhoven")
    wijk = GebiedFactory(naam="Broekhoven-Oost", soort=GebiedSoort.WIJK, bovenliggend=kern)
    opgave.gebieden.add(wijk)  # in a wijk of the kern: counts for the kern
    elders = OpgaveFactory(titel="Elders")
    elders.gebieden.add(GebiedFactory(naam="Meerveld"))
    BetrokkenheidFactory(opgave=opgave, stakeholder__naam="Dorpsraad Broekhoven")
    BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]), locatie="Het Dorpshuis")
    SignaalFactory(opgave=opgave, titel="Bus rijdt niet meer")
    effect = CanvasItemFactory(opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT)
    indicator = Indicator.objects.create(
        item=effect,
        naam="Ervaren eenzaamheid",
        eenheid="%",
        bron="ggd",
        nulmeting=40,
        nulmeting_datum=datetime.date(2024, 1, 1),
        streefwaarde=30,
        streefdatum=datetime.date(2028, 1, 1),
    )
    Meting.objects.create(indicator=indicator, datum=datetime.date(2026, 1, 1), waarde=41)

    response = client_for(users["regisseur"]).get(kern.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert opgave.get_absolute_url() in html and "Elders" not in html
    assert wijk.get_absolute_url() in html  # its wijken, linked
    assert "Dorpsraad Broekhoven" in html
    assert "Het Dorpshuis" in html
    assert "Bus rijdt niet meer" in html
    assert "Ervaren eenzaamheid" in html and "Achter op koers" in html
    # Linked from where the gebied is mentioned: the opgave's overview.
    overzicht = client_for(users["regisseur"]).get(opgave.get_absolute_url()).content.decode()
    assert wijk.get_absolute_url() in overzicht
    # The agenda's filter counts the same opgaven as the page.
    agenda = client_for(users["regisseur"]).get(reverse("opgaven:opgave-list"), {"gebied": kern.pk})
    assert opgave.get_absolute_url() in agenda.content.decode()


def test_partners_have_no_gebied_pages(users):
    kern = GebiedFactory()
    assert client_for(users["partner"]).get(kern.get_absolute_url()).status_code == 403
    assert client_for(users["regisseur"]).get("/opgaven/gebieden/999999/").status_code == 404


def test_a_partner_sees_the_gebieden_by_name_without_links_to_pages_they_cannot_open(users, opgave):
    kern = GebiedFactory(naam="Broekhoven")
    opgave.gebieden.add(kern)
    html = client_for(users["partner"]).get(opgave.get_absolute_url()).content.decode()
    assert "Broekhoven" in html and kern.get_absolute_url() not in html


def test_the_stakeholders_most_involved_come_first_then_the_latest_involved(users, opgave):
    kern = GebiedFactory(naam="Broekhoven")
    tweede = OpgaveFactory(titel="Tweede")
    for o in (opgave, tweede):
        o.gebieden.add(kern)
    BetrokkenheidFactory(opgave=opgave, stakeholder__naam="Aardewerkclub")  # one opgave, first
    gedeeld = BetrokkenheidFactory(opgave=opgave, stakeholder__naam="Zonnecoöperatie").stakeholder
    BetrokkenheidFactory(opgave=tweede, stakeholder=gedeeld)
    BetrokkenheidFactory(opgave=tweede, stakeholder__naam="Bibliotheek")  # one opgave, latest
    BetrokkenheidFactory(opgave=OpgaveFactory(), stakeholder__naam="Elders")  # not here

    html = client_for(users["regisseur"]).get(kern.get_absolute_url()).content.decode()
    sectie = html[html.index('id="stakeholders"') :]
    namen = ["Zonnecoöperatie", "Bibliotheek", "Aardewerkclub"]
    assert sorted(namen, key=sectie.index) == namen
    assert "in 2 opgaven" in sectie and "Elders" not in sectie
