"""The realisatieplan: planning per activity, milestones, and the timeline."""

import datetime

import pytest
from django.urls import reverse

from canvas import realisatieplan
from canvas.models import Blok, CanvasItem, Mijlpaal, Uitvoering, UitvoeringStatus
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for, tel_queries

D = datetime.date


def _activiteit(opgave, start=None, eind=None, voortgang=0, **kwargs):
    item = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN, **kwargs)
    if start:
        Uitvoering.objects.create(activiteit=item, start=start, eind=eind, voortgang=voortgang)
    return item


def _geladen(opgave):
    return list(
        opgave.canvas_items.filter(blok=Blok.ACTIVITEITEN)
        .select_related("uitvoering")
        .prefetch_related("mijlpalen")
    )


def test_timeline_bars_progress_and_milestones(opgave):
    a = _activiteit(opgave, D(2026, 1, 1), D(2026, 12, 31), voortgang=50)
    b = _activiteit(opgave, D(2026, 7, 1), D(2027, 6, 30))
    _activiteit(opgave)  # not planned yet: no bar
    Mijlpaal.objects.create(activiteit=b, naam="Raadsbesluit", datum=D(2027, 1, 15))
    lijn = realisatieplan.tijdlijn(_geladen(opgave), vandaag=D(2026, 11, 23))
    assert [balk.item.pk for balk in lijn.balken] == [a.pk, b.pk]
    eerste, tweede = lijn.balken
    assert lijn.label_b <= eerste.x < tweede.x
    assert eerste.gedaan == pytest.approx(eerste.breedte / 2, abs=0.2)
    assert tweede.gedaan == 0
    (mijlpaal,) = tweede.mijlpalen
    assert tweede.x < mijlpaal.x < tweede.x + tweede.breedte
    assert eerste.x < lijn.vandaag_x < eerste.x + eerste.breedte
    assert lijn.maanden[0][1].lower().startswith("jan")
    assert 6 <= len(lijn.maanden) <= 19


def test_no_timeline_without_planned_activities(opgave):
    _activiteit(opgave)
    assert realisatieplan.tijdlijn(_geladen(opgave), vandaag=D(2026, 1, 1)) is None


def _plan(client, item, **velden):
    data = {
        "uitvoering-eigenaar": "",
        "uitvoering-partner": "Dorpsraden Maasdal",
        "uitvoering-start": "2026-01-01",
        "uitvoering-eind": "2026-12-31",
        "uitvoering-status": UitvoeringStatus.LOOPT,
        "uitvoering-voortgang": "25",
    } | {f"uitvoering-{k}": v for k, v in velden.items()}
    return client.post(reverse("canvas:uitvoering-opslaan", args=[item.pk]), data)


def test_planning_an_activity_sets_owner_without_touching_the_text(users, opgave):
    item = _activiteit(opgave)
    client = client_for(users["teamlid"])
    response = _plan(client, item, eigenaar=users["teamlid"].pk)
    assert response.status_code == 302
    uitvoering = Uitvoering.objects.get(activiteit=item)
    assert (uitvoering.partner, uitvoering.voortgang, uitvoering.status) == (
        "Dorpsraden Maasdal",
        25,
        UitvoeringStatus.LOOPT,
    )
    item.refresh_from_db()
    assert (item.eigenaar, item.versie) == (users["teamlid"], 1)
    # Saving again updates the one plan.
    assert _plan(client, item, voortgang="60").status_code == 302
    assert Uitvoering.objects.get(activiteit=item).voortgang == 60
    pagina = client.get(reverse("canvas:realisatieplan", args=[opgave.pk])).content.decode()
    assert "60%" in pagina and "Dorpsraden Maasdal" in pagina and "<svg" in pagina


