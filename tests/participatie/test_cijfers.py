"""When a session counts as held, and the participation figures the screens and the council
report share (participatie.cijfers)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from opgaven.models import Opgave
from participatie.cijfers import met_participatiecijfers
from participatie.models import Bijeenkomst, Terugkoppeling
from tests.conftest import client_for
from tests.participatie.factories import (
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
