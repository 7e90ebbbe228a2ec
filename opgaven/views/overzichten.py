"""Overviews across opgaven: how they hang together, and who works on what."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core import secties
from core.http import HtmxHttpRequest, pagina, require_perm

from ..models import Domein, Gebied, GebiedSoort, Opgave, OpgaveRelatie

PER_PAGINA = 50
TOON = 5


def _matrix(opgaven: list[Opgave], kolommen: list, veld: str) -> list[dict]:
    """One row per opgave: for each column whether the opgave has it (prefetched ``veld``)."""
    rijen = []
    for opgave in opgaven:
        eigen = {k.pk for k in getattr(opgave, veld).all()}
        rijen.append(
            {
                "label": opgave.titel,
                "url": opgave.get_absolute_url(),
                "cellen": [k.pk in eigen for k in kolommen],
            }
        )
    return rijen


@login_required
@require_GET
def samenhang(request: HtmxHttpRequest):
    """Opgaven x domeinen, opgaven x gebieden and every relation between opgaven."""
    require_perm(request, "opgaven.view_opgave")
    # Fifty opgaven a page: at 3,000 the page was 5.7 MB and took 2 s.
    lijst = pagina(
        request,
        Opgave.objects.visible_to(request.user)
        .prefetch_related("domeinen", "gebieden")
        .op_agenda(),
        PER_PAGINA,
    )
    opgaven = list(lijst["page"])
    domeinen = list(Domein.objects.filter(opgaven__in=opgaven).distinct())
    gebieden = list(
        Gebied.objects.filter(opgaven__in=opgaven).exclude(soort=GebiedSoort.GEMEENTE).distinct()
    )
    return render(
        request,
        "opgaven/overzichten/samenhang.html",
        lijst
        | {
            "domeinen": domeinen,
            "gebieden": gebieden,
            "domein_rijen": _matrix(opgaven, domeinen, "domeinen"),
            "gebied_rijen": _matrix(opgaven, gebieden, "gebieden"),
            "relaties": OpgaveRelatie.objects.filter(van__in=opgaven).select_related("van", "naar"),
            "verwijzingen": secties.verwijzingen(request, "samenhang"),
        },
    )


@login_required
@require_GET
def wie_werkt_waaraan(request: HtmxHttpRequest):
    """Who directs or works on which opgave, searchable by name or organisation: per person
    the first few opgaven of each kind and how many more, with a link to all of them."""
    require_perm(request, "opgaven.view_opgave")
    zoek = request.GET.get("q", "").strip()[:100]
    mensen = Opgave.objects.visible_to(request.user).op_agenda().wie_werkt_eraan(toon=TOON)
    lijst = pagina(request, mensen.zoek(zoek), PER_PAGINA)
    return render(
        request,
        "opgaven/overzichten/wie_werkt_waaraan.html",
        lijst | {"mensen": lijst["page"], "zoek": zoek},
    )
