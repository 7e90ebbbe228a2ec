"""The start page: where each colleague's own work is, and what waits for them."""

import datetime

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core import secties, werklijst
from core.http import HtmxHttpRequest

from ..geschiedenis import geschiedenis_van
from ..models import Opgave, Voortgang


@login_required
@require_GET
def start(request: HtmxHttpRequest):
    """What waits for me (core.werklijst), my opgaven, what needs attention, recent changes,
    and the sections other apps add.

    Raadsleden never get here (config.views.home sends them to the reports)."""
    mijn = list(
        Opgave.objects.waar_werkt(request.user).select_related("opgaveregisseur").op_agenda()
    )
    vandaag = timezone.localdate()
    over_90_dagen = vandaag + datetime.timedelta(days=90)
    return render(
        request,
        "opgaven/start/home.html",
        {
            "werklijst": werklijst.voor(request.user),
            "mijn_opgaven": mijn,
            "aandacht": [o for o in mijn if o.voortgang != Voortgang.OP_KOERS],
            "aflopend": [
                o for o in mijn if o.einddatum and vandaag <= o.einddatum <= over_90_dagen
            ],
            "recent": geschiedenis_van(mijn, request.user, limit=10) if mijn else [],
            "kan_toevoegen": request.user.has_perm("opgaven.add_opgave"),
            "is_beheerder": request.user.has_perm("opgaven.manage_referentielijsten"),
            "secties": secties.render_secties(request, "start"),
        },
    )
