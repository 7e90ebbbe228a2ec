from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import HtmxHttpRequest, pk_of_404
from opgaven.models import Opgave
from opgaven.views import opgave_for

from . import begroting as begroting_module
from . import documenten, keten
from . import indicatoren as indicatoren_module
from . import realisatieplan as realisatieplan_module
from . import versies as versies_module
from .forms import (
    BegrotingsregelForm,
    CanvasItemEditForm,
    CanvasItemForm,
    FinancierForm,
    IndicatorForm,
    ItemEigenschappenForm,
    MetingenImportForm,
    MetingForm,
    MijlpaalForm,
    ReactieForm,
    SchakelForm,
    UitvoeringForm,
    VersieForm,
)
from .models import (
    Begrotingsregel,
    Blok,
    CanvasItem,
    CanvasVersie,
    Indicator,
    Meting,
    Mijlpaal,
    Reactie,
    Schakel,
    Soort,
    Uitvoering,
)

PAGE = "canvas/canvas_detail.html"
# An item taken over from participation links back to the inbreng (participatie.Inbreng).
INBRENG = "inbreng__bijeenkomst__thematafel"


def _items(opgave: Opgave):
    return opgave.canvas_items.met_details().select_related(INBRENG)


def _item_for(request, pk: int) -> CanvasItem:
    return get_object_or_404(
        CanvasItem.objects.filter(opgave__in=Opgave.objects.visible_to(request.user))
        .met_details()
        .select_related(INBRENG),
        pk=pk,
    )


def _require_change(request, opgave: Opgave) -> None:
    if not request.user.has_perm("canvas.change_canvas", opgave):
        raise PermissionDenied


def _blok_context(opgave: Opgave, code: str, items, kan_bewerken: bool, form=None) -> dict:
    return {
        "opgave": opgave,
        "blok": {"code": code, "label": Blok(code).label},
        "items": items,
        "kan_bewerken": kan_bewerken,
        "form": form
        or (
            CanvasItemForm(
                prefix=code, label=_("Nieuw item voor %(blok)s") % {"blok": Blok(code).label}
            )
            if kan_bewerken
            else None
        ),
    }


def samenvatting_context(request, opgave: Opgave) -> dict:
    """The canvas on the hub page: how many items each block has."""
    aantallen = dict(
        opgave.canvas_items.values_list("blok").annotate(n=Count("pk")).values_list("blok", "n")
    )
    return {
        "opgave": opgave,
        "blokken": [(label, aantallen.get(code, 0)) for code, label in Blok.choices],
    }


