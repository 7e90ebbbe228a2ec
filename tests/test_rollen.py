"""What the partner and the bestuurder see beyond the URL matrix (test_permissions): the
municipality's view of stakeholders stays out of a partner's pages and history, other
opgaven stay out of sight, and the bestuurder steers the agenda."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from opgaven.models import Opgave, OpgaveRelatie
from participatie.models import Houding
from rapportages.models import Rapportage, Status
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.opgaven.factories import OpgaveFactory
from tests.participatie.factories import (
    BetrokkenheidFactory,
    BijeenkomstFactory,
    StakeholderFactory,
    ThematafelFactory,
)


def test_partner_never_sees_how_the_municipality_judges_stakeholders(users, opgave):
    corporatie = StakeholderFactory(naam="Woonstichting Maasdal", vorm="organisatie")
    BetrokkenheidFactory(opgave=opgave, stakeholder=corporatie, houding=Houding.KRITISCH)
    hub_url = reverse("opgaven:opgave-detail", args=[opgave.pk])
    stakeholders_url = reverse("participatie:positie", args=[opgave.pk])

    staff = client_for(users["teamlid"]).get(stakeholders_url).content.decode()
    assert "Woonstichting Maasdal" in staff  # the part is there for the municipality
    assert stakeholders_url in client_for(users["teamlid"]).get(hub_url).content.decode()

    partner = client_for(users["partner"])
    assert partner.get(stakeholders_url).status_code == 403
    assert stakeholders_url not in partner.get(hub_url).content.decode()  # no tab either
    for url in (hub_url, reverse("opgaven:opgave-geschiedenis", args=[opgave.pk])):
        page = partner.get(url).content.decode()
        assert "Woonstichting Maasdal" not in page, url
        assert "ritisch" not in page, url
        assert "betrokkenheid" not in page.lower(), url
    start = partner.get(reverse("home")).content.decode()
    assert "betrokkenheid" not in start.lower()


def test_partner_sees_only_their_own_opgaven(users, opgave, andere_opgave):
    OpgaveRelatie.objects.create(van=opgave, naar=andere_opgave, soort="raakt_aan")
    partner = users["partner"]
    assert list(Opgave.objects.visible_to(partner)) == [opgave]

    hub_url = reverse("opgaven:opgave-detail", args=[opgave.pk])
    staff = client_for(users["teamlid"]).get(hub_url).content.decode()
    assert escape(andere_opgave.titel) in staff  # the relation is there for the municipality
    client = client_for(partner)
    hub = client.get(hub_url).content.decode()
    assert escape(andere_opgave.titel) not in hub
    # no link to the agenda of all opgaven
    assert f'href="{reverse("opgaven:opgave-list")}"' not in hub
    start = client.get(reverse("home")).content.decode()
    assert escape(opgave.titel) in start
    assert escape(andere_opgave.titel) not in start
    assert reverse("participatie:stakeholder-list") not in start


def test_partner_edits_the_canvas_and_brings_inbreng_but_not_the_opgave(users, opgave):
    item = CanvasItemFactory(opgave=opgave, tekst="Oud")
    bijeenkomst = BijeenkomstFactory(  # started: inbreng is recorded from the start
        thematafel=ThematafelFactory(opgaven=[opgave]),
        begint_op=timezone.now() - datetime.timedelta(hours=1),
    )
    client = client_for(users["partner"])

    url = reverse("canvas:canvas-detail", args=[opgave.pk])
    canvas = client.get(url, {"bewerken": "alle"}).content.decode()
    assert reverse("canvas:canvasitem-update", args=[item.pk]) in canvas
    response = client.post(
        reverse("canvas:canvasitem-update", args=[item.pk]),
        {f"item-{item.pk}-tekst": "Samen met de corporatie", f"item-{item.pk}-versie": item.versie},
    )
    assert response.status_code in (200, 302)
    item.refresh_from_db()
    assert item.tekst == "Samen met de corporatie"

    pagina = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert reverse("participatie:inbreng-create", args=[bijeenkomst.pk]) in pagina
    assert reverse("participatie:bijeenkomst-verslag", args=[bijeenkomst.pk]) not in pagina
    response = client.post(
        reverse("participatie:inbreng-create", args=[bijeenkomst.pk]),
        {
            "inbreng-soort": "idee",
            "inbreng-tekst": "Huurders betrekken bij de wijkvisie",
            "inbreng-stemmen": 0,
        },
    )
    assert response.status_code in (200, 302)
    assert bijeenkomst.inbreng.filter(tekst="Huurders betrekken bij de wijkvisie").exists()

    hub = client.get(reverse("opgaven:opgave-detail", args=[opgave.pk])).content.decode()
    assert "Opgave bewerken" not in hub
    assert reverse("opgaven:opgave-fase", args=[opgave.pk]) not in hub
    prioriteit = opgave.prioriteit
    client.post(reverse("opgaven:opgave-update", args=[opgave.pk]), {"prioriteit": "laag"})
    opgave.refresh_from_db()
    assert opgave.prioriteit == prioriteit


def test_partner_reads_only_published_reports_of_their_opgaven(users, opgave, andere_opgave):
    def rapport(o, gepubliceerd):
        return Rapportage.objects.create(
            opgave=o,
            aangevraagd_door=users["regisseur"],
            totaal=1,
            status=Status.KLAAR,
            bestand="rapportages/rol.pdf",
            checksum="0" * 64,
            gepubliceerd_op=timezone.now() if gepubliceerd else None,
            vastgesteld_op=timezone.now() if gepubliceerd else None,
            vastgesteld_door=users["bestuurder"] if gepubliceerd else None,
        )

    eigen = rapport(opgave, True)
    rapport(opgave, False)
    rapport(andere_opgave, True)
    assert list(Rapportage.objects.visible_to(users["partner"])) == [eigen]
    for r in Rapportage.objects.all():
        assert users["partner"].has_perm("rapportages.view_rapportage", r) == (r == eigen)


def test_bestuurder_reads_everything_and_sets_the_agenda_order(users, opgave, andere_opgave):
    derde = OpgaveFactory()
    Opgave.objects.filter(pk=opgave.pk).update(rang=1)
    Opgave.objects.filter(pk=andere_opgave.pk).update(rang=2)
    Opgave.objects.filter(pk=derde.pk).update(rang=3)
    client = client_for(users["bestuurder"])
    assert client.get(reverse("opgaven:opgave-list")).status_code == 200
    response = client.post(
        reverse("opgaven:agenda-verplaatsen"),
        {"verplaats": f"{derde.pk}:omhoog", "reden": "Coalitieakkoord: wonen eerst"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    derde.refresh_from_db()
    andere_opgave.refresh_from_db()
    assert derde.rang < andere_opgave.rang
