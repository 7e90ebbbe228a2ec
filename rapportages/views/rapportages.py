"""Programme reports: asked for (a job for a worker), followed while they render,
vastgesteld and published for the council, downloaded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.http import HtmxHttpRequest, pk_of_404, require_perm
from core.security_log import log_event
from opgaven.access import opgave_for
from opgaven.models import Opgave

from .. import services
from ..models import Export, PcMoment, Rapportage, Status


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
        "rapportages/rapportages/rapportage_list.html",
        {
            "rapportages": rapportages,
            "kan_alles_maken": request.user.has_perm("rapportages.add_rapportage", None),
            # The register and the accounts export themselves (a section on their own page).
            "export_soorten": [
                s
                for s in Export.Soort
                if s not in (Export.Soort.STAKEHOLDERS, Export.Soort.GEBRUIKERS)
            ],
        },
    )


@login_required
@require_POST
def rapportage_create(request: HtmxHttpRequest):
    """A report of one opgave ("opgave": its id) or of all ("alle"), now or for a P&C moment."""
    keuze = request.POST.get("opgave", "alle")
    opgave = None if keuze == "alle" else opgave_for(request, pk_of_404(keuze))
    require_perm(request, "rapportages.add_rapportage", opgave)
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
    require_perm(request, "rapportages.view_rapportage", rapportage)
    return rapportage


@login_required
@require_GET
def rapportage_detail(request: HtmxHttpRequest, pk: int):
    """The report and its progress (htmx polls the status part until it is done)."""
    rapportage = _rapportage_for(request, pk)
    template = "rapportages/rapportages/rapportage_detail.html"
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
    require_perm(request, "rapportages.publish_rapportage", rapportage)
    if rapportage.status != Status.KLAAR:
        messages.error(request, _("Alleen een rapportage die klaar is kan worden vastgesteld."))
    else:
        try:
            services.rapportage_publiceren(rapportage=rapportage, user=request.user)
        except services.IntegriteitsFout:
            fout = _("Het bestand komt niet overeen met het controlegetal; niet gepubliceerd.")
            messages.error(request, fout)
        else:
            messages.success(
                request, _("De rapportage is vastgesteld en gepubliceerd voor de raad.")
            )
    return redirect(rapportage)


@login_required
@require_GET
def rapportage_download(request: HtmxHttpRequest, pk: int):
    """The PDF; a published one only while it still matches its checksum."""
    rapportage = _rapportage_for(request, pk)
    if rapportage.status != Status.KLAAR:
        raise Http404
    obj = f"rapportage:{rapportage.pk}"
    if rapportage.gepubliceerd_op and not services.bestand_klopt(rapportage):
        log_event("download", request=request, obj=obj, outcome="integrity")
        context = {"rapportage": rapportage}
        template = "rapportages/rapportages/rapportage_integriteit.html"
        return render(request, template, context, status=409)
    log_event("download", request=request, obj=obj)
    return FileResponse(
        rapportage.bestand.open("rb"),
        as_attachment=True,
        filename=rapportage.bestandsnaam,
        content_type="application/pdf",
    )
