"""An opgave's documents: the list with every version, adding one (or a new version), and
the download, which checks who asks and never lets the browser show the file inline."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import HtmxHttpRequest
from core.security_log import log_event

from ..access import opgave_for, opgave_to_change
from ..forms.bijlagen import BijlageForm
from ..models import OpgaveBijlage
from ..werkruimte import werkruimte

PAGINA = "opgaven/bijlagen/opgave_documenten.html"


@login_required
@require_http_methods(["GET", "POST"])
def documenten(request: HtmxHttpRequest, pk: int):
    """The documents; a POST adds one, or a new version of one (``reeks``)."""
    if request.method == "GET":
        return _pagina(request, opgave_for(request, pk), None)
    opgave = opgave_to_change(request, pk, "opgaven.change_opgave")
    form = BijlageForm(request.POST, request.FILES, opgave=opgave)
    if not form.is_valid():
        return _pagina(request, opgave, form, status=422)
    bijlage = form.save(door=request.user)
    log_event(
        "document_toevoegen", request=request, obj=f"opgave:{opgave.pk}:document:{bijlage.pk}"
    )
    messages.success(
        request,
        _("%(naam)s is opgeslagen als versie %(versie)s.")
        % {"naam": bijlage.naam, "versie": bijlage.versie},
    )
    return redirect(reverse("opgaven:opgave-documenten", args=[pk]) + "#documenten")


def _pagina(request, opgave, form, status=200):
    versies = opgave.bijlagen.select_related("toegevoegd_door").order_by("reeks", "-versie")
    documenten = [(reeks, list(rij)) for reeks, rij in groupby(versies, key=lambda b: b.reeks)]
    documenten.sort(key=lambda d: d[1][0].naam.lower())
    context = werkruimte(request, opgave, "documenten") | {
        "documenten": documenten,
        "kan_toevoegen": request.user.has_perm("opgaven.change_opgave", opgave),
        "form": form if form is not None else BijlageForm(opgave=opgave),
    }
    return render(request, PAGINA, context, status=status)


@login_required
@require_GET
def document_download(request: HtmxHttpRequest, pk: int, bijlage_pk: int):
    opgave = opgave_for(request, pk)
    bijlage = get_object_or_404(OpgaveBijlage, opgave=opgave, pk=bijlage_pk)
    try:
        bestand = bijlage.bestand.open("rb")
    except FileNotFoundError as fout:
        raise Http404 from fout
    response = FileResponse(
        bestand, as_attachment=True, filename=bijlage.naam, content_type=bijlage.inhoudstype
    )
    # Never run as a page, even if a browser were to ignore the attachment.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
