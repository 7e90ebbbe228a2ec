"""The opgave's own parts of its workspace (opgaven.werkruimte): the overview (profile,
phases, progress, priority, samenhang, with the summaries other apps register in
core.secties), the team and the history. Each change posts to its own view and gets its
section back; the workspace header reloads itself after it (OPGAVE_GEWIJZIGD)."""

from django.contrib.auth.decorators import login_required
from django.db import models
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import secties
from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, require_perm

from .. import services
from ..access import opgave_for, opgave_to_change
from ..events import OPGAVE_GEWIJZIGD
from ..forms.hub import (
    FaseForm,
    OpgaveForm,
    PrioriteitForm,
    RelatieForm,
    TeamlidForm,
    VoortgangForm,
)
from ..geschiedenis import geschiedenis, soorten
from ..models import (
    Besluit,
    Fase,
    FaseWijziging,
    Opgave,
    OpgaveRelatie,
    Prioriteitsvoorstel,
    Teamlidmaatschap,
    TeamRol,
    VoortgangMelding,
)
from ..werkruimte import werkruimte

HUB = "opgaven/hub/opgave_detail.html"
TEAM = "opgaven/hub/opgave_team.html"
GESCHIEDENIS = "opgaven/hub/opgave_geschiedenis.html"
# The priority proposal that waits for the bestuurder (at most one), as a list.
OPEN_VOORSTEL = Prefetch(
    "prioriteitsvoorstellen",
    queryset=Prioriteitsvoorstel.objects.filter(besluit=Besluit.OPEN).select_related("door"),
    to_attr="open_voorstel",
)


def _hub_opgave(request, pk: int) -> Opgave:
    return get_object_or_404(
        Opgave.objects.visible_to(request.user)
        .select_related("opgaveregisseur")
        .prefetch_related(
            "gebieden",
            "domeinen",
            Prefetch("fasewijzigingen", queryset=FaseWijziging.objects.select_related("door")),
            Prefetch(
                "teamlidmaatschap_set",
                queryset=Teamlidmaatschap.objects.select_related("user").order_by(
                    "rol", "user__first_name", "user__last_name"
                ),
                to_attr="team",
            ),
            OPEN_VOORSTEL,
            Prefetch(
                "voortgangsmeldingen",
                queryset=VoortgangMelding.objects.select_related("door")[:5],
                to_attr="laatste_meldingen",
            ),
        ),
        pk=pk,
    )


def _volgende_fase(opgave: Opgave) -> str:
    fasen = list(Fase.values)
    return fasen[min(fasen.index(opgave.fase) + 1, len(fasen) - 1)]


def _formulieren(request, opgave: Opgave, kan_bewerken: bool, kan_team: bool, gegeven: dict):
    """The hub's forms: one passed in (bound, with its errors) or an empty one; none where
    this user may not act."""
    leeg = {}
    if _prioriteit_rol(request, opgave):
        # Both start from the proposal that waits (to decide on it, or to refine it).
        voorstel = opgave.open_voorstel[0] if opgave.open_voorstel else None
        begin = (
            {"prioriteit": voorstel.prioriteit, "motivering": voorstel.motivering}
            if voorstel
            else {"prioriteit": opgave.prioriteit, "motivering": opgave.prioriteit_motivering}
        )
        leeg["prioriteit_form"] = lambda: PrioriteitForm(initial=begin)
    if kan_bewerken:
        volgende = {"van_fase": opgave.fase, "naar_fase": _volgende_fase(opgave)}
        leeg["fase_form"] = lambda: FaseForm(initial=volgende)
        leeg["voortgang_form"] = lambda: VoortgangForm(initial={"voortgang": opgave.voortgang})
        leeg["relatie_form"] = lambda: RelatieForm(opgave=opgave)
    if kan_team:
        leeg["team_form"] = lambda: TeamlidForm(opgave=opgave)
    return {naam: gegeven.get(naam) or maak() for naam, maak in leeg.items()}


def _samenhang(request, opgave: Opgave) -> tuple[list[tuple], int]:
    """The opgave's relations to the opgaven this user may read (a partner: their own),
    and how many others there are: "nog geen samenhang" would not be true."""
    relaties = opgave.samenhang()
    if request.user.has_perm("opgaven.view_opgave"):
        return relaties, 0
    eigen = set(Opgave.objects.visible_to(request.user).values_list("pk", flat=True))
    zichtbaar = [r for r in relaties if r[1].pk in eigen]
    return zichtbaar, len(relaties) - len(zichtbaar)


