"""An opgave's documents: the list with every version, adding one (or a new version), and
the download, which checks who asks (core.bijlagen keeps the rest)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import bijlagen
from core.forms import BijlageForm
from core.http import HtmxHttpRequest

from ..access import opgave_for, opgave_to_change
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
    form = BijlageForm(request.POST, request.FILES, eigenaar=opgave, model=OpgaveBijlage)
    if not form.is_valid():
        return _pagina(request, opgave, form, status=422)
    bijlagen.bewaard(request, form.save(door=request.user), f"opgave:{opgave.pk}")
    return redirect(reverse("opgaven:opgave-documenten", args=[pk]) + "#documenten")


def _pagina(request, opgave, form, status=200):
    context = werkruimte(request, opgave, "documenten") | {
        "documenten": bijlagen.per_document(opgave.bijlagen.all()),
        "kan_toevoegen": request.user.has_perm("opgaven.change_opgave", opgave),
        "form": form or BijlageForm(eigenaar=opgave, model=OpgaveBijlage),
        "actie": reverse("opgaven:opgave-documenten", args=[opgave.pk]),
    }
    return render(request, PAGINA, context, status=status)


@login_required
@require_GET
def document_download(request: HtmxHttpRequest, pk: int, bijlage_pk: int):
    opgave = opgave_for(request, pk)
    return bijlagen.download(get_object_or_404(OpgaveBijlage, opgave=opgave, pk=bijlage_pk))


@login_required
@require_POST
def document_verwijderen(request: HtmxHttpRequest, pk: int, bijlage_pk: int):
    opgave = opgave_to_change(request, pk, "opgaven.change_opgave")
    bijlage = get_object_or_404(OpgaveBijlage, opgave=opgave, pk=bijlage_pk)
    terug = reverse("opgaven:opgave-documenten", args=[pk]) + "#documenten"
    return bijlagen.verwijderen(request, bijlage, kenmerk=f"opgave:{pk}", terug=terug)
