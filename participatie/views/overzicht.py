"""Participation at a glance: for one opgave (its page and its section on the hub), across
all opgaven, and what waits for you on the start page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.http import HtmxHttpRequest, pagina, require_perm
from opgaven.access import opgave_for
from opgaven.models import Opgave
from opgaven.werkruimte import werkruimte

from ..cijfers import met_open_acties, met_open_werk, met_participatiecijfers, open_acties
from ..models import Actiepunt, Bijeenkomst, Inbreng, Terugkoppeling, Thematafel
from .signalen import te_beantwoorden


def _cijfers(opgave: Opgave) -> Opgave:
    """The opgave with the figures the council report shows for it (participatie.cijfers)."""
    return met_participatiecijfers(Opgave.objects.filter(pk=opgave.pk)).get()


def wat_komt_context(request, opgave: Opgave) -> dict | None:
    """On the opgave's overview: what waits (open actions, inbreng without terugkoppeling,
    signals) and the stakeholders to involve closely; not for partners (their own
    afspraken show instead)."""
    if not request.user.has_perm("participatie.view_betrokkenheid"):
        return None
    cijfers = _open_werk(opgave)
    return {
        "opgave": opgave,
        "cijfers": cijfers,
        "open_inbreng": cijfers.n_inbreng - cijfers.n_teruggekoppeld,
        "sleutelstakeholders": opgave.betrokkenheden.sleutel()[:5],
    }


def open_acties_context(request, opgave: Opgave, tab: str = "") -> dict | None:
    """In the workspace header: how many actions are open (afspraken, vervolgacties,
    actiepunten), for whoever may read them. Above the overview, whose "wat komt er" shows
    every figure, one query serves both; above the other pages only these are counted."""
    if not request.user.has_perm("participatie.view_betrokkenheid"):
        return None
    if tab == "overzicht":
        werk = _open_werk(opgave)
    else:
        werk = met_open_acties(Opgave.objects.filter(pk=opgave.pk)).order_by().only("pk").get()
    cijfers = {"n_open_acties": open_acties(werk), "n_te_laat": werk.n_te_laat}
    return {"opgave": opgave, "cijfers": cijfers}


def _open_werk(opgave: Opgave) -> Opgave:
    """The opgave's figures and what waits in it, once per request (the header and the
    overview both show them)."""
    if not hasattr(opgave, "_open_werk"):
        opgave._open_werk = met_open_werk(
            met_participatiecijfers(Opgave.objects.filter(pk=opgave.pk))
        ).get()
    return opgave._open_werk


@login_required
@require_GET
def opgave_participatie(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("participatie.change_participatie", opgave)
    open_inbreng = Q(bijeenkomsten__inbreng__terugkoppeling=Terugkoppeling.OPEN)
    return render(
        request,
        "participatie/overzicht/opgave_participatie.html",
        {
            **werkruimte(request, opgave, "participatie"),
            "cijfers": _cijfers(opgave),
            "kan_bewerken": kan_bewerken,
            "thematafels": opgave.thematafels.select_related("gespreksleider").annotate(
                n_bijeenkomsten=Count("bijeenkomsten", distinct=True),
                n_open=Count("bijeenkomsten__inbreng", filter=open_inbreng, distinct=True),
            ),
            "sprints": opgave.sprints.annotate(n_bijeenkomsten=Count("bijeenkomsten")),
            "personas": opgave.personas.annotate(n_stappen=Count("stappen")),
            "signalen": opgave.signalen.select_related("ingediend_door") if kan_bewerken else None,
        },
    )


def _lijsten(user, alle_acties: bool) -> dict:
    """The overview's lists for ``user``, each with its page parameter: sessions ahead,
    open action points (theirs, or all), inbreng without terugkoppeling."""
    thematafels = Thematafel.objects.visible_to(user)
    actiepunten = Actiepunt.objects.open().filter(bijeenkomst__thematafel__in=thematafels)
    if not alle_acties:
        actiepunten = actiepunten.filter(eigenaar=user)
    open_inbreng = Inbreng.objects.zonder_terugkoppeling().filter(
        bijeenkomst__thematafel__in=thematafels
    )
    lijsten = {
        "komend": Bijeenkomst.objects.filter(thematafel__in=thematafels)
        .komend()
        .select_related("thematafel"),
        "actiepunten": actiepunten.select_related("eigenaar", "bijeenkomst__thematafel").order_by(
            "deadline", "pk"
        ),
        "open_inbreng": open_inbreng.select_related("bijeenkomst__thematafel").order_by(
            "bijeenkomst__begint_op", "pk"
        ),
    }
    uit = {}
    for naam, rijen in lijsten.items():
        param, kolommen = _LIJSTEN[naam]
        uit[naam] = (rijen.only(*kolommen), param)
    return uit


# Per list: its page parameter, and only the columns it shows (a session's verslag and a
# thematafel's description are long texts, read for every row of three lists of fifty).
_LIJSTEN = {
    "komend": ("komend", ("begint_op", "locatie", "thematafel__thema")),
    "actiepunten": (
        "acties",
        (
            "omschrijving",
            "deadline",
            "status",
            "bijeenkomst",
            "bijeenkomst__thematafel__thema",
            "eigenaar__username",
            "eigenaar__first_name",
            "eigenaar__last_name",
        ),
    ),
    "open_inbreng": (
        "inbreng",
        ("tekst", "bijeenkomst__begint_op", "bijeenkomst__thematafel__thema"),
    ),
}


@login_required
@require_GET
def overzicht(request: HtmxHttpRequest):
    """Across opgaven: sessions ahead, open action points, loops not yet closed, signals;
    each list fifty at a time (at scale: hundreds of sessions ahead and of open inbreng)."""
    require_perm(request, "opgaven.view_opgave")
    alle_acties = request.GET.get("actiepunten") == "alle"
    lijsten = _lijsten(request.user, alle_acties)
    context = {
        naam: pagina(request, rijen, param=param) for naam, (rijen, param) in lijsten.items()
    }
    context |= {"alle_acties": alle_acties, "signalen": te_beantwoorden(request.user)}
    return render(request, "participatie/overzicht/overzicht.html", context)
