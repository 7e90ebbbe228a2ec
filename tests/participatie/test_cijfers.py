"""When a session counts as held, and the participation figures the screens and the council
report share (participatie.cijfers)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from opgaven.models import Opgave
from participatie.cijfers import met_open_acties, met_participatiecijfers
from participatie.models import ActiepuntStatus, Bijeenkomst, Terugkoppeling
from tests.conftest import client_for
from tests.participatie.factories import (
    ActiepuntFactory,
    BijeenkomstFactory,
    InbrengFactory,
    StakeholderFactory,
    ThematafelFactory,
)


def test_a_session_is_held_once_started_or_once_something_was_recorded(users, opgave):
    nu = timezone.now()
    tafel = ThematafelFactory(opgaven=[opgave])
    later = nu + datetime.timedelta(days=3)
    geweest = BijeenkomstFactory(thematafel=tafel, begint_op=nu - datetime.timedelta(days=3))
    gepland = BijeenkomstFactory(thematafel=tafel, begint_op=later)
    # Recorded, then moved ahead by mistake: it took place all the same.
    verschoven = BijeenkomstFactory(thematafel=tafel, begint_op=later)
    verschoven.aanwezig.add(StakeholderFactory())
    met_inbreng = BijeenkomstFactory(thematafel=tafel, begint_op=nu - datetime.timedelta(days=1))
    InbrengFactory(bijeenkomst=met_inbreng)
    InbrengFactory(
        bijeenkomst=met_inbreng, terugkoppeling=Terugkoppeling.IN_ONDERZOEK, toelichting="Loopt"
    )
    Bijeenkomst.objects.filter(pk=met_inbreng.pk).update(
        begint_op=later, eindigt_op=later + datetime.timedelta(hours=2)
    )

    assert set(Bijeenkomst.objects.gehouden()) == {geweest, verschoven, met_inbreng}
    assert gepland not in Bijeenkomst.objects.gehouden()
    cijfers = met_participatiecijfers(Opgave.objects.filter(pk=opgave.pk)).get()
    assert (cijfers.n_bijeenkomsten, cijfers.n_inbreng, cijfers.n_teruggekoppeld) == (3, 2, 1)
    # The opgave's participation page says it in the report's words.
    html = (
        client_for(users["medewerker"])
        .get(reverse("participatie:opgave-participatie", args=[opgave.pk]))
        .content.decode()
    )
    assert "3 bijeenkomsten gehouden; 2 keer inbreng, waarvan 1 met terugkoppeling." in html


def test_figures_count_each_opgaves_own_thematafels_a_shared_one_for_both(opgave, andere_opgave):
    """Sessions, inbreng and action points reach an opgave through its thematafels (the
    link table): a thematafel of two opgaven counts for both, another one for its own."""
    gisteren = timezone.now() - datetime.timedelta(days=1)
    gedeeld = BijeenkomstFactory(
        thematafel=ThematafelFactory(opgaven=[opgave, andere_opgave]), begint_op=gisteren
    )
    eigen = BijeenkomstFactory(
        thematafel=ThematafelFactory(opgaven=[andere_opgave]), begint_op=gisteren
    )
    InbrengFactory(bijeenkomst=gedeeld)
    InbrengFactory.create_batch(2, bijeenkomst=eigen)
    ActiepuntFactory(bijeenkomst=gedeeld)
    ActiepuntFactory(bijeenkomst=eigen)
    ActiepuntFactory(bijeenkomst=eigen, status=ActiepuntStatus.GEREED)

    opgaven = met_open_acties(met_participatiecijfers(Opgave.objects.order_by("pk")))
    cijfers = {o.pk: (o.n_bijeenkomsten, o.n_inbreng, o.n_actiepunten) for o in opgaven}
    assert cijfers == {opgave.pk: (1, 1, 1), andere_opgave.pk: (2, 3, 2)}
