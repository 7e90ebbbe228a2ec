from django.urls import reverse

from canvas import effectketen
from canvas.models import Blok, Schakel, Soort
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries


def _keten(opgave):
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Sprint per kern")
    prestatie = CanvasItemFactory(
        opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, tekst="8 dorpshuizen vernieuwd"
    )
    effect = CanvasItemFactory(
        opgave=opgave,
        blok=Blok.PRESTATIES_EFFECTEN,
        soort=Soort.EFFECT,
        tekst="Minder isolement",
    )
    doel = CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN, tekst="Leefbare kernen")
    for van, naar in ((activiteit, prestatie), (prestatie, effect), (effect, doel)):
        Schakel.objects.create(van=van, naar=naar)
    return activiteit, prestatie, effect, doel


def test_a_complete_chain_has_no_loose_ends(users, opgave):
    _keten(opgave)
    page = client_for(users["medewerker"]).get(reverse("canvas:effectketen", args=[opgave.pk]))
    assert page.status_code == 200
    assert "Geen losse eindjes" in page.content.decode()


def test_the_loose_end_check_names_planted_gaps(users, opgave):
    _keten(opgave)
    CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Losse activiteit")
    CanvasItemFactory(
        opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT, tekst="Wees-effect"
    )
    page = (
        client_for(users["medewerker"])
        .get(reverse("canvas:effectketen", args=[opgave.pk]))
        .content.decode()
    )
    assert "Activiteit die geen beleidsdoel dient: “Losse activiteit”" in page
    assert "Effect zonder activiteiten: “Wees-effect”" in page
    assert "Sprint per kern”" not in page.split("Losse eindjes")[1].split("De keten")[0]


def test_team_links_items_in_a_direction_that_makes_sense(users, opgave):
    activiteit, _, effect, doel = _keten(opgave)
    client = client_for(users["teamlid"])
    url = reverse("canvas:schakel-create", args=[opgave.pk])
    response = client.post(url, {"schakel-van": doel.pk, "schakel-naar": activiteit.pk})
    assert response.status_code == 422
    assert "Zo loopt de keten niet" in response.content.decode()
    response = client.post(url, {"schakel-van": effect.pk, "schakel-naar": doel.pk})
    assert response.status_code == 422
    assert "Deze schakel staat al in de keten." in response.content.decode()
    assert (
        client.post(url, {"schakel-van": activiteit.pk, "schakel-naar": effect.pk}).status_code
        == 302
    )
    assert Schakel.objects.count() == 4


def test_items_of_another_opgave_cannot_be_linked(users, opgave, andere_opgave):
    activiteit, *_ = _keten(opgave)
    vreemd = CanvasItemFactory(opgave=andere_opgave, blok=Blok.BELEIDSDOELEN)
    response = client_for(users["regisseur"]).post(
        reverse("canvas:schakel-create", args=[opgave.pk]),
        {"schakel-van": activiteit.pk, "schakel-naar": vreemd.pk},
    )
    assert response.status_code == 422
    assert "Kies een item uit de effectketen van dit canvas." in response.content.decode()


def test_outsiders_cannot_change_the_chain(users, opgave):
    activiteit, prestatie, *_ = _keten(opgave)
    schakel = Schakel.objects.get(van=activiteit)
    client = client_for(users["teamlid_ander"])
    weg = reverse("canvas:schakel-delete", args=[opgave.pk, schakel.pk])
    assert client.post(weg).status_code == 403
    soort = reverse("canvas:canvasitem-soort", args=[opgave.pk, prestatie.pk])
    assert client.post(soort, {"soort": "effect"}).status_code == 403
    assert Schakel.objects.filter(pk=schakel.pk).exists()


def test_marking_an_item_as_effect_changes_its_place(users, opgave):
    activiteit, prestatie, *_ = _keten(opgave)
    client = client_for(users["regisseur"])
    url = reverse("canvas:canvasitem-soort", args=[opgave.pk, prestatie.pk])
    assert client.post(url, {"soort": "effect"}).status_code == 302
    prestatie.refresh_from_db()
    assert prestatie.soort == Soort.EFFECT
    geen_prestatie = reverse("canvas:canvasitem-soort", args=[opgave.pk, activiteit.pk])
    assert client.post(geen_prestatie, {"soort": "effect"}).status_code == 404


def test_hostile_text_in_the_chain_is_shown_not_run(users, opgave):
    CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst=hostile.text())
    page = (
        client_for(users["regisseur"])
        .get(reverse("canvas:effectketen", args=[opgave.pk]))
        .content.decode()
    )
    assert hostile.SCRIPT not in page and hostile.IMG not in page


def test_chain_page_costs_the_same_queries_with_more_items(users, opgave, andere_opgave):
    client = client_for(users["regisseur"])
    counts = []
    for doel, n in ((opgave, 1), (andere_opgave, 10)):
        for _ in range(n):
            _keten(doel)
        counts.append(tel_queries(client, reverse("canvas:effectketen", args=[doel.pk])))
    assert counts[0] == counts[1], counts


def test_labels_wrap_inside_their_boxes_with_forty_nodes(users, opgave):
    """Forty items with long texts: each label is at most three lines that fit the box, a
    cut one ends in an ellipsis, the full text is the tooltip and in the list; the count
    under a box says what it means."""
    lang = "Inwoners van de kleine kernen ontmoeten elkaar minstens eens per week dichtbij huis"
    items = [
        CanvasItemFactory(opgave=opgave, blok=blok, tekst=f"{i} {lang}")
        for i, blok in enumerate([Blok.ACTIVITEITEN, Blok.BELEIDSDOELEN] * 20)
    ]
    Schakel.objects.create(
        van=items[0],
        naar=CanvasItemFactory(
            opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT, tekst="Effect"
        ),
    )
    for item in items:
        regels = effectketen.regels(item.tekst)
        assert 1 <= len(regels) <= effectketen.REGELS
        assert all(len(r) <= effectketen.TEKENS for r in regels)
    assert effectketen.regels(lang * 3)[-1].endswith("…")
    assert effectketen.regels("Kort") == ["Kort"]
    # The lines sit inside the box, whatever the row.
    assert effectketen.REGELS * effectketen.REGEL_H + 20 <= effectketen.VAK_H

    html = (
        client_for(users["regisseur"])
        .get(reverse("canvas:effectketen", args=[opgave.pk]))
        .content.decode()
    )
    assert f"<title>0 {lang}</title>" in html  # the full text on hover
    assert f"0 {lang}</span>" in html  # and in the list alternative
    assert "draagt bij aan 1 stap verder" in html
    assert "draagt nog nergens aan bij" in html
    assert html.count('class="app-keten__knoop') == 41
