"""PDFs asked for from a page (the canvas on A3, the terugkoppeling): made by a worker.

Whoever may read the page may ask for its document, watch it being made and download it;
the access is that of the page, checked on every request.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from core.http import HtmxHttpRequest, pk_of_404
from opgaven.access import opgave_for
from participatie.views.thematafels import thematafel_for

from .. import documenten, services
from ..models import Document, Status


def _document_for(request, pk: int) -> Document:
    """A document whose page this user may read; else 404."""
    document = get_object_or_404(
        Document.objects.select_related("opgave", "versie", "thematafel"), pk=pk
    )
    if document.thematafel_id:
        thematafel_for(request, document.thematafel_id)
    else:
        opgave_for(request, document.opgave_id)
    return document


def canvas_context(request, opgave) -> dict:
    """The A3 button on the canvas and versions pages (a section of each)."""
    return {"opgave": opgave, "versies": opgave.canvasversies.only("pk", "naam")}


def terugkoppeling_context(request, thematafel) -> dict:
    """The terugkoppeling button on a thematafel's page (a section of it)."""
    return {"thematafel": thematafel}


@login_required
@require_POST
def canvas_document(request: HtmxHttpRequest, opgave_pk: int):
    """The canvas (now, or a frozen version with ``versie``) on one A3 page."""
    opgave = opgave_for(request, opgave_pk)
    versie = None
    if request.POST.get("versie"):
        versie = get_object_or_404(opgave.canvasversies, pk=pk_of_404(request.POST["versie"]))
    document = documenten.document_aanvragen(
        user=request.user, soort=Document.Soort.CANVAS, opgave=opgave, versie=versie
    )
    return redirect(document)


@login_required
@require_POST
def terugkoppeling_document(request: HtmxHttpRequest, thematafel_pk: int):
    thematafel = thematafel_for(request, thematafel_pk)
    document = documenten.document_aanvragen(
        user=request.user, soort=Document.Soort.TERUGKOPPELING, thematafel=thematafel
    )
    return redirect(document)


@login_required
@require_GET
def document_detail(request: HtmxHttpRequest, pk: int):
    """The document and its state (htmx polls the status part until it is done)."""
    document = _document_for(request, pk)
    template = "rapportages/documenten/document_detail.html"
    if request.htmx:
        template += "#document-status"
    return render(request, template, {"document": document})


@login_required
@require_GET
def document_download(request: HtmxHttpRequest, pk: int):
    document = _document_for(request, pk)
    if document.status != Status.KLAAR:
        raise Http404
    if not document.bestand:
        template = "rapportages/documenten/document_verlopen.html"
        return render(request, template, {"document": document}, status=410)
    kenmerk = f"document:{document.pk}:{document.soort}"
    return services.pdf_download(request, document, kenmerk=kenmerk)
