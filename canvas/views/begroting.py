"""The shared budget of an opgave: per year activities x financiers, and who pays what."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest
from opgaven.access import opgave_for, opgave_to_change
from opgaven.models import Opgave

from .. import begroting as begroting_module
from ..forms.begroting import BegrotingsregelForm, FinancierForm
from ..models import Begrotingsregel, Blok

PAGE = "canvas/begroting/begroting.html"
CHANGE = "canvas.change_canvas"


def _keuzes(opgave: Opgave) -> dict:
    return {
        "opgave": opgave,
        "activiteiten": opgave.canvas_items.filter(blok=Blok.ACTIVITEITEN),
        "financiers": opgave.financiers.all(),
    }


def _context(request, opgave: Opgave, *, financier_form=None, regel_form=None) -> dict:
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    regels = list(opgave.begrotingsregels.select_related("activiteit", "financier"))
    if kan_bewerken:
        financier_form = financier_form or FinancierForm(opgave=opgave)
        regel_form = regel_form or BegrotingsregelForm(**_keuzes(opgave))
    return {
        "opgave": opgave,
        "begroting": begroting_module.overzicht(regels, list(opgave.financiers.all())),
        "regels": regels,
        "kan_bewerken": kan_bewerken,
        "financier_form": financier_form,
        "regel_form": regel_form,
    }


def _begroting(request, opgave: Opgave, *, status=200, **forms):
    return section_response(
        request,
        template=PAGE,
        section="begroting",
        context=lambda: _context(request, opgave, **forms),
        url=reverse("canvas:begroting", args=[opgave.pk]),
        status=status,
    )


@login_required
@require_GET
def begroting(request: HtmxHttpRequest, opgave_pk: int):
    return render(request, PAGE, _context(request, opgave_for(request, opgave_pk)))


@login_required
@require_POST
def financier_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    form = FinancierForm(request.POST, opgave=opgave)
    if not form.is_valid():
        return _begroting(request, opgave, status=422, financier_form=form)
    form.save()
    messages.success(request, _("De financier is toegevoegd."))
    return _begroting(request, opgave)


@login_required
@require_POST
def regel_opslaan(request: HtmxHttpRequest, opgave_pk: int):
    """One line per year, activity and financier: saving it again updates it."""
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    form = BegrotingsregelForm(request.POST, **_keuzes(opgave))
    if not form.is_valid():
        return _begroting(request, opgave, status=422, regel_form=form)
    Begrotingsregel.objects.opslaan(opgave=opgave, **form.cleaned_data)
    messages.success(request, _("De begrotingsregel is opgeslagen."))
    return _begroting(request, opgave)


@login_required
@require_POST
def regel_delete(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    get_object_or_404(opgave.begrotingsregels, pk=pk).delete()
    messages.success(request, _("De begrotingsregel is verwijderd."))
    return _begroting(request, opgave)
