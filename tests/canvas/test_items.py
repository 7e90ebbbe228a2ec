"""Canvas items: order (buttons and whole-block), owner and status, the comment thread."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from canvas.models import ZONES, Blok, CanvasItem, ItemStatus, Reactie
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries

HTMX = {"HX-Request": "true"}


def _orde(opgave, blok=Blok.ACTIVITEITEN) -> list[str]:
    return list(
        CanvasItem.objects.filter(opgave=opgave, blok=blok)
        .order_by("volgorde", "pk")
        .values_list("tekst", flat=True)
    )


@pytest.fixture
def drie(opgave):
    return [
        CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst=t, volgorde=i)
        for i, t in enumerate(["A", "B", "C"], start=1)
    ]


def _verplaats(client, item, richting, headers=HTMX):
    return client.post(
        reverse("canvas:canvasitem-verplaatsen", args=[item.pk]),
        {"richting": richting},
        headers=headers,
    )


def test_move_up_and_down_keeps_focus_on_the_moved_item(users, opgave, drie):
    client = client_for(users["teamlid"])
    a, b, c = drie
    response = _verplaats(client, b, "omhoog")
    assert response.status_code == 200
    assert _orde(opgave) == ["B", "A", "C"]
    html = response.content.decode()
    # B is now first: its "Omhoog" is gone, so the keyboard lands on its "Omlaag".
    knop = html[html.index(f'id="item-{b.pk}"') :]
    knop = knop[: knop.index("</li>")]
    assert "Omhoog" not in knop
    assert "autofocus" in knop and html.count("autofocus") == 1

    assert _verplaats(client, a, "omlaag").status_code == 200
    assert _orde(opgave) == ["B", "C", "A"]
    # Moving the last one further down changes nothing and is no error.
    assert _verplaats(client, a, "omlaag").status_code == 200
    assert _orde(opgave) == ["B", "C", "A"]
    # Without htmx: back to the block in the canvas.
    response = _verplaats(client, c, "omhoog", headers={})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#blok-{Blok.ACTIVITEITEN}")
    assert _orde(opgave) == ["C", "B", "A"]


def test_whole_block_order_from_dragging(users, opgave, drie):
    client = client_for(users["regisseur"])
    a, b, c = drie
    url = reverse("canvas:blok-volgorde", args=[opgave.pk, Blok.ACTIVITEITEN])
    response = client.post(url, {"item": [c.pk, a.pk, b.pk]}, headers=HTMX)
    assert response.status_code == 200
    assert _orde(opgave) == ["C", "A", "B"]


def _naar_blok(client, item, blok, headers=HTMX):
    url = reverse("canvas:canvasitem-naar-blok", args=[item.pk])
    return client.post(url, {"blok": blok}, headers=headers)


def test_an_item_moves_to_the_end_of_another_block_and_both_blocks_come_back(users, opgave, drie):
    b = drie[1]
    doel = CanvasItemFactory(opgave=opgave, blok=Blok.ROLLEN, tekst="R", volgorde=1)
    b.versie = 3
    b.save()
    response = _naar_blok(client_for(users["teamlid"]), b, Blok.ROLLEN)
    assert response.status_code == 200
    assert _orde(opgave) == ["A", "C"]
    assert _orde(opgave, Blok.ROLLEN) == ["R", "B"]
    b.refresh_from_db()
    # Whoever is editing B's text meanwhile saves it without a conflict.
    assert (b.versie, b.bijgewerkt_door) == (3, users["teamlid"])
    html = response.content.decode()
    # The block it left is the answer; the block it went to comes along, out of band.
    assert html.index(f'id="blok-{Blok.ACTIVITEITEN}"') < html.index(f'id="blok-{Blok.ROLLEN}"')
    assert html.count('hx-swap-oob="true"') == 1
    rollen = html[html.index(f'id="blok-{Blok.ROLLEN}"') :]
    assert f'id="item-{b.pk}"' in rollen and f'id="item-{doel.pk}"' in rollen
    # Without JavaScript: to the canvas, at the item in its new block.
    response = _naar_blok(client_for(users["teamlid"]), b, Blok.DOELGROEPEN, headers={})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?bewerken={Blok.DOELGROEPEN}#item-{b.pk}")


@pytest.mark.parametrize("blok", ["", "onbekend", Blok.ACTIVITEITEN + "x", hostile.SCRIPT])
def test_moving_to_a_block_that_is_no_block_is_refused_in_dutch(users, opgave, drie, blok):
    response = _naar_blok(client_for(users["regisseur"]), drie[0], blok)
    assert response.status_code == 422
    assert "Kies een ander blok van het canvas." in response.content.decode()
    assert _orde(opgave) == ["A", "B", "C"]


def test_an_item_the_effect_chain_hangs_on_stays_in_its_block(users, opgave, drie):
    from canvas.models import Schakel

    doel = CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN, tekst="D")
    Schakel.objects.create(van=drie[0], naar=doel)
    response = _naar_blok(client_for(users["regisseur"]), drie[0], Blok.ROLLEN)
    assert response.status_code == 409
    assert "effectketen" in response.content.decode()
    assert _orde(opgave) == ["A", "B", "C"]


def test_a_deleted_item_comes_back_with_its_comments_and_links(users, opgave, drie):
    from canvas.models import Schakel

    a, b, _c = drie
    doel = CanvasItemFactory(opgave=opgave, blok=Blok.PRESTATIES_EFFECTEN, tekst="P")
    Schakel.objects.create(van=b, naar=doel)
    Reactie.objects.create(item=b, auteur=users["teamlid"], tekst="Eens")
    client = client_for(users["teamlid"])
    response = client.post(reverse("canvas:canvasitem-delete", args=[b.pk]), headers=HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    terug = reverse("canvas:canvasitem-terugzetten", args=[opgave.pk, b.pk])
    assert "“B” is verwijderd." in html and terug in html
    assert _orde(opgave) == ["A", "C"] and not Schakel.objects.exists()

    response = client.post(terug, headers=HTMX)
    assert response.status_code == 200
    assert f'id="item-{b.pk}"' in response.content.decode()
    assert _orde(opgave) == ["A", "B", "C"]
    terug_item = CanvasItem.objects.get(pk=b.pk)
    assert (terug_item.versie, terug_item.blok) == (b.versie, b.blok)
    assert list(terug_item.reacties.values_list("tekst", flat=True)) == ["Eens"]
    assert Schakel.objects.filter(van=b, naar=doel).exists()
    # Once back, there is nothing to undo; nor for an item that was never deleted, or from
    # another opgave's canvas.
    assert client.post(terug, headers=HTMX).status_code == 404
    nooit = reverse("canvas:canvasitem-terugzetten", args=[opgave.pk, a.pk])
    assert client.post(nooit, headers=HTMX).status_code == 404
    ander = client_for(users["regisseur2"])
    assert ander.post(terug, headers=HTMX).status_code == 403


@pytest.mark.parametrize("kwestie", ["mist", "vreemd", "dubbel", "onzin"])
def test_block_order_that_does_not_match_the_block_changes_nothing(
    users, opgave, andere_opgave, drie, kwestie
):
    client = client_for(users["regisseur"])
    a, b, c = drie
    vreemd = CanvasItemFactory(opgave=andere_opgave, blok=Blok.ACTIVITEITEN)
    ids = {
        "mist": [c.pk, a.pk],
        "vreemd": [c.pk, a.pk, b.pk, vreemd.pk],
        "dubbel": [c.pk, a.pk, a.pk],
        "onzin": [c.pk, "a", b.pk],
    }[kwestie]
    url = reverse("canvas:blok-volgorde", args=[opgave.pk, Blok.ACTIVITEITEN])
    response = client.post(url, {"item": ids}, headers=HTMX)
    assert response.status_code == 409
    assert "intussen gewijzigd" in response.content.decode()
    assert _orde(opgave) == ["A", "B", "C"]


def test_owner_and_status_do_not_conflict_with_a_text_edit(users, opgave, drie):
    item = drie[0]
    client = client_for(users["regisseur"])
    url = reverse("canvas:canvasitem-eigenschappen", args=[item.pk])
    response = client.post(
        url,
        {
            "eigenschappen-eigenaar": users["teamlid"].pk,
            "eigenschappen-status": ItemStatus.IN_BESPREKING,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.eigenaar, item.status, item.versie) == (
        users["teamlid"],
        ItemStatus.IN_BESPREKING,
        1,
    )
    # Someone who loaded the text before still saves it: owner and status are other columns.
    teamlid = client_for(users["teamlid"])
    response = teamlid.post(
        reverse("canvas:canvasitem-update", args=[item.pk]),
        {f"item-{item.pk}-tekst": "Nieuwe tekst", f"item-{item.pk}-versie": 1},
        headers=HTMX,
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.tekst, item.status, item.eigenaar) == (
        "Nieuwe tekst",
        ItemStatus.IN_BESPREKING,
        users["teamlid"],
    )
    url = reverse("canvas:canvas-detail", args=[opgave.pk])
    assert "In bespreking" in client.get(url).content.decode()  # read: the status
    canvas = client.get(url, {"bewerken": "alle"}).content.decode()  # edited: the owner too
    assert f"eigenaar {escape(users['teamlid'])}" in canvas


@pytest.mark.parametrize(
    "veld,waarde,melding",
    [
        ("eigenaar", "buiten", "Kies een eigenaar uit het opgaveteam."),
        ("status", "gesloopt", "Kies een van de statussen uit de lijst."),
    ],
)
def test_owner_outside_the_team_or_unknown_status_is_refused(
    users, opgave, drie, veld, waarde, melding
):
    item = drie[0]
    if waarde == "buiten":
        waarde = users["teamlid_ander"].pk
    data = {
        "eigenschappen-eigenaar": "",
        "eigenschappen-status": ItemStatus.AKKOORD,
    } | {f"eigenschappen-{veld}": waarde}
    response = client_for(users["regisseur"]).post(
        reverse("canvas:canvasitem-eigenschappen", args=[item.pk]), data
    )
    assert response.status_code == 422
    assert melding in response.content.decode()
    item.refresh_from_db()
    assert (item.eigenaar, item.status) == (None, ItemStatus.CONCEPT)


def test_comment_thread(users, opgave, drie):
    item = drie[0]
    url = reverse("canvas:canvasitem-detail", args=[item.pk])
    nieuw = reverse("canvas:reactie-create", args=[item.pk])
    teamlid, regisseur = client_for(users["teamlid"]), client_for(users["regisseur"])
    tekst = hostile.text()
    assert teamlid.post(nieuw, {"reactie-tekst": tekst}).status_code == 302
    assert regisseur.post(nieuw, {"reactie-tekst": "Eens."}).status_code == 302
    leeg = regisseur.post(nieuw, {"reactie-tekst": "   "})
    assert leeg.status_code == 422
    assert "Schrijf eerst uw reactie." in leeg.content.decode()

    pagina = client_for(users["medewerker"]).get(url).content.decode()
    assert "<script>" not in pagina.split("<main", 1)[1]
    assert pagina.index("Eens.") > pagina.index("Reacties")
    canvas = regisseur.get(reverse("canvas:canvas-detail", args=[opgave.pk])).content.decode()
    assert "2 reacties" in canvas

    # Everyone removes only their own words.
    eigen = Reactie.objects.get(auteur=users["regisseur"])
    ander = Reactie.objects.get(auteur=users["teamlid"])
    assert (
        regisseur.post(reverse("canvas:reactie-delete", args=[item.pk, ander.pk])).status_code
        == 404
    )
    assert (
        regisseur.post(reverse("canvas:reactie-delete", args=[item.pk, eigen.pk])).status_code
        == 302
    )
    assert list(item.reacties.values_list("tekst", flat=True)) == [tekst]


def test_canvas_queries_do_not_grow_with_owners_and_comments(
    users, opgave, django_assert_num_queries
):
    client = client_for(users["regisseur"])
    url = reverse("canvas:canvas-detail", args=[opgave.pk])

    def vul(n):
        for i in range(n):
            item = CanvasItemFactory(
                opgave=opgave, blok=list(Blok)[i % 10], eigenaar=users["teamlid"]
            )
            Reactie.objects.create(item=item, auteur=users["regisseur"], tekst="r")

    vul(3)
    weinig = tel_queries(client, url)
    vul(30)
    assert tel_queries(client, url) == weinig


def test_item_page_queries_do_not_grow_with_the_thread(users, opgave):
    item = CanvasItemFactory(opgave=opgave, eigenaar=users["teamlid"])
    client = client_for(users["regisseur"])
    url = reverse("canvas:canvasitem-detail", args=[item.pk])

    def vul(n):
        for i in range(n):
            auteur = users["teamlid"] if i % 2 else users["regisseur"]
            Reactie.objects.create(item=item, auteur=auteur, tekst=f"r{i}")

    vul(3)
    weinig = tel_queries(client, url)
    vul(30)
    assert tel_queries(client, url) == weinig


def test_the_canvas_is_read_as_one_picture_and_opens_per_block(users, opgave):
    """Read: the ten blocks in five zones, items with their status, no edit controls. A
    block opens for editing on its own (htmx), or with ?bewerken= without JavaScript; only
    for the team."""
    CanvasItemFactory(opgave=opgave, blok=Blok.DOELGROEPEN, tekst="Mantelzorgers")
    client = client_for(users["regisseur"])
    url = reverse("canvas:canvas-detail", args=[opgave.pk])
    html = client.get(url).content.decode()
    zones = [html.index(f'id="zone-{code}-kop"') for code, _label, _blokken in ZONES]
    assert zones == sorted(zones)  # why, for whom, what, how, what it costs
    assert sum(len(blokken) for _c, _l, blokken in ZONES) == len(Blok.values)
    assert "Mantelzorgers" in html and "Concept" in html
    assert "Nieuw item voor" not in html and "Omhoog" not in html
    blok_url = reverse("canvas:canvas-blok", args=[opgave.pk, "doelgroepen"])
    assert f'hx-get="{blok_url}?bewerken=1"' in html

    geopend = client.get(blok_url, {"bewerken": "1"}, headers={"HX-Request": "true"})
    tekst = geopend.content.decode()
    assert tekst.lstrip().startswith('<section id="blok-doelgroepen"')
    assert "Nieuw item voor Doelgroepen" in tekst and "Klaar" in tekst
    dicht = client.get(blok_url, headers={"HX-Request": "true"}).content.decode()
    assert "Nieuw item voor Doelgroepen" not in dicht
    # Without JavaScript: the canvas with that block open.
    zonder_js = client.get(blok_url, {"bewerken": "1"})
    assert zonder_js["Location"] == f"{url}?bewerken=doelgroepen#blok-doelgroepen"
    assert "Nieuw item voor Doelgroepen" in client.get(zonder_js["Location"]).content.decode()
    # A reader asking for the edited block gets it read.
    lezer = client_for(users["medewerker"])
    gelezen = lezer.get(blok_url, {"bewerken": "1"}, headers={"HX-Request": "true"})
    assert "Nieuw item voor" not in gelezen.content.decode()
    assert client.get(reverse("canvas:canvas-blok", args=[opgave.pk, "onzin"])).status_code == 404


def test_workshop_mode_shows_every_note_large_without_controls_and_asks_for_itself(
    users, opgave, drie
):
    CanvasItemFactory(opgave=opgave, blok=Blok.DOELGROEPEN, tekst=hostile.SCRIPT)
    url = reverse("canvas:workshop", args=[opgave.pk])
    client = client_for(users["partner"])
    html = client.get(url).content.decode()
    for tekst in ("A", "B", "C", escape(hostile.SCRIPT)):
        assert f'app-workshop__notitie app-pre">{tekst}</li>' in html
    assert hostile.SCRIPT not in html
    assert "Bewerken" not in html and "Verwijderen" not in html and "<textarea" not in html
    # At once on the live stream's word, else every five seconds.
    assert 'hx-trigger="live, every 5s"' in html and 'hx-select="#workshop-bord"' in html
    assert 'data-live-bord="#workshop-bord"' in html and "/live/canvas/" in html
    assert '<div role="img" aria-label="QR-code naar dit canvas' in html and "<svg" in html
    # The same queries with many notes (one for the notes, whatever their number).
    weinig = tel_queries(client, url)
    CanvasItemFactory.create_batch(20, opgave=opgave, blok=Blok.ROLLEN)
    assert tel_queries(client, url) == weinig
