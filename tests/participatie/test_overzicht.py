"""Participation across opgaven and on the start page."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for
from tests.participatie.factories import (
    ActiepuntFactory,
    BijeenkomstFactory,
    InbrengFactory,
)


def test_overview_shows_upcoming_sessions_open_actions_and_open_loops(users, tafel):
    komend = BijeenkomstFactory(thematafel=tafel, locatie="Komende plek")
    BijeenkomstFactory(
        thematafel=tafel,
        locatie="Vorige plek",
        begint_op=timezone.now() - datetime.timedelta(days=30),
        eindigt_op=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    ActiepuntFactory(bijeenkomst=komend, eigenaar=users["teamlid"], omschrijving="Mijn actie")
    ActiepuntFactory(bijeenkomst=komend, eigenaar=users["regisseur"], omschrijving="Andermans")
    ActiepuntFactory(
        bijeenkomst=komend, eigenaar=users["teamlid"], omschrijving="Klaar", status="gereed"
    )
    InbrengFactory(bijeenkomst=komend, tekst="Open lus")
    InbrengFactory(bijeenkomst=komend, tekst="Gesloten lus", terugkoppeling="in_onderzoek")
    client = client_for(users["teamlid"])
    page = client.get(reverse("participatie:overzicht")).content.decode()
    assert "Komende plek" in page and "Vorige plek" not in page
    assert "Mijn actie" in page and "Andermans" not in page and "Klaar" not in page
    assert "Open lus" in page and "Gesloten lus" not in page
    alle = client.get(reverse("participatie:overzicht"), {"actiepunten": "alle"}).content.decode()
    assert "Mijn actie" in alle and "Andermans" in alle and "Klaar" not in alle


def test_start_page_and_hub_show_what_waits(users, sessie, opgave):
    ActiepuntFactory(bijeenkomst=sessie, eigenaar=users["regisseur"], omschrijving="Zaal huren")
    InbrengFactory(bijeenkomst=sessie)
    client = client_for(users["regisseur"])
    start = client.get(reverse("home")).content.decode()
    assert "Wacht op u" in start and "Zaal huren" in start
    hub = client.get(opgave.get_absolute_url()).content.decode()
    assert "1 keer inbreng wacht op terugkoppeling" in hub
    assert "1 open actiepunt van bijeenkomsten" in hub
    participatie = client.get(reverse("participatie:opgave-participatie", args=[opgave.pk]))
    assert sessie.thematafel.get_absolute_url() in participatie.content.decode()
