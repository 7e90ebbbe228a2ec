"""Pages cost the same number of queries with 3 or 30 related rows."""

from datetime import date

import pytest
from django.urls import reverse

from canvas.models import Blok
from opgaven.models import Domein, FaseWijziging, OpgaveRelatie, VoortgangMelding
from participatie.models import Opgavesprint
from tests.accounts.factories import UserFactory
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries
from tests.opgaven.factories import GebiedFactory, OpgaveFactory
from tests.participatie.factories import (
    ActiepuntFactory,
    BetrokkenheidFactory,
    BijeenkomstFactory,
    InbrengFactory,
    SignaalFactory,
    ThematafelFactory,
)


def _fill(opgave, n: int) -> None:
    blokken = list(Blok)
    for i in range(n):
        BetrokkenheidFactory(opgave=opgave)
        CanvasItemFactory(opgave=opgave, blok=blokken[i % len(blokken)])
        opgave.gebieden.add(GebiedFactory())
        opgave.teamleden.add(UserFactory(rol="teamlid"))
        opgave.domeinen.add(Domein.objects.create(naam=f"Domein {opgave.pk}-{i}"))
        FaseWijziging.objects.create(
            opgave=opgave,
            van_fase="verkennen",
            naar_fase="formuleren",
            datum=date(2026, 1, 1),
            toelichting="t",
            door=opgave.opgaveregisseur,
        )
        OpgaveRelatie.objects.create(van=opgave, naar=OpgaveFactory(), soort="raakt_aan")
        VoortgangMelding.objects.create(
            opgave=opgave, voortgang="risico", toelichting="t", door=opgave.opgaveregisseur
        )


@pytest.mark.parametrize(
    "url_name", ["opgaven:opgave-detail", "canvas:canvas-detail", "opgaven:opgave-list"]
)
def test_queries_do_not_grow_with_related_rows(users, url_name):
    client = client_for(users["regisseur"])
    klein, groot = OpgaveFactory(), OpgaveFactory()
    _fill(klein, 3)
    _fill(groot, 30)
    args = [] if url_name == "opgaven:opgave-list" else None
    if args is None:
        counts = [tel_queries(client, reverse(url_name, args=[o.pk])) for o in (klein, groot)]
    else:
        before = tel_queries(client, reverse(url_name))
        for _ in range(27):
            _fill(OpgaveFactory(), 1)
        counts = [before, tel_queries(client, reverse(url_name))]
    assert counts[0] == counts[1], counts


def _participatie(opgave, n: int, eigenaar) -> tuple:
    """A thematafel with n sessions, and in its first session n of everything."""
    tafel = ThematafelFactory(opgaven=[opgave])
    sessies = [BijeenkomstFactory(thematafel=tafel) for _ in range(n)]
    eerste = sessies[0]
    for i in range(n):
        stakeholder = BetrokkenheidFactory(opgave=opgave).stakeholder
        eerste.uitgenodigd.add(stakeholder)
        eerste.aanwezig.add(stakeholder)
        item = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
        InbrengFactory(
            bijeenkomst=eerste,
            stakeholder=stakeholder,
            blokken=[Blok.DOELGROEPEN],
            canvas_item=item if i % 2 else None,
        )
        ActiepuntFactory(bijeenkomst=eerste, eigenaar=eigenaar)
        SignaalFactory(opgave=opgave)
        Opgavesprint.objects.create(
            opgave=opgave,
            nummer=i + 1,
            startdatum=date(2027, 1, 1),
            einddatum=date(2027, 1, 20),
            doel="d",
            maatschappelijke_bedoeling="b",
            aanpak_tot_nu_toe="a",
        )
    return tafel, eerste


@pytest.mark.parametrize(
    "pagina",
    [
        "bijeenkomst",
        "thematafel",
        "opgave-participatie",
        "overzicht",
        "signalen",
        "canvas",
    ],
)
def test_participation_pages_do_not_grow_with_rows(db, pagina):
    counts = []
    for n in (3, 30):
        regisseur = UserFactory(rol="opgaveregisseur")
        client = client_for(regisseur)
        opgave = OpgaveFactory(opgaveregisseur=regisseur)
        tafel, eerste = _participatie(opgave, n, regisseur)
        url = {
            "bijeenkomst": eerste.get_absolute_url(),
            "thematafel": tafel.get_absolute_url(),
            "opgave-participatie": reverse("participatie:opgave-participatie", args=[opgave.pk]),
            "overzicht": reverse("participatie:overzicht") + "?actiepunten=alle",
            "signalen": reverse("participatie:signaal-list"),
            "canvas": reverse("canvas:canvas-detail", args=[opgave.pk]),
        }[pagina]
        counts.append(tel_queries(client, url))
    assert counts[0] == counts[1], counts
