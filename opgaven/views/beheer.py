"""The reference lists the beheerder keeps: domeinen and gebieden."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest, require_perm

from ..forms.beheer import DomeinForm, GebiedForm
from ..models import Domein, Gebied

PAGE = "opgaven/beheer/referentielijsten.html"


def _context(domein_form=None, gebied_form=None) -> dict:
    return {
        "domeinen": Domein.objects.all(),
        "gebieden": Gebied.objects.select_related("bovenliggend"),
        "domein_form": domein_form or DomeinForm(prefix="domein"),
        "gebied_form": gebied_form or GebiedForm(prefix="gebied"),
    }


def _section(request, section: str, *, status=200, **forms):
    return section_response(
        request,
        template=PAGE,
        section=section,
        context=lambda: _context(**forms),
        url=reverse("opgaven:referentielijsten"),
        status=status,
    )


@login_required
@require_GET
def referentielijsten(request: HtmxHttpRequest):
    """The lists opgaven use: domeinen and gebieden."""
    require_perm(request, "opgaven.manage_referentielijsten")
    return render(request, PAGE, _context())


@login_required
@require_POST
def domein_create(request: HtmxHttpRequest):
    require_perm(request, "opgaven.manage_referentielijsten")
    form = DomeinForm(request.POST, prefix="domein")
    if not form.is_valid():
        return _section(request, "domeinen", status=422, domein_form=form)
    form.save()
    return _section(request, "domeinen")


@login_required
@require_POST
def domein_actief(request: HtmxHttpRequest, pk: int):
    """Switch a domain off (it stays on the opgaven that have it) or on again."""
    require_perm(request, "opgaven.manage_referentielijsten")
    domein = get_object_or_404(Domein, pk=pk)
    domein.actief = not domein.actief
    domein.save(update_fields=["actief"])
    return _section(request, "domeinen")


@login_required
@require_POST
def gebied_create(request: HtmxHttpRequest):
    require_perm(request, "opgaven.manage_referentielijsten")
    form = GebiedForm(request.POST, prefix="gebied")
    if not form.is_valid():
        return _section(request, "gebieden", status=422, gebied_form=form)
    form.save()
    return _section(request, "gebieden")