def _hub_context(request, pk: int, *, fase_fout=None, tab="overzicht", **forms) -> dict:
    """Everything the overview and the team page show."""
    opgave = _hub_opgave(request, pk)
    kan_bewerken = request.user.has_perm("opgaven.change_opgave", opgave)
    kan_team = request.user.has_perm("opgaven.change_team", opgave)
    relaties, verborgen = _samenhang(request, opgave) if tab == "overzicht" else ([], 0)
    return {
        **werkruimte(request, opgave, tab),
        "kan_bewerken": kan_bewerken,
        "kan_team_bewerken": kan_team,
        "fase_fout": fase_fout,
        "team_rollen": TeamRol.choices,
        "relaties": relaties,
        "relaties_verborgen": verborgen,
        "prioriteit_rol": _prioriteit_rol(request, opgave),
        **_formulieren(request, opgave, kan_bewerken, kan_team, forms),
    }


def _section(request, pk: int, section: str, *, status=200, **forms):
    """The section again, and what else on the page it changed; the header follows."""
    team = section == "team"
    return section_response(
        request,
        template=TEAM if team else HUB,
        section=section,
        context=lambda: _hub_context(request, pk, tab="team" if team else "overzicht", **forms),
        url=reverse("opgaven:opgave-team" if team else "opgaven:opgave-detail", args=[pk]),
        status=status,
        event=OPGAVE_GEWIJZIGD,
    )


@login_required
@require_GET
def opgave_detail(request: HtmxHttpRequest, pk: int):
    """The overview: why, where we are, what comes next, who."""
    context = _hub_context(request, pk)
    context["secties"] = secties.render_secties(request, "opgave", opgave=context["opgave"])
    context["zij_secties"] = secties.render_secties(request, "opgave-zij", opgave=context["opgave"])
    return render(request, HUB, context)


@login_required
@require_GET
def opgave_kop(request: HtmxHttpRequest, pk: int):
    """The workspace header alone: it reloads itself after a change on any of its pages."""
    opgave = opgave_for(request, pk)
    return render(request, "opgaven/werkruimte.html#kop", werkruimte(request, opgave, ""))


@login_required
@require_GET
def opgave_geschiedenis(request: HtmxHttpRequest, pk: int):
    """Everything that changed in and around the opgave, in words, newest first; of one kind
    and by one person of the team, if asked (a bookmarkable URL)."""
    opgave = opgave_for(request, pk)
    keuzes = soorten(request.user)
    soort = request.GET.get("soort", "")
    if soort not in dict(keuzes):
        soort = ""
    personen = list(opgave.betrokken_collegas())
    door = next((p.pk for p in personen if str(p.pk) == request.GET.get("door")), None)
    context = werkruimte(request, opgave, "geschiedenis")
    context["geschiedenis"] = geschiedenis(opgave, request.user, limit=100, soort=soort, door=door)
    context |= {"soorten": keuzes, "soort": soort, "personen": personen, "door": door}
    return render(request, GESCHIEDENIS, context)


