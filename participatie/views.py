from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import HtmxHttpRequest
from opgaven.models import Opgave

from . import services
from .forms import BetrokkenheidForm
from .models import Betrokkenheid, Stakeholder


def betrokkenheden_context(request, opgave: Opgave, form: BetrokkenheidForm | None = None) -> dict:
    """What the stakeholder section of an opgave shows, on the hub and as a partial."""
    kan_bewerken = request.user.has_perm("participatie.add_betrokkenheid", opgave)
    if form is None and kan_bewerken:
        form = BetrokkenheidForm(opgave=opgave)
    return {
        "opgave": opgave,
        "betrokkenheden": opgave.betrokkenheden.select_related("stakeholder"),
        "kan_bewerken": kan_bewerken,
        "form": form if kan_bewerken else None,
    }


def _opgave_for(request, pk: int) -> Opgave:
    return get_object_or_404(
        Opgave.objects.visible_to(request.user).prefetch_related("teamleden"), pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def betrokkenheid_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = _opgave_for(request, opgave_pk)
    if not request.user.has_perm("participatie.add_betrokkenheid", opgave):
        raise PermissionDenied
    form = BetrokkenheidForm(request.POST or None, opgave=opgave)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.betrokkenheid_create(
            opgave=opgave,
            stakeholder=data["stakeholder"],
            nieuwe_naam=data["nieuwe_naam"],
            nieuwe_soort=data["nieuwe_soort"],
            rol=data["rol"],
            invloed=data["invloed"],
            belang=data["belang"],
        )
        if not request.htmx:
            return redirect(f"{opgave.get_absolute_url()}#betrokkenheden")
        form = None
    status = 422 if form is not None and form.errors else 200
    if request.htmx:
        return render(
            request,
            "participatie/betrokkenheden.html#betrokkenheden",
            betrokkenheden_context(request, opgave, form),
            status=status,
        )
    return render(
        request,
        "participatie/betrokkenheid_form.html",
        {"opgave": opgave, "form": form},
        status=status,
    )


@login_required
@require_POST
def betrokkenheid_delete(request: HtmxHttpRequest, pk: int):
    betrokkenheid = get_object_or_404(
        Betrokkenheid.objects.filter(opgave__in=Opgave.objects.visible_to(request.user)), pk=pk
    )
    opgave = _opgave_for(request, betrokkenheid.opgave_id)
    if not request.user.has_perm("participatie.delete_betrokkenheid", opgave):
        raise PermissionDenied
    betrokkenheid.delete()
    if request.htmx:
        return render(
            request,
            "participatie/betrokkenheden.html#betrokkenheden",
            betrokkenheden_context(request, opgave),
        )
    return redirect(f"{opgave.get_absolute_url()}#betrokkenheden")


@login_required
@require_GET
def gedeelde_stakeholders(request: HtmxHttpRequest):
    """Stakeholders who take part in more than one opgave, with those opgaven."""
    if not request.user.has_perm("opgaven.view_opgave"):
        raise PermissionDenied
    opgaven = Opgave.objects.visible_to(request.user)
    stakeholders = (
        Stakeholder.objects.annotate(
            aantal=Count(
                "betrokkenheden__opgave",
                filter=Q(betrokkenheden__opgave__in=opgaven),
                distinct=True,
            )
        )
        .filter(aantal__gte=2)
        .prefetch_related(
            Prefetch(
                "betrokkenheden",
                queryset=Betrokkenheid.objects.filter(opgave__in=opgaven).select_related("opgave"),
            )
        )
        .order_by("-aantal", "naam")
    )
    return render(
        request, "participatie/gedeelde_stakeholders.html", {"stakeholders": stakeholders}
    )
