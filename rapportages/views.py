from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts.security_log import log_event
from core.http import HtmxHttpRequest
from opgaven.models import Opgave

from . import services
from .models import Rapportage, Status


def opgave_rapportages_context(request, opgave: Opgave) -> dict:
    """The reports section on the hub page: make one, and the ones you made."""
    return {
        "opgave": opgave,
        "kan_maken": request.user.has_perm("rapportages.add_rapportage", opgave),
        "rapportages": Rapportage.objects.visible_to(request.user).filter(opgave=opgave)[:5],
    }


@login_required
@require_GET
def rapportage_list(request: HtmxHttpRequest):
    rapportages = Rapportage.objects.visible_to(request.user).select_related(
        "opgave", "aangevraagd_door"
    )[:100]
    return render(
        request,
        "rapportages/rapportage_list.html",
        {
            "rapportages": rapportages,
            "kan_alles_maken": request.user.has_perm("rapportages.add_rapportage", None),
        },
    )


@login_required
@require_POST
def rapportage_create(request: HtmxHttpRequest):
    opgave_id = request.POST.get("opgave", "alle")
    opgave = None
    if opgave_id != "alle":
        if not opgave_id.isdigit():
            raise Http404
        opgave = get_object_or_404(
            Opgave.objects.visible_to(request.user).prefetch_related("teamleden"), pk=int(opgave_id)
        )
    if not request.user.has_perm("rapportages.add_rapportage", opgave):
        raise PermissionDenied
    rapportage = services.rapportage_aanvragen(opgave=opgave, user=request.user)
    return redirect(rapportage)


def _rapportage_for(request, pk: int) -> Rapportage:
    rapportage = get_object_or_404(
        Rapportage.objects.visible_to(request.user).select_related("opgave"), pk=pk
    )
    if not request.user.has_perm("rapportages.view_rapportage", rapportage):
        raise PermissionDenied
    return rapportage


@login_required
@require_GET
def rapportage_detail(request: HtmxHttpRequest, pk: int):
    rapportage = _rapportage_for(request, pk)
    template = "rapportages/rapportage_detail.html"
    if request.htmx:
        template += "#rapportage-status"
    return render(request, template, {"rapportage": rapportage})


@login_required
@require_GET
def rapportage_download(request: HtmxHttpRequest, pk: int):
    rapportage = _rapportage_for(request, pk)
    if rapportage.status != Status.KLAAR:
        raise Http404
    log_event("download", request=request, obj=f"rapportage:{rapportage.pk}")
    return FileResponse(
        rapportage.bestand.open("rb"),
        as_attachment=True,
        filename=rapportage.bestandsnaam,
        content_type="application/pdf",
    )
