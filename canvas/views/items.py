"""The canvas page and its items: add, edit in place (with a version check), reorder,
remove; an item's own page with owner, status and comments; the canvas on the hub."""

from functools import cache, partial

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import secties
from core.htmx import section_response
from core.http import HtmxHttpRequest, require_perm
from opgaven.access import opgave_for
from opgaven.models import Opgave
from opgaven.werkruimte import werkruimte

from .. import begroting, herkomst, herstellen, live
from ..forms.items import (
    CanvasItemEditForm,
    CanvasItemForm,
    ItemEigenschappenForm,
    ReactieForm,
)
from ..indicatoren import oordeel
from ..models import BLOK_UITLEG, Blok, CanvasItem, Indicator, Reactie, in_zones
from ..versies import tekstverschil

PAGE = "canvas/items/canvas_detail.html"
ITEM_PAGE = "canvas/items/item_detail.html"


def _item_for(request, pk: int) -> CanvasItem:
    item = get_object_or_404(
        CanvasItem.objects.visible_to(request.user).met_details().select_related("opgave"), pk=pk
    )
    return herkomst.toevoegen([item])[0]


def _te_bewerken(request, pk: int, *, details: bool = False) -> CanvasItem:
    """The item with its opgave, for the check before a write; with its ``details`` where
    the answer shows them before anything is written (the editor). A write reads them once,
    after it (a text save read them twice, a quarter of its time at scale)."""
    if details:
        item = _item_for(request, pk)
    else:
        item = get_object_or_404(
            CanvasItem.objects.visible_to(request.user).select_related("opgave"), pk=pk
        )
    require_perm(request, "canvas.change_canvas", item.opgave)
    return item


def _nieuw_form(code: str, data=None) -> CanvasItemForm:
    label = _("Nieuw item voor %(blok)s") % {"blok": Blok(code).label}
    return CanvasItemForm(data, prefix=code, label=label)


def _blok_context(
    opgave: Opgave, code: str, items, kan_bewerken: bool, form=None, *, bewerken=True
) -> dict:
    """One block: read (compact, with each item's status) or, for the team, edited (the
    controls per item and a new item's form)."""
    bewerken = kan_bewerken and bewerken
    return {
        "opgave": opgave,
        "blok": {"code": code, "label": Blok(code).label, "uitleg": BLOK_UITLEG[code]},
        # The amounts in "Wat het kost" come from the begroting, read only when the block
        # is drawn; its items are the team's explanation next to them.
        "begroting": (
            cache(partial(begroting.van_opgave, opgave)) if code == Blok.BEGROTING else None
        ),
        "items": items,
        "kan_bewerken": kan_bewerken,
        "bewerken": bewerken,
        "form": (form or _nieuw_form(code)) if bewerken else None,
    }


def samenvatting_context(request, opgave: Opgave) -> dict:
    """On the opgave's overview: its indicators, on track or not (by the latest measurement,
    in the same query)."""
    indicatoren = Indicator.objects.filter(item__opgave=opgave).met_laatste_meting()
    return {
        "opgave": opgave,
        "indicatoren": [(i, oordeel(i, i.laatste_meting)) for i in indicatoren],
    }


def _per_blok(items) -> dict[str, list[CanvasItem]]:
    """The items by block code, every block present, in the order given."""
    per_blok: dict[str, list[CanvasItem]] = {code: [] for code in Blok.values}
    for item in items:
        per_blok[item.blok].append(item)
    return per_blok


@login_required
@require_GET
def workshop(request: HtmxHttpRequest, opgave_pk: int):
    """The canvas for a projector or a shared screen: large, without edit controls, with a
    QR code to the canvas so the team adds notes from their phones. The canvas's live stream
    makes it ask for itself when the canvas changes (static/js/live.js)."""
    opgave = opgave_for(request, opgave_pk)
    per_blok = _per_blok(opgave.canvas_items.order_by("blok", "volgorde", "pk"))
    canvas = request.build_absolute_uri(reverse("canvas:canvas-detail", args=[opgave.pk]))
    context = {
        "opgave": opgave,
        "zones": in_zones(lambda b: {"code": b, "label": Blok(b).label, "items": per_blok[b]}),
        "qr": segno.make(f"{canvas}?bewerken=alle", error="m").svg_inline(scale=4, dark="#000"),
        "live_url": live.stroom_url(request, opgave),
    }
    return render(request, "canvas/items/workshop.html", context)


