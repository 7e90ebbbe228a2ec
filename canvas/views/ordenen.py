"""Putting canvas items in order: up and down within a block, a whole block's order
(dragging), and to another block."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import HtmxHttpRequest

from ..forms.items import NaarBlokForm
from ..models import CanvasItem
from .items import PAGE, _blok, _blok_bewerken, _te_bewerken, blok_voor_team


@login_required
@require_POST
def item_verplaatsen(request: HtmxHttpRequest, pk: int):
    """One place up or down within the block (the keyboard way to reorder)."""
    item = _te_bewerken(request, pk)
    richting = request.POST.get("richting")
    if richting not in ("omhoog", "omlaag"):
        raise Http404
    plaats, laatste = CanvasItem.objects.verplaats(item, richting)
    # Keep the keyboard where it was; at the top or bottom that button is gone, use the other.
    if plaats == 0:
        richting = "omlaag"
    elif plaats == laatste:
        richting = "omhoog"
    return _blok(request, item.opgave, item.blok, focus=(item.pk, richting))


@login_required
@require_POST
def item_naar_blok(request: HtmxHttpRequest, pk: int):
    """To another block ("Verplaats naar", or dragged there, with the order of the block it
    was dropped in): the block it left comes back, and the block it went to with it (out of
    band; also when refused, so a dragged note does not stay where it could not go)."""
    item = _te_bewerken(request, pk)
    form = NaarBlokForm(request.POST)
    if not form.is_valid():
        return _blok(request, item.opgave, item.blok, status=422, fout=form.errors["blok"][0])
    van, naar = item.blok, form.cleaned_data["blok"]
    if naar != van and (fout := item.waarom_niet_naar_ander_blok()):
        antwoord = _blok(request, item.opgave, van, status=409, fout=fout)
    else:
        CanvasItem.objects.naar_blok(item, naar, request.user)
        # Dragged: the place it was dropped at (nothing changes if the block changed meanwhile).
        if volgorde := request.POST.getlist("item"):
            CanvasItem.objects.herschik_blok(item.opgave, naar, volgorde)
        if not request.htmx:
            canvas = reverse("canvas:canvas-detail", args=[item.opgave_id])
            return redirect(f"{canvas}?bewerken={naar}#item-{item.pk}")
        antwoord = _blok(request, item.opgave, van)
    if request.htmx and naar != van:
        context = _blok_bewerken(item.opgave, naar) | {"oob": True}
        antwoord.content += render_to_string(f"{PAGE}#blok", context, request=request).encode()
    return antwoord


@login_required
@require_POST
def blok_volgorde(request: HtmxHttpRequest, opgave_pk: int, blok: str):
    """A new order for a whole block (what dragging with the mouse sends)."""
    opgave = blok_voor_team(request, opgave_pk, blok)
    gevraagd = request.POST.getlist("item")
    if not CanvasItem.objects.herschik_blok(opgave, blok, gevraagd):
        # Somebody added or removed an item meanwhile: show the block as it is now.
        fout = _("Het blok is intussen gewijzigd. Bekijk de volgorde en verplaats opnieuw.")
        return _blok(request, opgave, blok, status=409, fout=fout)
    return _blok(request, opgave, blok)
