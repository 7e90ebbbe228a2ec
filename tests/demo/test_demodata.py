from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from pghistory.models import Events

from accounts.models import User
from canvas.models import CanvasItem
from opgaven.models import Gebied, Opgave
from participatie.models import Betrokkenheid, Stakeholder


def _snapshot():
    return {
        "opgaven": Opgave.objects.count(),
        "stakeholders": Stakeholder.objects.count(),
        "betrokkenheden": Betrokkenheid.objects.count(),
        "items": CanvasItem.objects.count(),
        "kernen": Gebied.objects.filter(soort="kern").count(),
        "users": sorted(User.objects.values_list("username", "rol")),
    }


@pytest.mark.django_db
def test_demodata_is_idempotent_and_big_enough():
    call_command("demodata")
    first = _snapshot()
    events = Events.objects.references(list(Opgave.objects.all())).count()
    call_command("demodata")
    assert _snapshot() == first
    # A rerun changes nothing, so it records nothing either.
    assert Events.objects.references(list(Opgave.objects.all())).count() == events
    assert first["opgaven"] >= 12
    assert first["stakeholders"] >= 150
    assert first["kernen"] == 12
    assert all(o.canvas_items.count() >= 10 for o in Opgave.objects.all())
    roles = dict(first["users"])
    assert {roles[u] for u in ["beheerder", "regisseur", "teamlid", "medewerker", "raadslid"]} == {
        "beheerder",
        "opgaveregisseur",
        "teamlid",
        "medewerker",
        "raadslid",
    }
    assert User.objects.get(username="raadslid").check_password("demo")


@pytest.mark.django_db
def test_demodata_refuses_in_production(settings):
    settings.DEMODATA_TOEGESTAAN = False
    with pytest.raises(CommandError, match="hoort niet in productie"):
        call_command("demodata")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_demo_can_hold_a_published_report_for_the_council():
    """Found in use: a raadslid on a fresh `make run` found "Er zijn nog geen rapportages"."""
    from django.urls import reverse

    from rapportages.models import Rapportage
    from tests.conftest import client_for

    call_command("demodata", met_rapportage=True)
    call_command("demodata", met_rapportage=True)  # once
    # The jaarrekening 2025 (the spring) and the begroting 2027 (the autumn), once each.
    assert Rapportage.objects.filter(gepubliceerd_op__isnull=False).count() == 2
    gepubliceerd = Rapportage.objects.get(gepubliceerd_op__isnull=False, moment__jaar=2027)
    assert (
        gepubliceerd.moment.jaar == 2027 and gepubliceerd.vastgesteld_door.username == "bestuurder"
    )
    raadslid = client_for(User.objects.get(username="raadslid"))
    html = raadslid.get(reverse("rapportages:rapportage-list")).content.decode()
    assert "Er zijn nog geen rapportages" not in html
    assert (
        raadslid.get(reverse("rapportages:rapportage-download", args=[gepubliceerd.pk])).status_code
        == 200
    )
    for rapportage in Rapportage.objects.all():
        (Path(settings.MEDIA_ROOT) / rapportage.bestand.name).unlink()
