"""Role x URL matrix (TRUST.md): who gets what, including guessed ids of other opgaven."""

import pytest
from django.urls import reverse

from canvas.models import Blok
from rapportages.models import PcMoment, Rapportage, Status
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import BijeenkomstFactory, SignaalFactory, ThematafelFactory

ROLLEN = [
    "anoniem",
    "raadslid",
    "medewerker",
    "teamlid",
    "teamlid_ander",
    "regisseur",
    "regisseur2",
    "beheerder",
]

# expected status per role, in the order of ROLLEN
LEZEN = [302, 403, 200, 200, 200, 200, 200, 200]
LEZEN_OBJECT = [302, 404, 200, 200, 200, 200, 200, 200]
BEWERKEN = [302, 404, 403, 200, 403, 200, 403, 200]
TOEVOEGEN_OPGAVE = [302, 403, 403, 403, 403, 200, 200, 200]
INVOER = [302, 404, 403, 422, 403, 422, 403, 422]
# A report of an opgave: its requester, its team and the beheerder (until it is published).
EIGEN_RAPPORTAGE = [302, 404, 404, 200, 404, 200, 404, 200]


@pytest.fixture
def urls(users, opgave):
    item = CanvasItemFactory(opgave=opgave)
    activiteit = CanvasItemFactory(opgave=opgave, blok=Blok.ACTIVITEITEN)
    moment = PcMoment.objects.create(soort="begroting", jaar=2027, deadline="2026-09-15")
    rapportage = Rapportage.objects.create(
        opgave=opgave, aangevraagd_door=users["regisseur"], totaal=1
    )
    klaar = Rapportage.objects.create(
        opgave=opgave,
        aangevraagd_door=users["regisseur"],
        totaal=1,
        voortgang=1,
        status=Status.KLAAR,
        bestand="rapportages/test-permissions.pdf",
    )
    from pathlib import Path

    from django.conf import settings

    path = Path(settings.MEDIA_ROOT) / "rapportages" / "test-permissions.pdf"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.7 test")
    thematafel = ThematafelFactory(opgaven=[opgave])
    bijeenkomst = BijeenkomstFactory(thematafel=thematafel)
    signaal = SignaalFactory(opgave=opgave, ingediend_door=users["medewerker"])
    return [
        ("get", reverse("canvas:versies", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("canvas:effectketen", args=[opgave.pk]), {}, LEZEN_OBJECT),
        (
            "post",
            reverse("canvas:effectketen", args=[opgave.pk]),
            {"formulier": "schakel"},
            INVOER,
        ),
        ("get", reverse("canvas:begroting", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("post", reverse("canvas:begroting", args=[opgave.pk]), {"formulier": "regel"}, INVOER),
        ("post", reverse("canvas:versies", args=[opgave.pk]), {"naam": ""}, INVOER),
        ("get", reverse("canvas:canvasitem-detail", args=[item.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("canvas:canvas-pdf", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("canvas:indicatoren", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("canvas:realisatieplan", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("rapportages:kalender"), {}, LEZEN),
        ("get", reverse("rapportages:moment-detail", args=[moment.pk]), {}, LEZEN),
        ("get", reverse("rapportages:bijdrage", args=[moment.pk, opgave.pk]), {}, LEZEN),
        (
            "post",
            reverse("rapportages:bijdrage", args=[moment.pk, opgave.pk]),
            {},
            [302, 403, 403, 422, 403, 422, 403, 422],
        ),
        ("get", reverse("canvas:planning", args=[activiteit.pk]), {}, BEWERKEN),
        (
            "post",
            reverse("canvas:planning", args=[activiteit.pk]),
            {"formulier": "uitvoering"},
            INVOER,
        ),
        (
            "post",
            reverse("canvas:indicatoren", args=[opgave.pk]),
            {"formulier": "indicator"},
            INVOER,
        ),
        (
            "post",
            reverse("canvas:canvasitem-detail", args=[item.pk]),
            {"formulier": "reactie"},
            INVOER,
        ),
        (
            "post",
            reverse("canvas:canvasitem-verplaatsen", args=[item.pk]),
            {"richting": "zijwaarts"},
            [302, 404, 403, 404, 403, 404, 403, 404],
        ),
        (
            "post",
            reverse("canvas:blok-volgorde", args=[opgave.pk, item.blok]),
            {"item": "niet-een-id"},
            [302, 404, 403, 409, 403, 409, 403, 409],
        ),
        ("get", reverse("participatie:overzicht"), {}, LEZEN),
        ("get", reverse("participatie:signaal-list"), {}, LEZEN),
        ("get", reverse("participatie:opgave-participatie", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("participatie:thematafel-create", args=[opgave.pk]), {}, BEWERKEN),
        ("get", reverse("participatie:thematafel-detail", args=[thematafel.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("participatie:thematafel-update", args=[thematafel.pk]), {}, BEWERKEN),
        (
            "get",
            reverse("participatie:bijeenkomst-create", args=[thematafel.pk]),
            {},
            BEWERKEN,
        ),
        (
            "get",
            reverse("participatie:bijeenkomst-detail", args=[bijeenkomst.pk]),
            {},
            LEZEN_OBJECT,
        ),
        (
            "post",
            reverse("participatie:bijeenkomst-detail", args=[bijeenkomst.pk]),
            {"formulier": "inbreng"},
            [302, 404, 403, 422, 403, 422, 403, 422],
        ),
        ("get", reverse("participatie:bijeenkomst-ics", args=[bijeenkomst.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("participatie:sprint-create", args=[opgave.pk]), {}, BEWERKEN),
        ("get", reverse("participatie:persona-create", args=[opgave.pk]), {}, BEWERKEN),
        # a signal: its sender, the opgave's team and the beheerder; nobody else knows it exists
        (
            "get",
            reverse("participatie:signaal-detail", args=[signaal.pk]),
            {},
            [302, 404, 200, 200, 404, 200, 404, 200],
        ),
        (
            "post",
            reverse("participatie:signaal-detail", args=[signaal.pk]),
            {"formulier": "antwoord"},
            [302, 404, 403, 422, 404, 422, 404, 422],
        ),
        ("get", reverse("opgaven:opgave-list"), {}, LEZEN),
        ("get", reverse("opgaven:opgave-create"), {}, TOEVOEGEN_OPGAVE),
        ("get", reverse("opgaven:opgave-detail", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("opgaven:opgave-update", args=[opgave.pk]), {}, BEWERKEN),
        ("get", reverse("canvas:canvas-detail", args=[opgave.pk]), {}, LEZEN_OBJECT),
        ("get", reverse("canvas:canvasitem-update", args=[item.pk]), {}, BEWERKEN),
        (
            "get",
            reverse("participatie:betrokkenheid-create", args=[opgave.pk]),
            {},
            BEWERKEN,
        ),
        (
            "post",
            reverse("canvas:canvasitem-create", args=[opgave.pk, Blok.DOELGROEPEN]),
            {f"{Blok.DOELGROEPEN}-tekst": ""},
            # an empty text is refused with 422 for those who may edit: the check comes first
            [302, 404, 403, 422, 403, 422, 403, 422],
        ),
        (
            "get",
            reverse("rapportages:rapportage-list"),
            {},
            [302, 200, 200, 200, 200, 200, 200, 200],
        ),
        ("get", reverse("opgaven:samenhang"), {}, LEZEN),
        ("get", reverse("participatie:gedeelde-stakeholders"), {}, LEZEN),
        ("get", reverse("opgaven:referentielijsten"), {}, [302, 403, 403, 403, 403, 403, 403, 200]),
        # empty forms over htmx: refused with 422 for those who may edit, nothing written
        ("hx-post", reverse("opgaven:opgave-fase", args=[opgave.pk]), {}, INVOER),
        ("hx-post", reverse("opgaven:opgave-voortgang", args=[opgave.pk]), {}, INVOER),
        ("hx-post", reverse("opgaven:relatie-create", args=[opgave.pk]), {}, INVOER),
        (
            "hx-post",
            reverse("opgaven:opgave-team", args=[opgave.pk]),
            {"actie": "toevoegen"},
            [302, 404, 403, 403, 403, 422, 403, 422],
        ),
        (
            "get",
            reverse("rapportages:rapportage-detail", args=[rapportage.pk]),
            {},
            EIGEN_RAPPORTAGE,
        ),
        ("get", reverse("rapportages:rapportage-download", args=[klaar.pk]), {}, EIGEN_RAPPORTAGE),
    ]


def test_role_url_matrix(users, urls):
    failures = []
    for method, url, data, expected in urls:
        for rol, status in zip(ROLLEN, expected, strict=True):
            client = client_for(None if rol == "anoniem" else users[rol])
            if method == "hx-post":
                response = client.post(url, data, headers={"HX-Request": "true"})
            else:
                response = getattr(client, method)(url, data)
            if response.status_code != status:
                failures.append(
                    f"{rol} {method.upper()} {url}: {response.status_code}, verwacht {status}"
                )
    assert failures == []


@pytest.mark.parametrize("rol", ["raadslid", "medewerker", "teamlid_ander", "regisseur2"])
def test_no_one_outside_the_team_can_change_anything(users, opgave, rol):
    item = CanvasItemFactory(opgave=opgave, tekst="Oorspronkelijk")
    client = client_for(users[rol])
    posts = [
        (reverse("opgaven:opgave-update", args=[opgave.pk]), {"titel": "Gekaapt"}),
        (
            reverse("canvas:canvasitem-update", args=[item.pk]),
            {f"item-{item.pk}-tekst": "x", f"item-{item.pk}-versie": 1},
        ),
        (reverse("canvas:canvasitem-delete", args=[item.pk]), {}),
        (reverse("participatie:betrokkenheid-create", args=[opgave.pk]), {"nieuwe_naam": "x"}),
        (reverse("rapportages:rapportage-create"), {"opgave": opgave.pk}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code in (403, 404), url
    opgave.refresh_from_db()
    item.refresh_from_db()
    assert opgave.titel != "Gekaapt"
    assert item.tekst == "Oorspronkelijk"
    assert not Rapportage.objects.exists()


def test_teamlid_of_another_opgave_sees_no_edit_controls(users, opgave):
    CanvasItemFactory(opgave=opgave)
    client = client_for(users["teamlid_ander"])
    hub = client.get(reverse("opgaven:opgave-detail", args=[opgave.pk])).content.decode()
    assert "Opgave bewerken" not in hub
    assert "Stakeholder toevoegen" not in hub
    assert "Rapportage maken" not in hub
    canvas = client.get(reverse("canvas:canvas-detail", args=[opgave.pk])).content.decode()
    assert "Bewerken" not in canvas
    assert "Toevoegen" not in canvas


def test_raadslid_cannot_make_a_report_of_all_opgaven(users):
    response = client_for(users["raadslid"]).post(
        reverse("rapportages:rapportage-create"), {"opgave": "alle"}
    )
    assert response.status_code == 403
    assert not Rapportage.objects.exists()
