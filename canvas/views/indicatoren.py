"""Indicators of effects and goals: measurements typed or read from CSV, a trend chart and
a judgement against the line from nulmeting to streefwaarde."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest
from opgaven.access import opgave_for, opgave_to_change
from opgaven.models import Opgave

from .. import indicatoren as indicatoren_module
from ..forms.indicatoren import IndicatorForm, MetingenImportForm, MetingForm
from ..models import Blok, Indicator, Meting, Soort

PAGE = "canvas/indicatoren/indicatoren.html"
CHANGE = "canvas.change_canvas"


def _meetbaar(opgave: Opgave):
    """What indicators can measure: goals, and the effects among prestaties and effecten."""
    return opgave.canvas_items.filter(
        Q(blok=Blok.BELEIDSDOELEN) | Q(blok=Blok.PRESTATIES_EFFECTEN, soort=Soort.EFFECT)
    )


def _rijen(opgave: Opgave) -> list[dict]:
    rijen = []
    for indicator in (
        Indicator.objects.filter(item__opgave=opgave)
        .select_related("item")
        .prefetch_related("metingen")
    ):
        metingen = list(indicator.metingen.all())
        rijen.append(
            {
                "indicator": indicator,
                "metingen": [
                    (m, indicatoren_module.verwacht(indicator, m.datum)) for m in metingen
                ],
                "oordeel": indicatoren_module.oordeel(indicator, metingen),
                "grafiek": indicatoren_module.grafiek(indicator, metingen),
            }
        )
    return rijen


def _context(request, opgave: Opgave, *, indicator=None, meting=None, import_=None, fouten=()):
    kan_bewerken = request.user.has_perm("canvas.change_canvas", opgave)
    lijst = Indicator.objects.filter(item__opgave=opgave)
    if kan_bewerken:
        indicator = indicator or IndicatorForm(items=_meetbaar(opgave))
        meting = meting or MetingForm(indicatoren=lijst)
        import_ = import_ or MetingenImportForm(indicatoren=lijst)
    return {
        "opgave": opgave,
        "rijen": _rijen(opgave),
        "kan_bewerken": kan_bewerken,
        "indicator_form": indicator,
        "meting_form": meting,
        "import_form": import_,
        "import_fouten": list(fouten),
    }


def _indicatoren(request, opgave: Opgave, *, status=200, **forms):
    return section_response(
        request,
        template=PAGE,
        section="indicatoren",
        context=lambda: _context(request, opgave, **forms),
        url=reverse("canvas:indicatoren", args=[opgave.pk]),
        status=status,
    )


@login_required
@require_GET
def indicatoren(request: HtmxHttpRequest, opgave_pk: int):
    return render(request, PAGE, _context(request, opgave_for(request, opgave_pk)))


@login_required
@require_POST
def indicator_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    form = IndicatorForm(request.POST, items=_meetbaar(opgave))
    if not form.is_valid():
        return _indicatoren(request, opgave, status=422, indicator=form)
    form.save()
    messages.success(request, _("De indicator is toegevoegd."))
    return _indicatoren(request, opgave)


@login_required
@require_POST
def meting_create(request: HtmxHttpRequest, opgave_pk: int):
    """A measurement on a date; a date that is already there is updated."""
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    form = MetingForm(request.POST, indicatoren=Indicator.objects.filter(item__opgave=opgave))
    if not form.is_valid():
        return _indicatoren(request, opgave, status=422, meting=form)
    data = form.cleaned_data
    Meting.importeer(data["indicator"], [(data["datum"], data["waarde"], data["toelichting"])])
    messages.success(request, _("De meting is opgeslagen."))
    return _indicatoren(request, opgave)


@login_required
@require_POST
def metingen_import(request: HtmxHttpRequest, opgave_pk: int):
    """Measurements from a Dutch CSV: all or nothing, every bad line named."""
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    lijst = Indicator.objects.filter(item__opgave=opgave)
    form = MetingenImportForm(request.POST, request.FILES, indicatoren=lijst)
    if not form.is_valid():
        return _indicatoren(request, opgave, status=422, import_=form)
    inlezing = indicatoren_module.lees_csv(form.cleaned_data["bestand"].read())
    if inlezing.fouten:
        return _indicatoren(request, opgave, status=422, import_=form, fouten=inlezing.fouten)
    nieuw = Meting.importeer(form.cleaned_data["indicator"], inlezing.rijen)
    messages.success(
        request,
        _("%(n)d metingen ingelezen, waarvan %(nieuw)d nieuw.")
        % {"n": len(inlezing.rijen), "nieuw": nieuw},
    )
    return _indicatoren(request, opgave)


@login_required
@require_POST
def meting_delete(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    get_object_or_404(Meting, indicator__item__opgave=opgave, pk=pk).delete()
    messages.success(request, _("De meting is verwijderd."))
    return _indicatoren(request, opgave)


@login_required
@require_POST
def indicator_delete(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    get_object_or_404(Indicator, item__opgave=opgave, pk=pk).delete()
    messages.success(request, _("De indicator en zijn metingen zijn verwijderd."))
    return _indicatoren(request, opgave)
