"""Ids typed into a form by hand get a 404, never a 500 from the database layer."""

import pytest
from django.urls import reverse

from canvas.models import Blok
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import BijeenkomstFactory, ThematafelFactory


@pytest.mark.parametrize(
    "waarde", ["abc", "", "1; DROP TABLE x", "-1", "1.5", "99999999999999999999"]
)
def test_hand_made_ids_are_not_found(users, opgave, waarde):
    regisseur, beheerder = client_for(users["regisseur"]), client_for(users["beheerder"])
    team = reverse("opgaven:opgave-team", args=[opgave.pk])
    contact = reverse("participatie:contact", args=[opgave.pk])
    doel = CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN)
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
    sessie = BijeenkomstFactory(thematafel=ThematafelFactory(opgaven=[opgave]))
    bijeenkomst = reverse("participatie:bijeenkomst-detail", args=[sessie.pk])
    item = reverse("canvas:canvasitem-detail", args=[doel.pk])
    indicatoren = reverse("canvas:indicatoren", args=[opgave.pk])
    planning = reverse("canvas:planning", args=[activiteit.pk])
    posts = [
        (regisseur, item, {"formulier": "reactie-verwijderen", "reactie": waarde}),
        (regisseur, indicatoren, {"formulier": "meting-verwijderen", "meting": waarde}),
        (regisseur, indicatoren, {"formulier": "indicator-verwijderen", "indicator": waarde}),
        (regisseur, planning, {"formulier": "mijlpaal-behaald", "mijlpaal": waarde}),
        (regisseur, planning, {"formulier": "mijlpaal-verwijderen", "mijlpaal": waarde}),
        (
            regisseur,
            reverse("canvas:effectketen", args=[opgave.pk]),
            {"formulier": "schakel-verwijderen", "schakel": waarde},
        ),
        (
            regisseur,
            reverse("canvas:begroting", args=[opgave.pk]),
            {"formulier": "regel-verwijderen", "regel": waarde},
        ),
        (regisseur, team, {"actie": "verwijderen", "lid": waarde}),
        (regisseur, team, {"actie": "rol", "lid": waarde, "rol": "adviseur"}),
        (
            regisseur,
            contact,
            {"formulier": "afspraak-status", "afspraak": waarde, "status": "open"},
        ),
        (regisseur, contact, {"formulier": "vervolg-afgerond", "actie": waarde}),
        (beheerder, reverse("opgaven:referentielijsten"), {"domein_actief": waarde}),
        (
            regisseur,
            reverse("opgaven:agenda-verplaatsen"),
            {"verplaats": f"{waarde}:omhoog", "reden": "r"},
        ),
        (regisseur, reverse("rapportages:rapportage-create"), {"opgave": waarde}),
        (regisseur, bijeenkomst, {"formulier": "stemmen", "inbreng": waarde}),
        (regisseur, bijeenkomst, {"formulier": "overnemen", "inbreng": waarde}),
        (regisseur, bijeenkomst, {"formulier": "inbreng-verwijderen", "inbreng": waarde}),
        (regisseur, bijeenkomst, {"formulier": "actiepunt-verwijderen", "actiepunt": waarde}),
        (
            regisseur,
            bijeenkomst,
            {"formulier": "actiepunt-status", "actiepunt": waarde, "status": "open"},
        ),
    ]
    for client, url, data in posts:
        assert client.post(url, data).status_code == 404, (url, data)
