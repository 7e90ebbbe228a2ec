"""The realisatieplan: the activities on a timeline and as a table; per activity who
carries it out, when, how far it is, and its milestones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest, require_perm
from opgaven.access import opgave_for

from .. import realisatieplan as realisatieplan_module
from ..forms.realisatieplan import MijlpaalForm, UitvoeringForm
from ..models import Blok, CanvasItem, Mijlpaal, Uitvoering

PLANNING = "canvas/realisatieplan/planning.html"


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
    vandaag = timezone.localdate()
    return render(
        request,
        "canvas/realisatieplan/realisatieplan.html",
        {
            "opgave": opgave,
            "activiteiten": activiteiten,
            "tijdlijn": realisatieplan_module.tijdlijn(activiteiten, vandaag),
            "vandaag": vandaag,
            "kan_bewerken": request.user.has_perm("canvas.change_canvas", opgave),
        },
    )


def _activiteit_to_change(request, pk: int) -> CanvasItem:
    """An activity of an opgave this user may read and change; else 404 or 403."""
    item = get_object_or_404(
        CanvasItem.objects.visible_to(request.user).select_related("opgave"),
        blok=Blok.ACTIVITEITEN,
        pk=pk,
    )
    require_perm(request, "canvas.change_canvas", item.opgave)
    return item


def _team(item: CanvasItem):
    return item.opgave.opgaveteam().order_by("first_name", "last_name", "username")


def _context(item: CanvasItem, *, form=None, mijlpaal_form=None) -> dict:
    uitvoering = Uitvoering.objects.filter(activiteit=item).first() or Uitvoering(activiteit=item)
    initial = {"eigenaar": item.eigenaar_id}
    return {
        "opgave": item.opgave,
        "item": item,
        "form": form or UitvoeringForm(instance=uitvoering, team=_team(item), initial=initial),
        "mijlpaal_form": mijlpaal_form or MijlpaalForm(),
        "mijlpalen": item.mijlpalen.all(),
        "vandaag": timezone.localdate(),
    }


def _section(request, item: CanvasItem, section: str, *, status=200, **forms):
    return section_response(
        request,
        template=PLANNING,
        section=section,
        context=lambda: _context(item, **forms),
        url=reverse("canvas:planning", args=[item.pk]),
        status=status,
    )


@login_required
@require_GET
def planning(request: HtmxHttpRequest, pk: int):
    """Plan one activity: owner or partner, start and end, status, progress, milestones."""
    return render(request, PLANNING, _context(_activiteit_to_change(request, pk)))


@login_required
@require_POST
def uitvoering_opslaan(request: HtmxHttpRequest, pk: int):
    item = _activiteit_to_change(request, pk)
    uitvoering = Uitvoering.objects.filter(activiteit=item).first() or Uitvoering(activiteit=item)
    form = UitvoeringForm(request.POST, instance=uitvoering, team=_team(item))
    if not form.is_valid():
        return _section(request, item, "uitvoering", status=422, form=form)
    with transaction.atomic():
        form.save()
        CanvasItem.objects.eigenschappen_opslaan(item, eigenaar=form.cleaned_data["eigenaar"])
    messages.success(request, _("De planning is opgeslagen."))
    plan = reverse("canvas:realisatieplan", args=[item.opgave_id])
    return redirect(f"{plan}#activiteit-{item.pk}")


@login_required
@require_POST
def mijlpaal_create(request: HtmxHttpRequest, pk: int):
    item = _activiteit_to_change(request, pk)
    form = MijlpaalForm(request.POST, instance=Mijlpaal(activiteit=item))
    if not form.is_valid():
        return _section(request, item, "mijlpalen", status=422, mijlpaal_form=form)
    form.save()
    messages.success(request, _("De mijlpaal is toegevoegd."))
    return _section(request, item, "mijlpalen")


@login_required
@require_POST
def mijlpaal_behaald(request: HtmxHttpRequest, pk: int, mijlpaal_pk: int):
    """Mark a milestone reached ("ja") or not reached after all ("nee")."""
    item = _activiteit_to_change(request, pk)
    mijlpaal = get_object_or_404(item.mijlpalen, pk=mijlpaal_pk)
    mijlpaal.behaald = request.POST.get("behaald") == "ja"
    mijlpaal.save(update_fields=["behaald"])
    messages.success(request, _("De mijlpalen zijn bijgewerkt."))
    return _section(request, item, "mijlpalen")


@login_required
@require_POST
def mijlpaal_delete(request: HtmxHttpRequest, pk: int, mijlpaal_pk: int):
    item = _activiteit_to_change(request, pk)
    get_object_or_404(item.mijlpalen, pk=mijlpaal_pk).delete()
    messages.success(request, _("De mijlpalen zijn bijgewerkt."))
    return _section(request, item, "mijlpalen")
