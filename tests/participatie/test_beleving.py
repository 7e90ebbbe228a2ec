"""Personas and their journey."""

from django.urls import reverse

from canvas.models import Blok
from participatie.models import (
    Persona,
)
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for


def test_persona_links_to_doelgroepen_of_its_own_canvas_only(users, opgave, andere_opgave):
    eigen = CanvasItemFactory(opgave=opgave, blok=Blok.DOELGROEPEN, tekst="Ouderen in de kern")
    vreemd = CanvasItemFactory(opgave=andere_opgave, blok=Blok.DOELGROEPEN)
    client = client_for(users["regisseur"])
    url = reverse("participatie:persona-create", args=[opgave.pk])
    data = {"naam": "Riet (82)", "beschrijving": "Woont alleen.", "doelgroepen": [vreemd.pk]}
    response = client.post(url, data)
    assert response.status_code == 422
    assert "Kies doelgroepen uit het canvas van deze opgave." in response.content.decode()
    assert client.post(url, {**data, "doelgroepen": [eigen.pk]}).status_code == 302
    persona = Persona.objects.get()
    response = client.post(
        reverse("participatie:reisstap-create", args=[persona.pk]),
        {
            "stap-omschrijving": "Zoekt vervoer naar de huisarts",
            "stap-knelpunt": "Geen bus",
        },
    )
    assert response.status_code == 302
    page = client.get(persona.get_absolute_url()).content.decode()
    assert "Zoekt vervoer naar de huisarts" in page
    assert "Ouderen in de kern" in page
