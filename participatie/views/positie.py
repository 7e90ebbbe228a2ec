"""Stakeholders in position: who takes part in an opgave, with what role, power and
interest, and on which rung of the participatieladder (now, and where we want them)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, require_perm
from opgaven.access import opgave_for, opgave_to_change
from opgaven.events import OPGAVE_GEWIJZIGD
from opgaven.models import Opgave
from opgaven.werkruimte import werkruimte

from .. import grid, services
from ..forms.positie import ActiesForm, BeoordelingForm, BetrokkenheidForm
from ..models import Betrokkenheid, Houding

PAGINA = "participatie/positie/positie.html"


def positie_context(
    request, opgave: Opgave, form: BetrokkenheidForm | None = None, acties_form=None
) -> dict:
    """The stakeholders part of the opgave's workspace: who takes part, the grid, and who
    to bring into position (with a form per gap to plan an action there); the page and
    each of its sections after a change."""
    kan_bewerken = request.user.has_perm("participatie.add_betrokkenheid", opgave)
    betrokkenheden = list(opgave.betrokkenheden.select_related("stakeholder"))
    punten = grid.punten(betrokkenheden)
    return {
        **werkruimte(request, opgave, "stakeholders"),
        "betrokkenheden": betrokkenheden,
        "punten": punten,
        "punten_op_naam": sorted(punten, key=lambda p: p.betrokkenheid.stakeholder.naam.lower()),
        "houdingen": Houding.choices,
        "grid": {"size": grid.SIZE, "margin": grid.MARGIN, "cell": grid.CELL},
        "in_positie": [
            (b, _acties_form(b, acties_form) if kan_bewerken else None)
            for b in sorted(
                (b for b in betrokkenheden if b.ladder_gat),
                key=lambda b: (-b.ladder_gat, b.stakeholder.naam),
            )
        ],
        "kan_bewerken": kan_bewerken,
        "form": (form or BetrokkenheidForm(opgave=opgave)) if kan_bewerken else None,
    }


def _acties_form(betrokkenheid: Betrokkenheid, gegeven: ActiesForm | None) -> ActiesForm:
    if gegeven is not None and gegeven.prefix == f"acties-{betrokkenheid.pk}":
        return gegeven
    return ActiesForm(prefix=f"acties-{betrokkenheid.pk}", initial={"acties": betrokkenheid.acties})


@login_required
@require_POST
def betrokkenheid_acties(request: HtmxHttpRequest, pk: int):
    """Plan the action that brings a stakeholder to the desired rung, in place: it is kept
    as a re-assessment with everything else as it was."""
    betrokkenheid = get_object_or_404(
        Betrokkenheid.objects.filter(opgave__in=Opgave.objects.visible_to(request.user)), pk=pk
    )
    opgave = opgave_to_change(request, betrokkenheid.opgave_id, "participatie.add_betrokkenheid")
    form = ActiesForm(request.POST, prefix=f"acties-{pk}")
    if form.is_valid():
        beoordeling = betrokkenheid.beoordeling() | {"acties": form.cleaned_data["acties"]}
        services.betrokkenheid_herbeoordelen(
            betrokkenheid=betrokkenheid, user=request.user, **beoordeling
        )
    return section_response(
        request,
        template=PAGINA,
        section="in-positie",
        context=lambda: positie_context(request, opgave, acties_form=form),
        url=reverse("participatie:positie", args=[opgave.pk]),
        status=200 if form.is_valid() else 422,
        event=OPGAVE_GEWIJZIGD,
    )


@login_required
@require_http_methods(["GET", "POST"])
def betrokkenheid_create(request: HtmxHttpRequest, opgave_pk: int):
    """Position a stakeholder (existing, or new by name) in an opgave."""
    opgave = opgave_to_change(request, opgave_pk, "participatie.add_betrokkenheid")
    form = BetrokkenheidForm(form_data(request), opgave=opgave)
    if request.method == "POST" and form.is_valid():
        services.betrokkenheid_toevoegen(opgave=opgave, user=request.user, **form.cleaned_data)
        return _sectie(request, opgave)
    status = 422 if form.errors else 200
    if request.htmx:
        context = positie_context(request, opgave, form)
        return render(request, f"{PAGINA}#betrokkenheden", context, status=status)
    context = {"opgave": opgave, "form": form}
    return render(request, "participatie/positie/betrokkenheid_form.html", context, status=status)


def _sectie(request, opgave: Opgave):
    return section_response(
        request,
        template=PAGINA,
        section="betrokkenheden",
        also=["grid", "in-positie"],
        context=lambda: positie_context(request, opgave),
        url=reverse("participatie:positie", args=[opgave.pk]),
        event=OPGAVE_GEWIJZIGD,
    )


@login_required
@require_POST
def betrokkenheid_delete(request: HtmxHttpRequest, pk: int):
    betrokkenheid = get_object_or_404(
        Betrokkenheid.objects.filter(opgave__in=Opgave.objects.visible_to(request.user)), pk=pk
    )
    opgave = opgave_to_change(request, betrokkenheid.opgave_id, "participatie.delete_betrokkenheid")
    betrokkenheid.delete()
    return _sectie(request, opgave)


@login_required
@require_GET
def positie(request: HtmxHttpRequest, opgave_pk: int):
    """The stakeholders of an opgave: the table, the power/interest grid, who to bring into
    position; for whoever may read the municipality's view of them (not partners)."""
    opgave = opgave_for(request, opgave_pk)
    require_perm(request, "participatie.view_betrokkenheid")
    return render(request, PAGINA, positie_context(request, opgave))


@login_required
@require_http_methods(["GET", "POST"])
def beoordelen(request: HtmxHttpRequest, pk: int):
    """Re-assess one stakeholder in one opgave; earlier assessments stay, with their date."""
    betrokkenheid = get_object_or_404(
        Betrokkenheid.objects.filter(
            opgave__in=Opgave.objects.visible_to(request.user)
        ).select_related("stakeholder", "opgave"),
        pk=pk,
    )
    opgave = opgave_to_change(request, betrokkenheid.opgave_id, "participatie.add_betrokkenheid")
    form = BeoordelingForm(form_data(request), initial=betrokkenheid.beoordeling())
    if request.method == "POST" and form.is_valid():
        services.betrokkenheid_herbeoordelen(
            betrokkenheid=betrokkenheid, user=request.user, **form.cleaned_data
        )
        return redirect("participatie:positie", opgave_pk=opgave.pk)
    return render(
        request,
        "participatie/positie/beoordelen.html",
        {
            "betrokkenheid": betrokkenheid,
            "opgave": opgave,
            "form": form,
            "beoordelingen": betrokkenheid.beoordelingen.select_related("door"),
        },
        status=422 if form.errors else 200,
    )
