"""Participation across opgaven and on the start page."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.conftest import client_for, tel_queries
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
    assert "Wat wacht op u" in start and "Zaal huren" in start
    hub = client.get(opgave.get_absolute_url()).content.decode()
    assert "1 keer inbreng wacht op terugkoppeling" in hub
    assert "1 open actiepunt van bijeenkomsten" in hub
    participatie = client.get(reverse("participatie:opgave-participatie", args=[opgave.pk]))
    assert sessie.thematafel.get_absolute_url() in participatie.content.decode()


def test_each_list_pages_on_its_own_and_says_how_much_waits(users, tafel):
    """At scale the overview cut the open inbreng at 200 and the sessions ahead at 50
    without a word (371 and 465 in the scale data); now each list shows fifty a page."""
    sessie = BijeenkomstFactory(thematafel=tafel, locatie="Dorpshuis")
    for i in range(51):
        InbrengFactory(bijeenkomst=sessie, tekst=f"Lus {i:02d}")
    ActiepuntFactory(bijeenkomst=sessie, eigenaar=users["regisseur"], omschrijving="Bellen")
    client = client_for(users["regisseur"])
    url = reverse("participatie:overzicht")
    eerste = client.get(url, {"actiepunten": "alle"}).content.decode()
    assert "51 keer inbreng wacht op terugkoppeling" in eerste
    assert "Lus 49" in eerste and "Lus 50" not in eerste and "Bellen" in eerste
    assert 'href="?actiepunten=alle&amp;inbreng=2#open-inbreng"' in eerste
    tweede = client.get(url, {"actiepunten": "alle", "inbreng": 2}).content.decode()
    assert "Lus 50" in tweede and "Lus 49" not in tweede
    assert "Bellen" in tweede and "Dorpshuis" in tweede  # the other lists stay on page 1
    for kapot in ("abc", "-1", "99999999999999999999"):
        assert client.get(url, {"inbreng": kapot}).status_code == 200


def test_the_overview_reads_its_rows_in_the_same_queries_however_many(users, tafel):
    """Its lists read only the columns they show; one left out would be read again
    for every row. One row in each list, then six: the same number of queries."""
    client = client_for(users["regisseur"])
    url = reverse("participatie:overzicht") + "?actiepunten=alle"
    aantallen = []
    for erbij in (1, 5):
        for _ in range(erbij):
            sessie = BijeenkomstFactory(thematafel=tafel)
            ActiepuntFactory(bijeenkomst=sessie, deadline=datetime.date(2020, 1, 1))
            InbrengFactory(bijeenkomst=sessie)
        aantallen.append(tel_queries(client, url))
    assert aantallen[0] == aantallen[1], aantallen
    pagina = client.get(url).content.decode()
    assert pagina.count("te laat</strong>") == 6 and pagina.count("uiterlijk") == 6


def test_the_header_counts_open_actions_above_every_workspace_page(users, opgave, sessie):
    """Above the overview the header shares every figure with "wat komt er"; above the
    other pages, and when it reloads itself, it counts only what it shows. Both the same."""
    from participatie.models import Afspraak, Contactmoment, Vervolgactie
    from tests.participatie.factories import StakeholderFactory

    regisseur = users["regisseur"]
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    for deadline in (gisteren, timezone.localdate()):
        Afspraak.objects.create(
            opgave=opgave,
            omschrijving="a",
            belover=StakeholderFactory(),
            eigenaar=regisseur,
            deadline=deadline,
        )
    Afspraak.objects.create(  # kept: not open
        opgave=opgave,
        omschrijving="a",
        belover=StakeholderFactory(),
        eigenaar=regisseur,
        deadline=gisteren,
        status="nagekomen",
    )
    contact = Contactmoment.objects.create(
        opgave=opgave, datum=gisteren, soort="gesprek", samenvatting="s"
    )
    Vervolgactie.objects.create(
        contactmoment=contact, omschrijving="v", eigenaar=regisseur, deadline=gisteren
    )
    ActiepuntFactory(bijeenkomst=sessie, eigenaar=regisseur)
    ActiepuntFactory(bijeenkomst=sessie, eigenaar=regisseur, status="gereed")
    client = client_for(regisseur)
    contact_url = reverse("participatie:contact", args=[opgave.pk])
    kop = f'href="{contact_url}">4</a> <span class="app-waarschuwing">(1 te laat)</span>'
    for url in (
        opgave.get_absolute_url(),
        reverse("opgaven:opgave-team", args=[opgave.pk]),
        reverse("canvas:canvas-detail", args=[opgave.pk]),
        reverse("opgaven:opgave-kop", args=[opgave.pk]),
    ):
        assert kop in client.get(url).content.decode(), url
