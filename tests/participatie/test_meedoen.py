"""Meedoen, the public site for residents: published as an explicit step and hidden again as
one; every public URL shows what the team wrote for residents and nothing internal."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from canvas.models import Blok
from participatie import aanmelden
from participatie.models import Aanmelding, Houding, Publicatie
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, named_urls, tel_queries
from tests.participatie.factories import (
    BetrokkenheidFactory,
    BijeenkomstFactory,
    PersoonFactory,
    PublicatieFactory,
    ThematafelFactory,
)

pytestmark = pytest.mark.django_db


def _formulier(**anders) -> dict:
    return {
        "titel": "Samen aan de slag in de kernen",
        "slug": "kernen",
        "tekst": "Wat we willen bereiken, in gewone taal.",
        "contact": "Team Kernen, kernen@gemeente.example",
        "gepubliceerd": "on",
    } | anders


def test_the_team_publishes_and_unpublishes_the_page(users, opgave):
    team, bezoeker = client_for(users["teamlid"]), Client()
    url = reverse("participatie:publicatie", args=[opgave.pk])
    # Not on the site before it is written and published.
    assert bezoeker.get("/meedoen/kernen/").status_code == 404
    pagina = team.get(url)
    assert pagina.status_code == 200 and 'name="slug"' in pagina.text

    assert team.post(url, _formulier()).status_code == 302
    lijst = bezoeker.get(reverse("participatie:meedoen"))
    assert "Samen aan de slag in de kernen" in lijst.text
    assert bezoeker.get("/meedoen/kernen/").status_code == 200

    # Off again: gone from the list and its page, and its sessions' calendar files.
    sessie = BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]))
    ics = f"/meedoen/kernen/bijeenkomsten/{sessie.pk}.ics"
    assert bezoeker.get(ics).status_code == 200
    team.post(url, _formulier(gepubliceerd=""))
    assert "Samen aan de slag" not in bezoeker.get(reverse("participatie:meedoen")).text
    assert bezoeker.get("/meedoen/kernen/").status_code == 404
    assert bezoeker.get(ics).status_code == 404
    assert Publicatie.objects.get(opgave=opgave).gepubliceerd_op is not None  # kept


def test_a_bad_page_is_refused_in_dutch_and_keeps_what_was_typed(users, opgave, andere_opgave):
    PublicatieFactory(opgave=andere_opgave, slug="kernen")
    team = client_for(users["regisseur"])
    url = reverse("participatie:publicatie", args=[opgave.pk])
    antwoord = team.post(url, _formulier(tekst="x" * 3001, slug="Kernen met spaties"))
    assert antwoord.status_code == 422
    assert "Vul een geldige" in antwoord.text or "letters, cijfers" in antwoord.text
    assert "Zorg dat deze waarde" in antwoord.text  # too long, in Dutch
    antwoord = team.post(url, _formulier())
    assert antwoord.status_code == 422
    assert "Dit adres is al in gebruik bij een andere opgave." in antwoord.text
    assert "Samen aan de slag in de kernen" in antwoord.text  # kept
    assert not Publicatie.objects.filter(opgave=opgave).exists()


def test_no_public_url_shows_anything_internal(users, opgave, andere_opgave):
    """Walks every public route (from the resolver) for a published opgave full of internal
    data and for one that is not published."""
    publicatie = PublicatieFactory(opgave=opgave, slug="openbaar")
    verborgen = PublicatieFactory(opgave=andere_opgave, slug="verborgen", gepubliceerd=False)
    verborgen.titel = "NIET-GEPUBLICEERDE-TITEL"
    verborgen.save()
    tafel = ThematafelFactory(opgaven=[opgave], doel="INTERN-DOEL van de tafel")
    sessie = BijeenkomstFactory(
        thematafel=tafel, agenda="INTERNE-AGENDA met namen", aanmelden_open=True
    )
    andere = BijeenkomstFactory(
        thematafel=ThematafelFactory(opgaven=[andere_opgave]), aanmelden_open=True
    )
    bewoner = Aanmelding.objects.create(
        bijeenkomst=sessie, publicatie=publicatie, naam="Andere Bewoner", email="a@b.nl"
    )
    persoon = PersoonFactory(naam="Geheime Bewoner")
    BetrokkenheidFactory(opgave=opgave, stakeholder=persoon, houding=Houding.KRITISCH)
    CanvasItemFactory(opgave=opgave, blok=Blok.DOELGROEPEN, tekst="CONCEPT-CANVASTEKST")
    verboden = [
        "Geheime Bewoner",
        "Andere Bewoner",
        "a@b.nl",
        "INTERN-DOEL",
        "INTERNE-AGENDA",
        "CONCEPT-CANVASTEKST",
        "NIET-GEPUBLICEERDE-TITEL",
        str(opgave.opgaveregisseur),
        str(users["teamlid"]),
        opgave.titel,  # the internal title; residents get the team's own
    ]
    woorden = re.compile(r"houding|invloed|ladder|trede|belang|kritisch", re.IGNORECASE)
    openbaar = [n for n, _ in named_urls() if n.startswith("participatie:meedoen")]
    assert openbaar == [
        "participatie:meedoen",
        "participatie:meedoen-opgave",
        "participatie:meedoen-aanmelden",
        "participatie:meedoen-verstuurd",
        "participatie:meedoen-aanmelding",
        "participatie:meedoen-bijeenkomst-ics",
    ]
    slugs = ("openbaar", "verborgen")
    adressen = [
        reverse("participatie:meedoen"),
        *(reverse("participatie:meedoen-opgave", args=[s]) for s in slugs),
        *(
            reverse("participatie:meedoen-bijeenkomst-ics", args=[s, b.pk])
            for s in slugs
            for b in (sessie, andere)
        ),
        *(
            reverse("participatie:meedoen-aanmelden", args=[s, b.pk])
            for s in slugs
            for b in (sessie, andere)
        ),
        *(reverse("participatie:meedoen-verstuurd", args=[s]) for s in slugs),
        aanmelden.link(bewoner).removeprefix("http://testserver"),
    ]
    bezoeker, gezien = Client(), {}
    for adres in adressen:
        antwoord = bezoeker.get(adres)
        gezien[adres] = antwoord.status_code
        tekst = antwoord.content.decode()
        for woord in verboden:  # as typed, and as a page would show it (escaped)
            assert woord not in tekst and escape(woord) not in tekst, (adres, woord)
        if antwoord["Content-Type"].startswith("text/html"):  # markup only in pages
            assert hostile.SCRIPT not in tekst and hostile.IMG not in tekst, adres
        assert not woorden.search(tekst), (adres, woorden.search(tekst)[0])
    # What is published is there; the rest is not found.
    assert list(gezien.values())[:7] == [200, 200, 404, 200, 404, 404, 404]
    assert list(gezien.values())[7:] == [200, 404, 404, 404, 200, 404, 200]
    pagina = bezoeker.get(publicatie.get_absolute_url()).text
    assert "Waar het over gaat" in pagina and "Dorpshuis De Kern" in pagina
    ics = bezoeker.get(adressen[3])
    assert ics["Content-Type"].startswith("text/calendar")
    assert "LOCATION:Dorpshuis De Kern" in ics.content.decode()
    assert "/meedoen/openbaar/" in ics.content.decode()


def test_public_pages_cost_the_same_queries_for_more_opgaven_and_sessions(opgave):
    PublicatieFactory(opgave=opgave, slug="een")
    tafel = ThematafelFactory(opgaven=[opgave])
    BijeenkomstFactory(thematafel=tafel)
    bezoeker = Client()
    index = tel_queries(bezoeker, reverse("participatie:meedoen"))
    pagina = tel_queries(bezoeker, "/meedoen/een/")
    for _ in range(4):
        PublicatieFactory()
        BijeenkomstFactory(thematafel=tafel)
    assert tel_queries(bezoeker, reverse("participatie:meedoen")) == index
    assert tel_queries(bezoeker, "/meedoen/een/") == pagina
