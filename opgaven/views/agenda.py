"""The beleidsagenda: every opgave in priority order, filtered; new opgaven; reordering."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Rol, User
from accounts.views.personen import persoon_opties
from core.forms import zoektekst
from core.htmx import section_response, zoekkeuze_opties
from core.http import HtmxHttpRequest, form_data, pagina, pk_of_404, require_perm
from core.invoer import alleen_cijfers

from .. import services
from ..forms.agenda import AgendaFilter
from ..forms.hub import OpgaveForm
from ..models import Opgave

AGENDA = "opgaven/agenda/opgave_list.html"


def _agenda_context(request, **extra) -> dict:
    filterset = AgendaFilter(
        request.GET or None,
        queryset=Opgave.objects.visible_to(request.user)
        .select_related("opgaveregisseur")
        .prefetch_related("gebieden", "domeinen")
        .op_agenda(),
    )
    kan_herschikken = request.user.has_perm("opgaven.change_agenda")
    context = pagina(request, filterset.qs, 20) | {
        "filter": filterset,
        "kan_toevoegen": request.user.has_perm("opgaven.add_opgave"),
        "kan_herschikken": kan_herschikken,
        **extra,
    }
    if kan_herschikken:  # the first cannot go up, the last not down: not offered
        volgorde = Opgave.objects.op_agenda().values_list("pk", flat=True)
        context |= {"eerste_pk": volgorde.first(), "laatste_pk": volgorde.last()}
    return context


@login_required
@require_GET
def opgave_list(request: HtmxHttpRequest):
    """The beleidsagenda: every opgave in priority order, filtered and searchable."""
    require_perm(request, "opgaven.view_opgave")
    template = f"{AGENDA}#agenda" if request.htmx and request.htmx.target == "agenda" else AGENDA
    return render(request, template, _agenda_context(request))


@login_required
@require_GET
def opgave_zoeken(request: HtmxHttpRequest):
    """Matches for the searchable opgave choice (core.forms.Zoekkeuze), by title; only those
    this user may change with ``bewerkbaar``."""
    require_perm(request, "opgaven.view_opgave")
    gevonden = Opgave.objects.visible_to(request.user).filter(titel__icontains=zoektekst(request))
    if request.GET.get("bewerkbaar"):
        gevonden = gevonden.editable_by(request.user)
    if alleen_cijfers(behalve := request.GET.get("behalve", "")):
        gevonden = gevonden.exclude(pk=int(behalve))
    return zoekkeuze_opties(request, gevonden.order_by("titel", "pk"))


@login_required
@require_GET
def persoon_zoeken(request: HtmxHttpRequest):
    """Matches for the searchable person choice (a team member): every word of what was
    typed in a name, login, e-mail or organisation; not who is on the team of ``team_van``;
    only the roles in ``rol`` (comma-separated) when given."""
    require_perm(request, "opgaven.view_opgave")
    kandidaten = User.objects.all()
    if rollen := [r for r in request.GET.get("rol", "").split(",") if r in Rol.values]:
        kandidaten = kandidaten.filter(rol__in=rollen)
    if alleen_cijfers(team_van := request.GET.get("team_van", "")):
        kandidaten = kandidaten.exclude(opgaven_als_teamlid=int(team_van))
    return persoon_opties(request, kandidaten)


def _reden_fout(reden: str) -> str | None:
    if not reden:
        return _("Geef een reden voor de nieuwe volgorde; die wordt vastgelegd.")
    if len(reden) > 1000:
        return _("De reden is te lang: maximaal 1000 tekens.")
    return None


@login_required
@require_POST
def agenda_verplaatsen(request: HtmxHttpRequest):
    """One place up or down, or every opgave whose place field was changed to that place,
    with the reason recorded (nothing moves without one; the reason stays in its field for
    the next move)."""
    require_perm(request, "opgaven.change_agenda")
    reden = request.POST.get("reden", "").strip()
    fout, wijzigingen = _verplaatsen(request, reden)
    return section_response(
        request,
        template=AGENDA,
        section="agenda",
        context=lambda: _agenda_context(
            request, reden_fout=fout, reden=reden, verplaatst=[w.opgave for w in wijzigingen]
        ),
        url=f"{reverse('opgaven:opgave-list')}?{request.GET.urlencode()}",
        status=422 if fout else 200,
    )


def _verplaatsen(request, reden: str) -> tuple[str | None, list]:
    """(what is wrong, the moves made): ``verplaats`` is "plaatsen" (the place fields) or
    "<pk>:omhoog" / "<pk>:omlaag"; anything else is no such move (404)."""
    fout = _reden_fout(reden)
    if request.POST.get("verplaats") == "plaatsen":
        gevraagd = _gevraagde_plaatsen(request)
        if gevraagd is None:
            fout = fout or _("Geef als nieuwe plaats een getal, zoals 1 voor bovenaan.")
        if fout:
            return fout, []
        return None, services.agenda_herschikken(naar=gevraagd, reden=reden, user=request.user)
    pk, _sep, richting = request.POST.get("verplaats", "").partition(":")
    if richting not in ("omhoog", "omlaag"):
        raise Http404
    opgave = get_object_or_404(Opgave.objects.visible_to(request.user), pk=pk_of_404(pk))
    if fout:
        return fout, []
    # None: already first or last, nothing moved (and nothing to announce).
    wijziging = services.agenda_verplaatsen(
        opgave=opgave, stap=-1 if richting == "omhoog" else 1, reden=reden, user=request.user
    )
    return None, [wijziging] if wijziging else []


def _gevraagde_plaatsen(request) -> dict[Opgave, int] | None:
    """{opgave: new place} of the place fields changed from the opgave's place; None when
    one holds no place number."""
    velden = {
        sleutel.removeprefix("plaats-"): waarde.strip()
        for sleutel, waarde in request.POST.items()
        if sleutel.startswith("plaats-")
    }
    if not all(alleen_cijfers(v) and len(v) < 6 for v in velden.values()):
        return None
    opgaven = Opgave.objects.visible_to(request.user).filter(
        pk__in=[int(pk) for pk in velden if alleen_cijfers(pk) and len(pk) < 12]
    )
    return {o: int(velden[str(o.pk)]) for o in opgaven if int(velden[str(o.pk)]) != o.rang}


@login_required
@require_http_methods(["GET", "POST"])
def opgave_create(request: HtmxHttpRequest):
    require_perm(request, "opgaven.add_opgave")
    form = OpgaveForm(
        form_data(request), user=request.user, initial={"opgaveregisseur": request.user}
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.instance.rang = Opgave.objects.volgende_rang()
            opgave = form.save()
            services.op_agenda_plaatsen(opgave=opgave, user=request.user)
        return redirect(opgave)
    return render(
        request, "opgaven/hub/opgave_form.html", {"form": form}, status=422 if form.errors else 200
    )