@pytest.mark.parametrize(
    "velden,melding",
    [
        ({"eind": "2025-12-31"}, "Het eind ligt niet voor de start."),
        ({"status": "afgerond", "voortgang": "80"}, "Een afgeronde activiteit staat op 100%."),
        ({"voortgang": "101"}, "De voortgang ligt tussen 0 en 100."),
        ({"voortgang": "-1"}, "De voortgang ligt tussen 0 en 100."),
        ({"voortgang": "veel"}, "Vul de voortgang in als een heel getal van 0 tot 100."),
        ({"status": "verzonnen"}, "Kies een status uit de lijst."),
        ({"eigenaar": "buiten"}, "Kies een eigenaar uit het opgaveteam."),
        ({"start": "31-31-2026"}, "Vul een datum in, bijvoorbeeld 15-03-2026."),
    ],
)
def test_bad_planning_is_explained_and_the_saved_plan_stays(users, opgave, velden, melding):
    item = _activiteit(opgave, D(2026, 1, 1), D(2026, 6, 30), voortgang=10)
    if velden.get("eigenaar") == "buiten":
        velden["eigenaar"] = users["teamlid_ander"].pk
    response = _plan(client_for(users["regisseur"]), item, **velden)
    assert response.status_code == 422
    assert melding in response.content.decode()
    uitvoering = Uitvoering.objects.get(activiteit=item)
    assert (uitvoering.eind, uitvoering.voortgang) == (D(2026, 6, 30), 10)


def test_only_activities_have_a_planning(users, opgave):
    doel = CanvasItemFactory(opgave=opgave, blok=Blok.BELEIDSDOELEN)
    response = client_for(users["regisseur"]).get(reverse("canvas:planning", args=[doel.pk]))
    assert response.status_code == 404


def test_milestones_added_reached_and_removed(users, opgave, andere_opgave):
    item = _activiteit(opgave)
    client = client_for(users["regisseur"])
    url = reverse("canvas:planning", args=[item.pk])
    nieuw = reverse("canvas:mijlpaal-create", args=[item.pk])
    leeg = client.post(nieuw, {"mijlpaal-naam": "", "mijlpaal-datum": ""})
    assert leeg.status_code == 422
    assert "Geef de mijlpaal een naam." in leeg.content.decode()
    data = {"mijlpaal-naam": "Raadsbesluit", "mijlpaal-datum": "2026-01-15"}
    assert client.post(nieuw, data).status_code == 302
    mijlpaal = item.mijlpalen.get()
    assert "te laat" in client.get(url).content.decode()
    behaald = reverse("canvas:mijlpaal-behaald", args=[item.pk, mijlpaal.pk])
    assert client.post(behaald, {"behaald": "ja"}).status_code == 302
    mijlpaal.refresh_from_db()
    assert mijlpaal.behaald
    vreemd = Mijlpaal.objects.create(
        activiteit=_activiteit(andere_opgave), naam="x", datum=D(2026, 1, 1)
    )
    # Another activity's milestone is not found through this one.
    assert (
        client.post(reverse("canvas:mijlpaal-delete", args=[item.pk, vreemd.pk])).status_code == 404
    )
    assert (
        client.post(reverse("canvas:mijlpaal-delete", args=[item.pk, mijlpaal.pk])).status_code
        == 302
    )
    assert not item.mijlpalen.exists()
    assert Mijlpaal.objects.filter(pk=vreemd.pk).exists()


def test_plan_page_queries_do_not_grow(users, opgave):
    client = client_for(users["medewerker"])
    url = reverse("canvas:realisatieplan", args=[opgave.pk])

    def vul(n):
        for i in range(n):
            item = _activiteit(opgave, D(2026, 1, 1), D(2026, 1 + i % 12, 28), voortgang=i % 100)
            CanvasItem.objects.filter(pk=item.pk).update(eigenaar=users["teamlid"])
            for j in range(2):
                Mijlpaal.objects.create(activiteit=item, naam=f"m{j}", datum=D(2026, 2, 1 + j))

    vul(3)
    weinig = tel_queries(client, url)
    vul(30)
    assert tel_queries(client, url) == weinig
