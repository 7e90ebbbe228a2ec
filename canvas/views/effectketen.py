"""The effect chain: activiteiten -> prestaties -> effecten -> beleidsdoelen, drawn, listed
and checked for loose ends; links added and removed one at a time."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest
from opgaven.access import opgave_for, opgave_to_change
from opgaven.models import Opgave

from .. import effectketen as keten
from ..forms.effectketen import SchakelForm
from ..models import Blok, Schakel, Soort

PAGE = "canvas/effectketen/effectketen.html"
CHANGE = "canvas.change_canvas"


def _context(request, opgave: Opgave, form=None) -> dict:
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    items = list(opgave.canvas_items.all())
    schakels = list(Schakel.objects.filter(van__opgave=opgave).order_by("pk"))
    schema = keten.bouw(items, schakels)
    if kan_bewerken and form is None:
        bestaand = {(s.van_id, s.naar_id) for s in schakels}
        form = SchakelForm(knopen=schema.knopen, bestaand=bestaand)
    return {
        "opgave": opgave,
        "keten": schema,
        "form": form if kan_bewerken else None,
        "kan_bewerken": kan_bewerken,
        "prestaties_effecten": [i for i in items if i.blok == Blok.PRESTATIES_EFFECTEN],
        "soorten": Soort.choices,
        "geometrie": {
            "breedte": keten.BREEDTE,
            "vak_b": keten.VAK_B,
            "vak_h": keten.VAK_H,
            "midden": keten.VAK_H // 2,
        },
    }


def _keten(request, opgave: Opgave, *, form=None, status=200):
    return section_response(
        request,
        template=PAGE,
        section="keten",
        context=lambda: _context(request, opgave, form),
        url=reverse("canvas:effectketen", args=[opgave.pk]),
        status=status,
    )


@login_required
@require_GET
def effectketen(request: HtmxHttpRequest, opgave_pk: int):
    return render(request, PAGE, _context(request, opgave_for(request, opgave_pk)))


@login_required
@require_POST
def schakel_create(request: HtmxHttpRequest, opgave_pk: int):
    """This item contributes to that one, in a direction that makes sense."""
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    items = list(opgave.canvas_items.all())
    schakels = list(Schakel.objects.filter(van__opgave=opgave))
    bestaand = {(s.van_id, s.naar_id) for s in schakels}
    form = SchakelForm(request.POST, knopen=keten.bouw(items, schakels).knopen, bestaand=bestaand)
    if not form.is_valid():
        return _keten(request, opgave, form=form, status=422)
    Schakel.objects.create(van_id=form.cleaned_data["van"], naar_id=form.cleaned_data["naar"])
    messages.success(request, _("De schakel is toegevoegd."))
    return _keten(request, opgave)


@login_required
@require_POST
def schakel_delete(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    get_object_or_404(Schakel, van__opgave=opgave, pk=pk).delete()
    messages.success(request, _("De schakel is verwijderd."))
    return _keten(request, opgave)


@login_required
@require_POST
def item_soort(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    """Within "Prestaties en effecten": is this item something we deliver, or an effect?"""
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    item = get_object_or_404(opgave.canvas_items, blok=Blok.PRESTATIES_EFFECTEN, pk=pk)
    if request.POST.get("soort") not in Soort.values:
        raise Http404
    item.soort = request.POST["soort"]
    item.save(update_fields=["soort", "updated_at"])
    return _keten(request, opgave)
