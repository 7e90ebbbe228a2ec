"""A person's teams, on their page in Beheer > Gebruikers (a section ``accounts`` shows
without knowing opgaven, core.secties) and as a column of the Gebruikers list."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.models import Rol, User
from core.htmx import section_response
from core.http import HtmxHttpRequest, require_perm

from .. import services
from ..forms.teams import PersoonTeamForm
from ..models import Teamlidmaatschap

SECTIE = "opgaven/teams/gebruiker_teams.html"
PERM = "accounts.manage_gebruikers"
TOON_TEAMS = 5  # in the Gebruikers list; a person's page shows all their teams


def teams_context(request, persoon: User, form=None) -> dict | None:
    if not request.user.has_perm(PERM):
        return None
    kan_in_team = persoon.rol != Rol.RAADSLID and persoon.is_active
    return {
        "persoon": persoon,
        "lidmaatschappen": Teamlidmaatschap.objects.filter(user=persoon)
        .select_related("opgave")
        .order_by("opgave__titel"),
        "kan_in_team": kan_in_team,
        "form": (form or PersoonTeamForm(persoon=persoon)) if kan_in_team else None,
    }


def teams_per_persoon(personen: list[User]) -> dict[int, str]:
    """The Gebruikers list's column: per person the titles of their first opgaven and how
    many more (one query of two columns). At scale someone is on fifty teams: all titles
    made the list 82 kB and whole opgaven 13 ms of reading; their page has them all."""
    leden = Teamlidmaatschap.objects.filter(user__in=personen).order_by("user_id", "opgave__titel")
    teams: dict[int, list[str]] = {}
    for pk, titel in leden.values_list("user_id", "opgave__titel"):
        teams.setdefault(pk, []).append(titel)
    return {pk: _opsomming(titels) for pk, titels in teams.items()}


def _opsomming(titels: list[str]) -> str:
    if len(titels) <= TOON_TEAMS:
        return ", ".join(titels)
    meer = len(titels) - TOON_TEAMS
    return ngettext("%(titels)s en %(n)s andere", "%(titels)s en %(n)s andere", meer) % {
        "titels": ", ".join(titels[:TOON_TEAMS]),
        "n": meer,
    }


def _sectie(request, persoon: User, *, status=200, form=None):
    return section_response(
        request,
        template=SECTIE,
        section="teams",
        context=lambda: teams_context(request, persoon, form),
        url=reverse("accounts:gebruiker-detail", args=[persoon.pk]),
        status=status,
    )


def _persoon_for(request, pk: int) -> User:
    require_perm(request, PERM)
    return get_object_or_404(User, pk=pk)


@login_required
@require_POST
def persoon_team_create(request: HtmxHttpRequest, pk: int):
    persoon = _persoon_for(request, pk)
    form = PersoonTeamForm(request.POST, persoon=persoon)
    if persoon.rol == Rol.RAADSLID or not persoon.is_active or not form.is_valid():
        return _sectie(request, persoon, status=422, form=form)
    services.teamlid_toevoegen(lid=form.save(commit=False), door=request.user, request=request)
    return _sectie(request, persoon)


@login_required
@require_POST
def persoon_team_delete(request: HtmxHttpRequest, pk: int, lid_pk: int):
    persoon = _persoon_for(request, pk)
    lid = get_object_or_404(Teamlidmaatschap, user=persoon, pk=lid_pk)
    services.teamlid_verwijderen(lid=lid, door=request.user, request=request)
    return _sectie(request, persoon)
