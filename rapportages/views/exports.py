"""Spreadsheet exports: a job per file, only for the one who asked, for a week."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from core.http import HtmxHttpRequest, require_perm
from core.security_log import log_event

from .. import services
from ..models import Export, Status


def stakeholders_context(request) -> dict | None:
    """The export buttons on the stakeholder register (a section of its page)."""
    if not request.user.has_perm("rapportages.add_export"):
        return None
    return {"soort": Export.Soort.STAKEHOLDERS, "label": Export.Soort.STAKEHOLDERS.label}


def gebruikers_context(request) -> dict | None:
    """The access-review export on Beheer > Gebruikers (a section of its page)."""
    if not request.user.has_perm("accounts.manage_gebruikers"):
        return None
    return {"soort": Export.Soort.GEBRUIKERS, "label": Export.Soort.GEBRUIKERS.label}


# What each kind of export needs beyond rapportages.add_export.
EXTRA_PERM = {Export.Soort.GEBRUIKERS: "accounts.manage_gebruikers"}


@login_required
@require_POST
def export_create(request: HtmxHttpRequest):
    require_perm(request, "rapportages.add_export")
    soort, formaat = request.POST.get("soort"), request.POST.get("formaat")
    if soort not in Export.Soort.values or formaat not in Export.Formaat.values:
        raise Http404
    if soort in EXTRA_PERM:
        require_perm(request, EXTRA_PERM[soort])
    export = services.export_aanvragen(soort=soort, formaat=formaat, user=request.user)
    log_event("export_aangevraagd", request=request, obj=f"export:{export.pk}:{soort}")
    return redirect(export)


@login_required
@require_GET
def export_detail(request: HtmxHttpRequest, pk: int):
    """The export and its progress (htmx polls the status part until it is done)."""
    export = get_object_or_404(Export.objects.van(request.user), pk=pk)
    template = "rapportages/exports/export_detail.html"
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
        template = "rapportages/exports/export_verlopen.html"
        return render(request, template, {"export": export}, status=410)
    log_event("download", request=request, obj=f"export:{export.pk}")
    return FileResponse(export.bestand.open("rb"), as_attachment=True, filename=export.bestandsnaam)