@login_required
@require_GET
def canvas_detail(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    per_blok = _per_blok(herkomst.toevoegen(opgave.canvas_items.met_details()))
    # Read as one picture; ?bewerken=<blok> (or "alle") opens blocks for editing.
    open_ = request.GET.get("bewerken", "")
    context = {
        **werkruimte(request, opgave, "canvas"),
        "zones": in_zones(
            lambda b: _blok_context(
                opgave, b, per_blok[b], kan_bewerken, bewerken=open_ in (b, "alle")
            )
        ),
        "kan_bewerken": kan_bewerken,
        "live_url": live.stroom_url(request, opgave),
        "secties": secties.render_secties(request, "canvas", opgave=opgave),
    }
    return render(request, PAGE, context)


def _blok_bewerken(
    opgave: Opgave, code: str, form=None, fout="", focus=None, verwijderd=None
) -> dict:
    """One block as the team edits it, read now."""
    items = herkomst.toevoegen(opgave.canvas_items.met_details().filter(blok=code))
    focus_item, focus_richting = focus or (None, None)
    return _blok_context(opgave, code, items, True, form) | {
        "blokken": [],
        "fout": fout,
        "verwijderd": verwijderd,
        "focus_item": focus_item,
        "focus_richting": focus_richting,
    }


def _blok(
    request, opgave: Opgave, code: str, *, form=None, status=200, fout="", focus=None, **extra
):
    """The block again (htmx), or back to the canvas at the block."""

    def context():
        return _blok_bewerken(opgave, code, form, fout, focus, **extra)

    # Without JavaScript, back to the canvas with this block still open for editing.
    url = reverse("canvas:canvas-detail", args=[opgave.pk]) + f"?bewerken={code}"
    if not request.htmx and status >= 400:
        return _blok_geweigerd(request, opgave, code, form=form, status=status, fout=fout)
    return section_response(
        request,
        template=PAGE,
        section="blok",
        context=context,
        url=url,
        status=status,
        anchor=f"blok-{code}",
    )


def _blok_geweigerd(request, opgave: Opgave, code: str, *, form, status: int, fout: str):
    """Without JavaScript: a refused new item gets a page of its own with the errors; any
    other refusal goes back to the block with a message."""
    if form is None:
        messages.error(request, fout)
        canvas = reverse("canvas:canvas-detail", args=[opgave.pk])
        return redirect(f"{canvas}?bewerken={code}#blok-{code}")
    blok = {"code": code, "label": Blok(code).label}
    context = {"opgave": opgave, "form": form, "blok": blok}
    return render(request, "canvas/items/item_form.html", context, status=status)


@login_required
@require_GET
def blok_detail(request: HtmxHttpRequest, opgave_pk: int, blok: str):
    """One block, read or (?bewerken=1, for the team) edited: the switch per block."""
    opgave = opgave_for(request, opgave_pk)
    if blok not in Blok.values:
        raise Http404
    bewerken = request.GET.get("bewerken") == "1"
    if not request.htmx:
        canvas = reverse("canvas:canvas-detail", args=[opgave.pk])
        return redirect(f"{canvas}?bewerken={blok}#blok-{blok}" if bewerken else canvas)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    items = herkomst.toevoegen(opgave.canvas_items.met_details().filter(blok=blok))
    context = _blok_context(opgave, blok, items, kan_bewerken, bewerken=bewerken)
    return render(request, f"{PAGE}#blok", context)


def blok_voor_team(request, opgave_pk: int, blok: str) -> Opgave:
    """The opgave whose block ``blok`` the request changes: 404 for a block that does not
    exist or an opgave the person may not see, 403 for who may not change its canvas."""
    opgave = opgave_for(request, opgave_pk)
    if blok not in Blok.values:
        raise Http404
    require_perm(request, "canvas.change_canvas", opgave)
    return opgave


@login_required
@require_POST
def item_create(request: HtmxHttpRequest, opgave_pk: int, blok: str):
    opgave = blok_voor_team(request, opgave_pk, blok)
    form = _nieuw_form(blok, request.POST)
    if not form.is_valid():
        return _blok(request, opgave, blok, form=form, status=422)
    CanvasItem.objects.toevoegen(
        opgave=opgave, blok=blok, tekst=form.cleaned_data["tekst"], user=request.user
    )
    return _blok(request, opgave, blok)


@login_required
@require_POST
def item_delete(request: HtmxHttpRequest, pk: int):
    """Delete; the block comes back with "Ongedaan maken" for it."""
    item = _te_bewerken(request, pk)
    if fout := item.waarom_niet_verwijderen():
        return _blok(request, item.opgave, item.blok, status=409, fout=fout)
    verwijderd = {"pk": item.pk, "tekst": item.tekst}
    item.delete()
    return _blok(request, item.opgave, item.blok, verwijderd=verwijderd)


@login_required
@require_POST
def item_terugzetten(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    """Undo a delete: the item back from its history, with its comments and links."""
    opgave = opgave_for(request, opgave_pk)
    require_perm(request, "canvas.change_canvas", opgave)
    item = herstellen.terugzetten(opgave, pk)
    if item is None:
        raise Http404
    return _blok(request, opgave, item.blok)


def _item_form(request, item: CanvasItem, form, *, conflict_tekst=None, status=200):
    """The item's edit form; after a conflict also both texts, to keep one or merge."""
    conflict = conflict_tekst is not None
    context = {
        "opgave": item.opgave,
        "item": item,
        "form": form,
        "conflict_tekst": conflict_tekst,
        "conflict_verschil": tekstverschil(item.tekst, conflict_tekst) if conflict else "",
        "kan_bewerken": True,
    }
    if request.htmx:
        return render(request, f"{PAGE}#item-form", context, status=status)
    return render(request, "canvas/items/item_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HtmxHttpRequest, pk: int):
    """Edit the text in place; a save on top of a version someone replaced is a conflict."""
    item = _te_bewerken(request, pk, details=request.method == "GET")
    prefix = f"item-{item.pk}"
    if request.method == "GET":
        initial = {"tekst": item.tekst, "versie": item.versie}
        return _item_form(request, item, CanvasItemEditForm(prefix=prefix, initial=initial))
    form = CanvasItemEditForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return _item_form(request, _item_for(request, pk), form, status=422)
    tekst = form.cleaned_data["tekst"]
    saved = CanvasItem.objects.update_if_current(
        item, versie=form.cleaned_data["versie"], tekst=tekst, user=request.user
    )
    item = _item_for(request, pk)
    if saved:
        return _blok_item(request, item)
    # Somebody saved in between: show both texts; saving again means "mine, after reading theirs".
    form = CanvasItemEditForm(prefix=prefix, initial={"tekst": tekst, "versie": item.versie})
    return _item_form(request, item, form, conflict_tekst=tekst, status=409)


def _blok_item(request, item: CanvasItem):
    if not request.htmx:
        canvas = reverse("canvas:canvas-detail", args=[item.opgave_id])
        return redirect(f"{canvas}?bewerken={item.blok}#blok-{item.blok}")
    context = {"item": item, "opgave": item.opgave, "kan_bewerken": True, "bewerken": True}
    return render(request, f"{PAGE}#item", context)


# --- The item's own page: owner, status, comments ---------------------------------------


def _item_page_context(request, item: CanvasItem, eigenschappen=None, reactie=None) -> dict:
    kan_bewerken = request.user.has_perm("canvas.change_canvas", item.opgave)
    team = item.opgave.opgaveteam().order_by("first_name", "last_name", "username")
    initial = {"eigenaar": item.eigenaar_id, "status": item.status}
    return {
        "opgave": item.opgave,
        "item": item,
        "reacties": item.reacties.select_related("auteur"),
        "kan_bewerken": kan_bewerken,
        "eigenschappen_form": (eigenschappen or ItemEigenschappenForm(team=team, initial=initial))
        if kan_bewerken
        else None,
        "reactie_form": (reactie or ReactieForm()) if kan_bewerken else None,
    }


def _item_section(request, pk: int, section: str, *, status=200, **forms):
    return section_response(
        request,
        template=ITEM_PAGE,
        section=section,
        context=lambda: _item_page_context(request, _item_for(request, pk), **forms),
        url=reverse("canvas:canvasitem-detail", args=[pk]),
        status=status,
    )


@login_required
@require_GET
def item_detail(request: HtmxHttpRequest, pk: int):
    """The item in the canvas (htmx: after "Annuleren"), or its own page."""
    item = _item_for(request, pk)
    if request.htmx:
        kan_bewerken = request.user.has_perm("canvas.change_canvas", item.opgave)
        context = {"item": item, "opgave": item.opgave, "kan_bewerken": kan_bewerken}
        return render(request, f"{PAGE}#item", context | {"bewerken": kan_bewerken})
    return render(request, ITEM_PAGE, _item_page_context(request, item))


@login_required
@require_POST
def eigenschappen(request: HtmxHttpRequest, pk: int):
    """Owner and status: saved apart from the text, so they never conflict with it."""
    item = _te_bewerken(request, pk)
    form = ItemEigenschappenForm(request.POST, team=item.opgave.opgaveteam())
    if not form.is_valid():
        return _item_section(request, pk, "eigenschappen", status=422, eigenschappen=form)
    CanvasItem.objects.eigenschappen_opslaan(item, **form.cleaned_data)
    messages.success(request, _("Eigenaar en status zijn opgeslagen."))
    return _item_section(request, pk, "eigenschappen")


@login_required
@require_POST
def reactie_create(request: HtmxHttpRequest, pk: int):
    item = _te_bewerken(request, pk)
    form = ReactieForm(request.POST)
    if not form.is_valid():
        return _item_section(request, pk, "reacties", status=422, reactie=form)
    Reactie.objects.create(item=item, auteur=request.user, tekst=form.cleaned_data["tekst"])
    messages.success(request, _("Uw reactie is geplaatst."))
    return _item_section(request, pk, "reacties")


@login_required
@require_POST
def reactie_delete(request: HtmxHttpRequest, pk: int, reactie_pk: int):
    """Everyone takes back their own words only."""
    item = _te_bewerken(request, pk)
    get_object_or_404(item.reacties, auteur=request.user, pk=reactie_pk).delete()
    messages.success(request, _("Uw reactie is verwijderd."))
    return _item_section(request, pk, "reacties")
