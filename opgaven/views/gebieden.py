"""A page per gebied (kern, wijk, buurt) for gebiedsteams: the opgaven there, and what
the other apps register for it (stakeholders, sessions ahead, signals, indicators)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core import secties
from core.http import HtmxHttpRequest, require_perm

from ..models import Gebied, Opgave

TOON = 25  # the agenda, filtered on the gebied, has them all
# What the list shows (the regisseur's name as str(user) reads it), not the long texts.
LIJST_VELDEN = ["titel", "fase", "voortgang", "rang"]
LIJST_VELDEN += [f"opgaveregisseur__{veld}" for veld in ("first_name", "last_name", "username")]


@login_required
@require_GET
def gebied_detail(request: HtmxHttpRequest, pk: int):
    require_perm(request, "opgaven.view_opgave")
    gebied = get_object_or_404(
        Gebied.objects.select_related("bovenliggend").prefetch_related("onderliggend"), pk=pk
    )
    opgaven = Opgave.objects.visible_to(request.user).in_gebied(gebied)
    context = {
        "gebied": gebied,
        "opgaven": opgaven.select_related("opgaveregisseur").only(*LIJST_VELDEN).op_agenda()[:TOON],
        "aantal": opgaven.count(),
        "secties": secties.render_secties(request, "gebied", gebied=gebied, opgaven=opgaven),
    }
    return render(request, "opgaven/gebieden/gebied_detail.html", context)
