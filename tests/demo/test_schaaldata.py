"""``manage.py schaaldata``: the scale data set for bench/, generated small here."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from demo.seed import schaal
from opgaven.models import Opgave, OpgaveEvent, Teamlidmaatschap
from participatie.models import Betrokkenheid, Stakeholder, Thematafel
from tests.demo_kopie import demodata

pytestmark = pytest.mark.django_db


def test_schaaldata_adds_a_varied_set_with_two_years_of_history():
    call_command("schaaldata", opgaven=30, stakeholders=300, seed=3)
    nieuw = Opgave.objects.filter(opgaveregisseur__username__startswith="schaal-3-")
    demo_regisseurs = Opgave.objects.filter(opgaveregisseur__username="regisseur").count()
    assert Opgave.objects.filter(titel__contains="vitale kernen").count() >= 25
    assert nieuw.exists() and demo_regisseurs > 5  # the demo's regisseur directs some too
    zonder_team = Opgave.objects.exclude(pk__in=Teamlidmaatschap.objects.values("opgave")).filter(
        titel__startswith="Opgave "
    )
    assert not zonder_team.exists()
    gegenereerd = Stakeholder.objects.filter(naam__regex=r" [0-9]+$")
    assert gegenereerd.count() == 300
    assert gegenereerd.filter(vorm="persoon").count() == 100
    assert Betrokkenheid.objects.filter(stakeholder__in=gegenereerd).count() >= 30
    assert Thematafel.objects.filter(thema__startswith="Tafel ").exists()
    oudste = OpgaveEvent.objects.order_by("pgh_created_at").first().pgh_created_at
    assert timezone.now() - oudste > datetime.timedelta(days=700)
    with pytest.raises(CommandError, match="staat al in deze database"):
        call_command("schaaldata", opgaven=30, stakeholders=300, seed=3)


def _vingerafdruk(seed: int) -> tuple:
    """What the set holds for ``seed``, generated and rolled back."""

    class Terug(Exception):
        pass

    demo = {
        u.username: u
        for u in User.objects.filter(username__in=["regisseur", "regisseur2", "teamlid"])
    }
    try:
        with transaction.atomic():
            schaal.maak_schaaldata(demo, opgaven=12, stakeholders=60, seed=seed)
            afdruk = (
                list(
                    Opgave.objects.order_by("pk").values_list(
                        "titel", "fase", "voortgang", "opgaveregisseur__username"
                    )
                ),
                list(Stakeholder.objects.order_by("pk").values_list("naam", "vorm", "soort")),
                list(
                    Betrokkenheid.objects.order_by("pk").values_list(
                        "opgave__titel", "stakeholder__naam", "rol"
                    )
                ),
                list(
                    Teamlidmaatschap.objects.order_by("pk").values_list(
                        "opgave__titel", "user__username"
                    )
                ),
            )
            raise Terug
    except Terug:
        return afdruk


def test_schaaldata_is_reproducible_from_its_seed():
    demodata()
    assert _vingerafdruk(5) == _vingerafdruk(5)
    assert _vingerafdruk(5) != _vingerafdruk(6)


def test_schaaldata_refuses_in_production(settings):
    settings.DEMODATA_TOEGESTAAN = False
    with pytest.raises(CommandError, match="hoort niet in productie"):
        call_command("schaaldata", opgaven=3, stakeholders=3)
    assert not Opgave.objects.exists()
