from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.security_log import log_event
from core.http import HtmxHttpRequest, pk_of_404
from opgaven.models import Opgave

from . import services
from .models import Export, PcMoment, Rapportage, Status


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
            "export_soorten": [
                (soort, label)
                for soort, label in Export.Soort.choices
                if soort != Export.Soort.STAKEHOLDERS  # exported from the register itself
            ],
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
    moment = None
    if request.POST.get("moment"):
        moment = get_object_or_404(PcMoment, pk=pk_of_404(request.POST["moment"]))
    rapportage = services.rapportage_aanvragen(opgave=opgave, user=request.user, moment=moment)
    return redirect(rapportage)


def _rapportage_for(request, pk: int) -> Rapportage:
    rapportage = get_object_or_404(
        Rapportage.objects.visible_to(request.user).select_related("opgave", "gepubliceerd_door"),
        pk=pk,
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
    kan_publiceren = (
        rapportage.status == Status.KLAAR
        and not rapportage.gepubliceerd_op
        and request.user.has_perm("rapportages.publish_rapportage", rapportage)
    )
    return render(request, template, {"rapportage": rapportage, "kan_publiceren": kan_publiceren})


@login_required
@require_POST
def rapportage_publiceren(request: HtmxHttpRequest, pk: int):
    """Vaststellen en publiceren: the report is frozen and raadsleden can read it."""
    rapportage = _rapportage_for(request, pk)
    if not request.user.has_perm("rapportages.publish_rapportage", rapportage):
        raise PermissionDenied
    if rapportage.status != Status.KLAAR:
        messages.error(request, _("Alleen een rapportage die klaar is kan worden vastgesteld."))
        return redirect(rapportage)
    try:
        services.rapportage_publiceren(rapportage=rapportage, user=request.user)
    except services.IntegriteitsFout:
        messages.error(
            request, _("Het bestand komt niet overeen met het controlegetal; niet gepubliceerd.")
        )
        return redirect(rapportage)
    messages.success(request, _("De rapportage is vastgesteld en gepubliceerd voor de raad."))
    return redirect(rapportage)


@login_required
@require_GET
def rapportage_download(request: HtmxHttpRequest, pk: int):
    rapportage = _rapportage_for(request, pk)
    if rapportage.status != Status.KLAAR:
        raise Http404
    if rapportage.gepubliceerd_op and not services.bestand_klopt(rapportage):
        log_event(
            "download", request=request, obj=f"rapportage:{rapportage.pk}", outcome="integrity"
        )
        return render(
            request,
            "rapportages/rapportage_integriteit.html",
            {"rapportage": rapportage},
            status=409,
        )
    log_event("download", request=request, obj=f"rapportage:{rapportage.pk}")
    return FileResponse(
        rapportage.bestand.open("rb"),
        as_attachment=True,
        filename=rapportage.bestandsnaam,
        content_type="application/pdf",
    )


@login_required
@require_POST
def export_create(request: HtmxHttpRequest):
    if not request.user.has_perm("rapportages.add_export"):
        raise PermissionDenied
    soort, formaat = request.POST.get("soort"), request.POST.get("formaat")
    if soort not in Export.Soort.values or formaat not in Export.Formaat.values:
        raise Http404
    export = services.export_aanvragen(soort=soort, formaat=formaat, user=request.user)
    log_event("export_aangevraagd", request=request, obj=f"export:{export.pk}:{soort}")
    return redirect(export)


@login_required
@require_GET
def export_detail(request: HtmxHttpRequest, pk: int):
    export = get_object_or_404(Export.objects.van(request.user), pk=pk)
    template = "rapportages/export_detail.html"
    if request.htmx:
        template += "#export-status"
    return render(request, template, {"export": export})


@login_required
@require_GET
def export_download(request: HtmxHttpRequest, pk: int):
    """Only the requester downloads, and only until the file expires."""
    export = get_object_or_404(Export.objects.van(request.user), pk=pk)
    if export.status != Status.KLAAR:
        raise Http404
    if export.is_verlopen or not export.bestand:
        return render(request, "rapportages/export_verlopen.html", {"export": export}, status=410)
    log_event("download", request=request, obj=f"export:{export.pk}")
    return FileResponse(export.bestand.open("rb"), as_attachment=True, filename=export.bestandsnaam)
