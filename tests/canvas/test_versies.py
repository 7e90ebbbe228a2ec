import re

from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from canvas.models import Blok, CanvasItem, CanvasVersie
from canvas.versies import tekstverschil, vergelijk
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries


def _vastleggen(client, opgave, naam):
    return client.post(reverse("canvas:versie-create", args=[opgave.pk]), {"naam": naam})


def test_comparing_two_versions_shows_exactly_the_planted_changes(users, opgave):
    blijft = CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN, tekst="Elke kern een plek")
    weg = CanvasItemFactory(opgave=opgave, blok=Blok.ROLLEN, tekst="Gemeente als uitvoerder")
    anders = CanvasItemFactory(
        opgave=opgave, blok=Blok.DOELGROEPEN, tekst="Ouderen boven 75 in de kernen"
    )
    client = client_for(users["regisseur"])
    assert _vastleggen(client, opgave, "na sprint 1").status_code == 302
    weg.delete()
    CanvasItem.objects.filter(pk=anders.pk).update(tekst="Ouderen boven 80 in alle kernen")
    CanvasItemFactory(opgave=opgave, blok=Blok.BEGROTING, tekst=f"Dorpsbudget {hostile.SCRIPT}")
    CanvasItem.objects.filter(pk=blijft.pk).update(volgorde=9)  # moving is not a change
    assert _vastleggen(client, opgave, "na sprint 2").status_code == 302
    a, b = CanvasVersie.objects.order_by("created_at", "pk")

    response = client.get(
        reverse("canvas:versies-vergelijken", args=[opgave.pk]), {"a": a.pk, "b": b.pk}
    )
    page = response.content.decode()
    assert response.status_code == 200
    soorten = re.findall(r'data-soort="(\w+)"', page)
    assert sorted(soorten) == ["gewijzigd", "toegevoegd", "verwijderd"]
    assert "<del>75</del><ins>80</ins>" in page
    assert "<ins>alle </ins>" in page or "<ins>alle</ins>" in page
    assert "Gemeente als uitvoerder" in page
    assert hostile.SCRIPT not in page
    assert "Elke kern een plek" not in page
    # blocks appear under their own heading
    assert page.index("Doelgroepen") < page.index("Rollen") < page.index("Begroting")


def test_a_version_never_changes_after_later_edits(users, opgave):
    item = CanvasItemFactory(opgave=opgave, tekst="Eerste tekst")
    _vastleggen(client_for(users["regisseur"]), opgave, "begroting 2027")
    CanvasItem.objects.filter(pk=item.pk).update(tekst="Latere tekst")
    assert CanvasVersie.objects.get().items[0]["tekst"] == "Eerste tekst"


def test_version_names_are_required_and_unique_per_opgave(users, opgave, andere_opgave):
    client = client_for(users["regisseur"])
    response = _vastleggen(client, opgave, "   ")
    assert response.status_code == 422
    assert "Geef de versie een naam" in response.content.decode()
    assert _vastleggen(client, opgave, "na sprint 2").status_code == 302
    response = _vastleggen(client, opgave, "na sprint 2")
    assert response.status_code == 422
    assert "Er is al een versie met deze naam" in response.content.decode()
    assert CanvasVersie.objects.count() == 1
    CanvasVersie.vastleggen(opgave=andere_opgave, naam="na sprint 2", user=None)


def test_only_the_team_freezes_versions_and_ids_of_other_opgaven_are_not_found(
    users, opgave, andere_opgave
):
    assert _vastleggen(client_for(users["medewerker"]), opgave, "x").status_code == 403
    assert (
        client_for(users["medewerker"]).get(reverse("canvas:versies", args=[opgave.pk])).status_code
        == 200
    )
    vreemd = CanvasVersie.vastleggen(opgave=andere_opgave, naam="v", user=None)
    url = reverse("canvas:versies-vergelijken", args=[opgave.pk])
    client = client_for(users["regisseur"])
    assert client.get(url, {"a": vreemd.pk, "b": "huidig"}).status_code == 404
    assert client.get(url, {"a": "abc", "b": "huidig"}).status_code == 404
    response = client.get(url, {"a": "huidig", "b": "huidig"})
    assert response.status_code == 302


def test_compare_against_the_current_canvas(users, opgave):
    CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Sprint per kern")
    client = client_for(users["regisseur"])
    _vastleggen(client, opgave, "start")
    CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, tekst="Dorpsbudget")
    versie = CanvasVersie.objects.get()
    page = client.get(
        reverse("canvas:versies-vergelijken", args=[opgave.pk]), {"a": versie.pk, "b": "huidig"}
    ).content.decode()
    assert re.findall(r'data-soort="(\w+)"', page) == ["toegevoegd"]


woorden = st.lists(st.sampled_from(["de", "kern", "<b>", "&", "80", "Zoë", "\n"]), max_size=12)


@given(oud=woorden, nieuw=woorden)
def test_the_text_difference_rebuilds_both_texts(oud, nieuw):
    """Dropping <ins> gives the old text, dropping <del> the new one: nothing lost or invented."""
    oud_tekst, nieuw_tekst = " ".join(oud), " ".join(nieuw)
    html = str(tekstverschil(oud_tekst, nieuw_tekst))
    assert "<b>" not in html

    def unescape(s):
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")

    zonder_ins = (
        re.sub(r"<ins>.*?</ins>", "", html, flags=re.S).replace("<del>", "").replace("</del>", "")
    )
    zonder_del = (
        re.sub(r"<del>.*?</del>", "", html, flags=re.S).replace("<ins>", "").replace("</ins>", "")
    )
    assert unescape(zonder_ins) == oud_tekst
    assert unescape(zonder_del) == nieuw_tekst


def test_an_item_moved_to_another_block_counts_as_changed():
    oud = [{"id": 1, "blok": Blok.ROLLEN, "volgorde": 1, "tekst": "x"}]
    nieuw = [{"id": 1, "blok": Blok.ORGANISATIE, "volgorde": 1, "tekst": "x"}]
    [blok] = vergelijk(oud, nieuw)
    assert blok.code == Blok.ORGANISATIE
    assert [w.soort for w in blok.wijzigingen] == ["gewijzigd"]


def test_version_pages_cost_the_same_queries_with_more_items(users, opgave, andere_opgave):
    client = client_for(users["beheerder"])
    counts = []
    for doel, n in ((opgave, 3), (andere_opgave, 30)):
        for i in range(n):
            CanvasItemFactory(opgave=doel, blok=list(Blok)[i % 10])
        eerste = CanvasVersie.vastleggen(opgave=doel, naam="a", user=None)
        CanvasItem.objects.filter(opgave=doel).update(tekst="anders")
        for i in range(n):
            CanvasVersie.vastleggen(opgave=doel, naam=f"v{i}", user=users["regisseur"])
        urls = [
            reverse("canvas:versies", args=[doel.pk]),
            reverse("canvas:versies-vergelijken", args=[doel.pk]) + f"?a={eerste.pk}&b=huidig",
        ]
        counts.append(sum(tel_queries(client, url) for url in urls))
    assert counts[0] == counts[1], counts