@login_required
@require_GET
def canvas_detail(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    per_blok: dict[str, list[CanvasItem]] = {code: [] for code in Blok.values}
    for item in _items(opgave):
        per_blok[item.blok].append(item)
    blokken = [_blok_context(opgave, code, items, kan_bewerken) for code, items in per_blok.items()]
    return render(
        request, PAGE, {"opgave": opgave, "blokken": blokken, "kan_bewerken": kan_bewerken}
    )


def _render_blok(
    request, opgave: Opgave, code: str, form=None, status: int = 200, fout="", focus=None
):
    items = _items(opgave).filter(blok=code)
    focus_item, focus_richting = focus or (None, None)
    context = _blok_context(opgave, code, items, True, form) | {
        "fout": fout,
        "focus_item": focus_item,
        "focus_richting": focus_richting,
    }
    return render(request, f"{PAGE}#blok", context, status=status)


@login_required
@require_POST
def item_create(request: HtmxHttpRequest, opgave_pk: int, blok: str):
    opgave = opgave_for(request, opgave_pk)
    if blok not in Blok.values:
        raise Http404
    _require_change(request, opgave)
    form = CanvasItemForm(
        request.POST, prefix=blok, label=_("Nieuw item voor %(blok)s") % {"blok": Blok(blok).label}
    )
    if form.is_valid():
        volgorde = opgave.canvas_items.filter(blok=blok).aggregate(m=Max("volgorde"))["m"] or 0
        CanvasItem.objects.create(
            opgave=opgave,
            blok=blok,
            tekst=form.cleaned_data["tekst"],
            volgorde=volgorde + 1,
            bijgewerkt_door=request.user,
        )
        if not request.htmx:
            return redirect(_canvas_url(opgave, blok))
        return _render_blok(request, opgave, blok)
    if not request.htmx:
        return _render_item_page(request, opgave, form, blok=blok, status=422)
    return _render_blok(request, opgave, blok, form=form, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def item_detail(request: HtmxHttpRequest, pk: int):
    """The item in the canvas (htmx), or its own page: owner, status and the comment thread."""
    item = _item_for(request, pk)
    opgave = opgave_for(request, item.opgave_id)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    if request.htmx and request.method == "GET":
        return render(
            request, f"{PAGE}#item", {"item": item, "opgave": opgave, "kan_bewerken": kan_bewerken}
        )
    team = opgave.opgaveteam().order_by("first_name", "last_name", "username")
    eigenschappen = ItemEigenschappenForm(
        team=team, initial={"eigenaar": item.eigenaar_id, "status": item.status}
    )
    reactie_form = ReactieForm()
    if request.method == "POST":
        _require_change(request, opgave)
        formulier = request.POST.get("formulier")
        if formulier == "eigenschappen":
            eigenschappen = ItemEigenschappenForm(request.POST, team=team)
            if eigenschappen.is_valid():
                CanvasItem.objects.eigenschappen_opslaan(
                    item.pk,
                    eigenaar=eigenschappen.cleaned_data["eigenaar"],
                    status=eigenschappen.cleaned_data["status"],
                )
                messages.success(request, _("Eigenaar en status zijn opgeslagen."))
                return redirect(request.path)
        elif formulier == "reactie":
            reactie_form = ReactieForm(request.POST)
            if reactie_form.is_valid():
                Reactie.objects.create(
                    item=item, auteur=request.user, tekst=reactie_form.cleaned_data["tekst"]
                )
                messages.success(request, _("Uw reactie is geplaatst."))
                return redirect(f"{request.path}#reacties")
        elif formulier == "reactie-verwijderen":
            # Everyone takes back their own words only.
            get_object_or_404(
                item.reacties, auteur=request.user, pk=pk_of_404(request.POST.get("reactie"))
            ).delete()
            messages.success(request, _("Uw reactie is verwijderd."))
            return redirect(f"{request.path}#reacties")
        else:
            raise Http404
    return render(
        request,
        "canvas/item_detail.html",
        {
            "opgave": opgave,
            "item": item,
            "reacties": item.reacties.select_related("auteur"),
            "kan_bewerken": kan_bewerken,
            "eigenschappen_form": eigenschappen if kan_bewerken else None,
            "reactie_form": reactie_form if kan_bewerken else None,
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def item_verplaatsen(request: HtmxHttpRequest, pk: int):
    """One place up or down within the block (the keyboard way to reorder)."""
    item = _item_for(request, pk)
    opgave = opgave_for(request, item.opgave_id)
    _require_change(request, opgave)
    richting = request.POST.get("richting")
    if richting not in ("omhoog", "omlaag"):
        raise Http404
    with transaction.atomic():
        volgorde = _blok_volgorde_locked(opgave, item.blok)
        plaats = volgorde.index(item.pk)
        doel = plaats - 1 if richting == "omhoog" else plaats + 1
        if 0 <= doel < len(volgorde):
            volgorde[plaats], volgorde[doel] = volgorde[doel], volgorde[plaats]
            CanvasItem.objects.herschik(volgorde)
            plaats = doel
    if not request.htmx:
        return redirect(_canvas_url(opgave, item.blok))
    # Keep the keyboard where it was; at the top or bottom that button is gone, use the other.
    if plaats == 0:
        richting = "omlaag"
    elif plaats == len(volgorde) - 1:
        richting = "omhoog"
    return _render_blok(request, opgave, item.blok, focus=(item.pk, richting))


@login_required
@require_POST
def blok_volgorde(request: HtmxHttpRequest, opgave_pk: int, blok: str):
    """A new order for a whole block (what dragging with the mouse sends)."""
    opgave = opgave_for(request, opgave_pk)
    if blok not in Blok.values:
        raise Http404
    _require_change(request, opgave)
    try:
        gevraagd = [int(pk) for pk in request.POST.getlist("item")]
    except ValueError:
        gevraagd = []
    with transaction.atomic():
        huidig = _blok_volgorde_locked(opgave, blok)
        if sorted(gevraagd) != sorted(huidig):
            # Somebody added or removed an item meanwhile: show the block as it is now.
            fout = _("Het blok is intussen gewijzigd. Bekijk de volgorde en verplaats opnieuw.")
            return _render_blok(request, opgave, blok, status=409, fout=fout)
        CanvasItem.objects.herschik(gevraagd)
    return _render_blok(request, opgave, blok)


def _blok_volgorde_locked(opgave: Opgave, blok: str) -> list[int]:
    """The block's item ids in their order, rows locked until the transaction ends."""
    return list(
        CanvasItem.objects.select_for_update()
        .filter(opgave=opgave, blok=blok)
        .order_by("volgorde", "pk")
        .values_list("pk", flat=True)
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HtmxHttpRequest, pk: int):
    item = _item_for(request, pk)
    opgave = opgave_for(request, item.opgave_id)
    _require_change(request, opgave)
    prefix = f"item-{item.pk}"
    if request.method == "GET":
        form = CanvasItemEditForm(
            prefix=prefix, initial={"tekst": item.tekst, "versie": item.versie}
        )
        return _render_item_form(request, opgave, item, form)

    form = CanvasItemEditForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return _render_item_form(request, opgave, item, form, status=422)
    saved = CanvasItem.objects.update_if_current(
        pk=item.pk,
        versie=form.cleaned_data["versie"],
        tekst=form.cleaned_data["tekst"],
        user=request.user,
    )
    if saved:
        if not request.htmx:
            return redirect(_canvas_url(opgave, item.blok))
        item = _item_for(request, pk)
        return render(
            request, f"{PAGE}#item", {"item": item, "opgave": opgave, "kan_bewerken": True}
        )
    # Somebody saved in between: show both texts; saving again means "mine, after reading theirs".
    item = _item_for(request, pk)
    mijn_tekst = form.cleaned_data["tekst"]
    form = CanvasItemEditForm(prefix=prefix, initial={"tekst": mijn_tekst, "versie": item.versie})
    return _render_item_form(request, opgave, item, form, conflict_tekst=mijn_tekst, status=409)


@login_required
@require_POST
def item_delete(request: HtmxHttpRequest, pk: int):
    item = _item_for(request, pk)
    opgave = opgave_for(request, item.opgave_id)
    _require_change(request, opgave)
    blok = item.blok
    fout = ""
    if item.begrotingsregels.exists():
        # Money is planned on this activity: removing it would orphan budget lines.
        fout = _(
            "Dit item heeft begrotingsregels. Verwijder of verplaats die eerst in de begroting."
        )
    elif item.indicatoren.exists():
        fout = _("Dit item heeft indicatoren met metingen. Verwijder die eerst bij Indicatoren.")
    if fout:
        if not request.htmx:
            messages.error(request, fout)
            return redirect(_canvas_url(opgave, blok))
        return _render_blok(request, opgave, blok, status=409, fout=fout)
    item.delete()
    if not request.htmx:
        return redirect(_canvas_url(opgave, blok))
    return _render_blok(request, opgave, blok)


def _canvas_url(opgave: Opgave, blok: str) -> str:
    return f"{reverse('canvas:canvas-detail', args=[opgave.pk])}#blok-{blok}"


def _render_item_form(request, opgave, item, form, *, conflict_tekst=None, status=200):
    context = {
        "opgave": opgave,
        "item": item,
        "form": form,
        "conflict_tekst": conflict_tekst,
        "kan_bewerken": True,
    }
    if request.htmx:
        return render(request, f"{PAGE}#item-form", context, status=status)
    return render(request, "canvas/item_form.html", context, status=status)


def _render_item_page(request, opgave, form, *, blok, status):
    context = {"opgave": opgave, "form": form, "blok": {"code": blok, "label": Blok(blok).label}}
    return render(request, "canvas/item_form.html", context, status=status)


HUIDIG = "huidig"


@login_required
@require_http_methods(["GET", "POST"])
def versies(request: HtmxHttpRequest, opgave_pk: int):
    """Named versions of the canvas: freeze the current state, pick two to compare."""
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    form = VersieForm(opgave=opgave) if kan_bewerken else None
    if request.method == "POST":
        _require_change(request, opgave)
        form = VersieForm(request.POST, opgave=opgave)
        if form.is_valid():
            versie = CanvasVersie.vastleggen(
                opgave=opgave, naam=form.cleaned_data["naam"], user=request.user
            )
            messages.success(request, _("Versie '%(naam)s' is vastgelegd.") % {"naam": versie.naam})
            return redirect("canvas:versies", opgave_pk=opgave.pk)
    lijst = list(opgave.canvasversies.select_related("vastgelegd_door").defer("items"))
    return render(
        request,
        "canvas/versies.html",
        {
            "opgave": opgave,
            "versies": lijst,
            "form": form,
            "kan_bewerken": kan_bewerken,
            "a": lijst[0].pk if lijst else "",
            "b": HUIDIG,
        },
        status=422 if form is not None and form.errors else 200,
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
        "canvas/versies_vergelijken.html",
        {
            "opgave": opgave,
            "naam_a": naam_a,
            "naam_b": naam_b,
            "blokken": versies_module.vergelijk(items_a, items_b),
        },
    )


@login_required
@require_GET
def canvas_pdf(request: HtmxHttpRequest, opgave_pk: int):
    """The whole canvas (now, or a frozen version) on one A3 landscape page."""
    opgave = opgave_for(request, opgave_pk)
    keuze = request.GET.get("versie", HUIDIG)
    naam, items = _toestand(opgave, keuze)
    stand = _("Huidige stand") if keuze == HUIDIG else _("Versie: %(naam)s") % {"naam": naam}
    pdf = documenten.canvas_pdf(opgave=opgave, stand=stand, items=items)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="canvas-{opgave.pk}.pdf"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def effectketen(request: HtmxHttpRequest, opgave_pk: int):
    """Activiteiten -> prestaties -> effecten -> beleidsdoelen, drawn and checked for gaps."""
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    items = list(opgave.canvas_items.all())
    schakels = list(Schakel.objects.filter(van__opgave=opgave).order_by("pk"))
    schema = keten.bouw(items, schakels)
    knopen = schema.knopen
    bestaand = {(s.van_id, s.naar_id) for s in schakels}
    form = SchakelForm(knopen=knopen, bestaand=bestaand) if kan_bewerken else None
    if request.method == "POST":
        _require_change(request, opgave)
        formulier = request.POST.get("formulier")
        if formulier == "schakel":
            form = SchakelForm(request.POST, knopen=knopen, bestaand=bestaand)
            if form.is_valid():
                Schakel.objects.create(
                    van_id=form.cleaned_data["van"], naar_id=form.cleaned_data["naar"]
                )
                messages.success(request, _("De schakel is toegevoegd."))
                return redirect(request.path)
        elif formulier == "schakel-verwijderen":
            get_object_or_404(
                Schakel, van__opgave=opgave, pk=pk_of_404(request.POST.get("schakel"))
            ).delete()
            messages.success(request, _("De schakel is verwijderd."))
            return redirect(request.path)
        elif formulier == "soort":
            item = get_object_or_404(
                opgave.canvas_items,
                blok=Blok.PRESTATIES_EFFECTEN,
                pk=pk_of_404(request.POST.get("item")),
            )
            if request.POST.get("soort") not in Soort.values:
                raise Http404
            item.soort = request.POST["soort"]
            item.save(update_fields=["soort", "updated_at"])
            return redirect(f"{request.path}#soorten")
        else:
            raise Http404
    return render(
        request,
        "canvas/effectketen.html",
        {
            "opgave": opgave,
            "keten": schema,
            "form": form,
            "kan_bewerken": kan_bewerken,
            "prestaties_effecten": [i for i in items if i.blok == Blok.PRESTATIES_EFFECTEN],
            "soorten": Soort.choices,
            "geometrie": {"breedte": keten.BREEDTE, "vak_b": keten.VAK_B, "vak_h": keten.VAK_H},
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicatoren(request: HtmxHttpRequest, opgave_pk: int):
    """Indicators of effects and goals: measurements, a trend chart and a judgement."""
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    items = opgave.canvas_items.filter(
        Q(blok=Blok.BELEIDSDOELEN) | Q(blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT)
    )
    lijst = Indicator.objects.filter(item__opgave=opgave)
    indicator_form = IndicatorForm(items=items) if kan_bewerken else None
    meting_form = MetingForm(indicatoren=lijst) if kan_bewerken else None
    import_form = MetingenImportForm(indicatoren=lijst) if kan_bewerken else None
    import_fouten: list[str] = []
    if request.method == "POST":
        _require_change(request, opgave)
        formulier = request.POST.get("formulier")
        if formulier == "indicator":
            indicator_form = IndicatorForm(request.POST, items=items)
            if indicator_form.is_valid():
                indicator = indicator_form.save()
                messages.success(request, _("De indicator is toegevoegd."))
                return redirect(f"{request.path}#indicator-{indicator.pk}")
        elif formulier == "meting":
            meting_form = MetingForm(request.POST, indicatoren=lijst)
            if meting_form.is_valid():
                data = meting_form.cleaned_data
                Meting.objects.update_or_create(
                    indicator=data["indicator"],
                    datum=data["datum"],
                    defaults={"waarde": data["waarde"], "toelichting": data["toelichting"]},
                )
                messages.success(request, _("De meting is opgeslagen."))
                return redirect(f"{request.path}#indicator-{data['indicator'].pk}")
        elif formulier == "import":
            import_form = MetingenImportForm(request.POST, request.FILES, indicatoren=lijst)
            if import_form.is_valid():
                indicator = import_form.cleaned_data["indicator"]
                inlezing = indicatoren_module.lees_csv(import_form.cleaned_data["bestand"].read())
                import_fouten = inlezing.fouten
                if not import_fouten:
                    nieuw = Meting.importeer(indicator, inlezing.rijen)
                    messages.success(
                        request,
                        _("%(n)d metingen ingelezen, waarvan %(nieuw)d nieuw.")
                        % {"n": len(inlezing.rijen), "nieuw": nieuw},
                    )
                    return redirect(f"{request.path}#indicator-{indicator.pk}")
        elif formulier == "meting-verwijderen":
            get_object_or_404(
                Meting, indicator__in=lijst, pk=pk_of_404(request.POST.get("meting"))
            ).delete()
            messages.success(request, _("De meting is verwijderd."))
            return redirect(request.path)
        elif formulier == "indicator-verwijderen":
            get_object_or_404(lijst, pk=pk_of_404(request.POST.get("indicator"))).delete()
            messages.success(request, _("De indicator en zijn metingen zijn verwijderd."))
            return redirect(request.path)
        else:
            raise Http404
    rijen = []
    for indicator in lijst.select_related("item").prefetch_related("metingen"):
        metingen = list(indicator.metingen.all())
        rijen.append(
            {
                "indicator": indicator,
                "metingen": [
                    (m, indicatoren_module.verwacht(indicator, m.datum)) for m in metingen
                ],
                "oordeel": indicatoren_module.oordeel(indicator, metingen),
                "grafiek": indicatoren_module.grafiek(indicator, metingen),
            }
        )
    return render(
        request,
        "canvas/indicatoren.html",
        {
            "opgave": opgave,
            "rijen": rijen,
            "kan_bewerken": kan_bewerken,
            "indicator_form": indicator_form,
            "meting_form": meting_form,
            "import_form": import_form,
            "import_fouten": import_fouten,
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def realisatieplan(request: HtmxHttpRequest, opgave_pk: int):
    """The activities as a plan: who, when, how far, milestones; a timeline and a table."""
    opgave = opgave_for(request, opgave_pk)
    activiteiten = list(
        opgave.canvas_items.filter(blok=Blok.ACTIVITEITEN)
        .select_related("uitvoering", "eigenaar")
        .prefetch_related("mijlpalen")
    )
    return render(
        request,
        "canvas/realisatieplan.html",
        {
            "opgave": opgave,
            "activiteiten": activiteiten,
            "tijdlijn": realisatieplan_module.tijdlijn(activiteiten, timezone.localdate()),
            "vandaag": timezone.localdate(),
            "kan_bewerken": request.user.has_perm("canvas.change_canvas", opgave),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def planning(request: HtmxHttpRequest, pk: int):
    """Plan one activity: owner or partner, start and end, status, progress, milestones."""
    item = _item_for(request, pk)
    if item.blok != Blok.ACTIVITEITEN:
        raise Http404
    opgave = opgave_for(request, item.opgave_id)
    _require_change(request, opgave)
    uitvoering = Uitvoering.objects.filter(activiteit=item).first() or Uitvoering(activiteit=item)
    team = opgave.opgaveteam().order_by("first_name", "last_name", "username")
    form = UitvoeringForm(instance=uitvoering, team=team, initial={"eigenaar": item.eigenaar_id})
    mijlpaal_form = MijlpaalForm()
    terug = reverse("canvas:realisatieplan", args=[opgave.pk])
    if request.method == "POST":
        formulier = request.POST.get("formulier")
        if formulier == "uitvoering":
            form = UitvoeringForm(request.POST, instance=uitvoering, team=team)
            if form.is_valid():
                with transaction.atomic():
                    form.save()
                    CanvasItem.objects.eigenschappen_opslaan(
                        item.pk, eigenaar=form.cleaned_data["eigenaar"]
                    )
                messages.success(request, _("De planning is opgeslagen."))
                return redirect(f"{terug}#activiteit-{item.pk}")
        elif formulier == "mijlpaal":
            mijlpaal_form = MijlpaalForm(request.POST, instance=Mijlpaal(activiteit=item))
            if mijlpaal_form.is_valid():
                mijlpaal_form.save()
                messages.success(request, _("De mijlpaal is toegevoegd."))
                return redirect(f"{request.path}#mijlpalen")
        elif formulier in ("mijlpaal-behaald", "mijlpaal-verwijderen"):
            mijlpaal = get_object_or_404(item.mijlpalen, pk=pk_of_404(request.POST.get("mijlpaal")))
            if formulier == "mijlpaal-verwijderen":
                mijlpaal.delete()
            else:
                mijlpaal.behaald = request.POST.get("behaald") == "ja"
                mijlpaal.save(update_fields=["behaald"])
            messages.success(request, _("De mijlpalen zijn bijgewerkt."))
            return redirect(f"{request.path}#mijlpalen")
        else:
            raise Http404
    return render(
        request,
        "canvas/planning.html",
        {
            "opgave": opgave,
            "item": item,
            "form": form,
            "mijlpaal_form": mijlpaal_form,
            "mijlpalen": item.mijlpalen.all(),
            "vandaag": timezone.localdate(),
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def begroting(request: HtmxHttpRequest, opgave_pk: int):
    """The shared budget of an opgave: per year activities x financiers, and who pays what."""
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    financiers = opgave.financiers.all()
    activiteiten = opgave.canvas_items.filter(blok=Blok.ACTIVITEITEN)
    formulieren = {"activiteiten": activiteiten, "financiers": financiers, "opgave": opgave}
    financier_form = FinancierForm(opgave=opgave) if kan_bewerken else None
    regel_form = BegrotingsregelForm(**formulieren) if kan_bewerken else None
    if request.method == "POST":
        _require_change(request, opgave)
        formulier = request.POST.get("formulier")
        if formulier == "financier":
            financier_form = FinancierForm(request.POST, opgave=opgave)
            if financier_form.is_valid():
                financier_form.save()
                messages.success(request, _("De financier is toegevoegd."))
                return redirect(f"{request.path}#financiers")
        elif formulier == "regel":
            regel_form = BegrotingsregelForm(request.POST, **formulieren)
            if regel_form.is_valid():
                data = regel_form.cleaned_data
                Begrotingsregel.objects.update_or_create(
                    jaar=data["jaar"],
                    activiteit=data["activiteit"],
                    financier=data["financier"],
                    defaults={
                        "opgave": opgave,
                        "begroot": data["begroot"],
                        "realisatie": data["realisatie"],
                    },
                )
                messages.success(request, _("De begrotingsregel is opgeslagen."))
                return redirect(f"{request.path}#jaar-{data['jaar']}")
        elif formulier == "regel-verwijderen":
            get_object_or_404(
                opgave.begrotingsregels, pk=pk_of_404(request.POST.get("regel"))
            ).delete()
            messages.success(request, _("De begrotingsregel is verwijderd."))
            return redirect(request.path)
        else:
            raise Http404
    regels = list(opgave.begrotingsregels.select_related("activiteit", "financier"))
    financiers_lijst = list(financiers)
    return render(
        request,
        "canvas/begroting.html",
        {
            "opgave": opgave,
            "begroting": begroting_module.overzicht(regels, financiers_lijst),
            "regels": regels,
            "kan_bewerken": kan_bewerken,
            "financier_form": financier_form,
            "regel_form": regel_form,
        },
        status=422 if request.method == "POST" else 200,
    )
