"""Named versions of the canvas: freeze the current state, compare two."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import secties
from core.htmx import section_response
from core.http import HtmxHttpRequest, pk_of_404
from opgaven.access import opgave_for, opgave_to_change
from opgaven.models import Opgave

from .. import versies as versies_module
from ..forms.versies import VersieForm
from ..models import CanvasVersie

PAGE = "canvas/versies/versies.html"
HUIDIG = "huidig"


def _context(request, opgave: Opgave, form=None) -> dict:
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    lijst = list(opgave.canvasversies.select_related("vastgelegd_door").defer("items"))
    return {
        "opgave": opgave,
        "versies": lijst,
        "form": (form or VersieForm(opgave=opgave)) if kan_bewerken else None,
        "kan_bewerken": kan_bewerken,
        "a": lijst[0].pk if lijst else "",
        "b": HUIDIG,
        "secties": secties.render_secties(request, "canvasversies", opgave=opgave),
    }


@login_required
@require_GET
def versies(request: HtmxHttpRequest, opgave_pk: int):
    """Named versions of the canvas: freeze the current state, pick two to compare."""
    return render(request, PAGE, _context(request, opgave_for(request, opgave_pk)))


@login_required
@require_POST
def versie_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, "canvas.change_canvas")
    form = VersieForm(request.POST, opgave=opgave)
    if form.is_valid():
        versie = CanvasVersie.vastleggen(
            opgave=opgave, naam=form.cleaned_data["naam"], user=request.user
        )
        messages.success(request, _("Versie '%(naam)s' is vastgelegd.") % {"naam": versie.naam})
    return section_response(
        request,
        template=PAGE,
        section="versies",
        context=lambda: _context(request, opgave, None if form.is_valid() else form),
        url=reverse("canvas:versies", args=[opgave.pk]),
        status=200 if form.is_valid() else 422,
    )


def _toestand(opgave: Opgave, keuze: str) -> tuple[str, list[dict]]:
    """A version's frozen items, or the canvas as it is now ("huidig")."""
    if keuze == HUIDIG:
        return _("het huidige canvas"), opgave.canvas_items.momentopname()
    versie = get_object_or_404(opgave.canvasversies, pk=pk_of_404(keuze))
    return versie.naam, versie.items


@login_required
@require_GET
def versies_vergelijken(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    a, b = request.GET.get("a", ""), request.GET.get("b", HUIDIG)
    if a == b:
        messages.error(request, _("Kies twee verschillende versies om te vergelijken."))
        return redirect("canvas:versies", opgave_pk=opgave.pk)
    naam_a, items_a = _toestand(opgave, a)
    naam_b, items_b = _toestand(opgave, b)
    return render(
        request,
        "canvas/versies/versies_vergelijken.html",
        {
            "opgave": opgave,
            "naam_a": naam_a,
            "naam_b": naam_b,
            "blokken": versies_module.vergelijk(items_a, items_b),
        },
    )