@login_required
@require_http_methods(["GET", "POST"])
def opgave_update(request: HtmxHttpRequest, pk: int):
    opgave = opgave_to_change(request, pk, "opgaven.change_opgave")
    form = OpgaveForm(form_data(request), instance=opgave, user=request.user)
    if request.method == "POST" and form.is_valid():
        return redirect(form.save())
    return render(
        request,
        "opgaven/hub/opgave_form.html",
        {"form": form, "opgave": opgave},
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def fase_wijzigen(request: HtmxHttpRequest, pk: int):
    """Move to another phase, dated and explained; a stale page is refused (409)."""
    opgave = opgave_to_change(request, pk, "opgaven.change_opgave")
    form = FaseForm(request.POST)
    if not form.is_valid():
        return _section(request, pk, "fase", status=422, fase_form=form)
    try:
        services.fase_wijzigen(opgave=opgave, user=request.user, **form.cleaned_data)
    except services.StaleError as fout:
        # Offer the same change again, now from the phase the opgave is really in.
        huidig = Opgave.objects.values_list("fase", flat=True).get(pk=pk)
        form = FaseForm(initial=form.cleaned_data | {"van_fase": huidig})
        return _section(request, pk, "fase", status=409, fase_form=form, fase_fout=str(fout))
    return _section(request, pk, "fase")


@login_required
@require_POST
def voortgang_melden(request: HtmxHttpRequest, pk: int):
    opgave = opgave_to_change(request, pk, "opgaven.change_opgave")
    form = VoortgangForm(request.POST)
    if not form.is_valid():
        return _section(request, pk, "voortgang", status=422, voortgang_form=form)
    services.voortgang_melden(opgave=opgave, user=request.user, **form.cleaned_data)
    return _section(request, pk, "voortgang")


def _prioriteit_rol(request, opgave: Opgave) -> str | None:
    """ "besluiten" for the bestuurder, "voorstellen" for the regisseur, else None."""
    if request.user.has_perm("opgaven.change_prioriteit", opgave):
        return "besluiten"
    if request.user.has_perm("opgaven.voorstellen_prioriteit", opgave):
        return "voorstellen"
    return None


@login_required
@require_POST
def prioriteit(request: HtmxHttpRequest, pk: int):
    """The bestuurder sets the priority (deciding on a waiting proposal); the regisseur
    proposes one. Both with a motivation; the history keeps every step."""
    opgave = opgave_for(request, pk)
    rol = _prioriteit_rol(request, opgave)
    if rol is None:
        require_perm(request, "opgaven.voorstellen_prioriteit", opgave)
    form = PrioriteitForm(request.POST)
    if not form.is_valid():
        return _section(request, pk, "prioriteit", status=422, prioriteit_form=form)
    actie = services.prioriteit_besluiten if rol == "besluiten" else services.prioriteit_voorstellen
    actie(opgave=opgave, user=request.user, **form.cleaned_data)
    return _section(request, pk, "prioriteit")


@login_required
@require_http_methods(["GET", "POST"])
def team(request: HtmxHttpRequest, pk: int):
    """The team page; a POST adds a member."""
    if request.method == "GET":
        return render(request, TEAM, _hub_context(request, pk, tab="team"))
    opgave = opgave_to_change(request, pk, "opgaven.change_team")
    form = TeamlidForm(request.POST, opgave=opgave)
    if not form.is_valid():
        return _section(request, pk, "team", status=422, team_form=form)
    services.teamlid_toevoegen(lid=form.save(commit=False), door=request.user, request=request)
    return _section(request, pk, "team")


def _teamlid_for(request, pk: int, lid_pk: int) -> Teamlidmaatschap:
    opgave = opgave_to_change(request, pk, "opgaven.change_team")
    return get_object_or_404(Teamlidmaatschap, opgave=opgave, pk=lid_pk)


@login_required
@require_POST
def teamlid_rol(request: HtmxHttpRequest, pk: int, lid_pk: int):
    lid = _teamlid_for(request, pk, lid_pk)
    rol = request.POST.get("rol")
    if rol in TeamRol.values:
        services.teamlid_rol_wijzigen(lid=lid, rol=rol, door=request.user, request=request)
    return _section(request, pk, "team", status=200 if rol in TeamRol.values else 422)


@login_required
@require_POST
def teamlid_delete(request: HtmxHttpRequest, pk: int, lid_pk: int):
    lid = _teamlid_for(request, pk, lid_pk)
    services.teamlid_verwijderen(lid=lid, door=request.user, request=request)
    return _section(request, pk, "team")


@login_required
@require_POST
def relatie_create(request: HtmxHttpRequest, pk: int):
    opgave = opgave_to_change(request, pk, "opgaven.change_opgave")
    form = RelatieForm(request.POST, opgave=opgave)
    if not form.is_valid():
        return _section(request, pk, "samenhang", status=422, relatie_form=form)
    form.save()
    return _section(request, pk, "samenhang")


@login_required
@require_POST
def relatie_delete(request: HtmxHttpRequest, pk: int, relatie_pk: int):
    opgave = opgave_to_change(request, pk, "opgaven.change_opgave")
    get_object_or_404(
        OpgaveRelatie.objects.filter(models.Q(van=opgave) | models.Q(naar=opgave)), pk=relatie_pk
    ).delete()
    return _section(request, pk, "samenhang")
