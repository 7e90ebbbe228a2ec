import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import User
from core.http import HtmxHttpRequest, pk_of_404

from . import hub, services
from .forms import (
    AgendaFilter,
    DomeinForm,
    FaseForm,
    GebiedForm,
    OpgaveForm,
    RelatieForm,
    TeamlidForm,
    VoortgangForm,
)
from .history import geschiedenis, geschiedenis_van
from .models import (
    Domein,
    Fase,
    FaseWijziging,
    Gebied,
    GebiedSoort,
    Opgave,
    OpgaveRelatie,
    Teamlidmaatschap,
    TeamRol,
    VoortgangMelding,
)

AGENDA = "opgaven/opgave_list.html"
HUB = "opgaven/opgave_detail.html"


def _agenda_context(request) -> dict:
    filterset = AgendaFilter(
        request.GET or None,
        queryset=Opgave.objects.visible_to(request.user)
        .select_related("opgaveregisseur")
        .prefetch_related("gebieden", "domeinen")
        .op_agenda(),
    )
    page = Paginator(filterset.qs, 20).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return {
        "filter": filterset,
        "page": page,
        "querystring": querystring.urlencode(),
        "kan_toevoegen": request.user.has_perm("opgaven.add_opgave"),
        "kan_herschikken": request.user.has_perm("opgaven.change_agenda"),
    }


@login_required
@require_GET
def opgave_list(request: HtmxHttpRequest):
    """The beleidsagenda: every opgave in priority order, filtered and searchable."""
    if not request.user.has_perm("opgaven.view_opgave"):
        raise PermissionDenied
    template = f"{AGENDA}#agenda" if request.htmx and request.htmx.target == "agenda" else AGENDA
    return render(request, template, _agenda_context(request))


@login_required
@require_POST
def agenda_verplaatsen(request: HtmxHttpRequest):
    if not request.user.has_perm("opgaven.change_agenda"):
        raise PermissionDenied
    pk, _sep, richting = request.POST.get("verplaats", "").partition(":")
    if not pk.isdigit() or richting not in ("omhoog", "omlaag"):
        raise Http404
    opgave = get_object_or_404(Opgave.objects.visible_to(request.user), pk=int(pk))
    reden = request.POST.get("reden", "").strip()
    fout, verplaatst = None, None
    if not reden:
        fout = _("Geef een reden voor de nieuwe volgorde; die wordt vastgelegd.")
    elif len(reden) > 1000:
        fout = _("De reden is te lang: maximaal 1000 tekens.")
    else:
        # None: already first or last, nothing moved (and nothing to announce).
        if services.agenda_verplaatsen(
            opgave=opgave, richting=richting, reden=reden, user=request.user
        ):
            verplaatst = opgave
    if not request.htmx:
        if fout:
            messages.error(request, fout)
        return redirect(f"{reverse('opgaven:opgave-list')}?{request.GET.urlencode()}")
    context = _agenda_context(request)
    context.update({"reden_fout": fout, "reden": reden, "verplaatst": verplaatst})
    return render(request, f"{AGENDA}#agenda", context, status=422 if fout else 200)


@login_required
@require_http_methods(["GET", "POST"])
def opgave_create(request: HtmxHttpRequest):
    if not request.user.has_perm("opgaven.add_opgave"):
        raise PermissionDenied
    form = OpgaveForm(
        request.POST or None, user=request.user, initial={"opgaveregisseur": request.user}
    )
    if request.method == "POST" and form.is_valid():
        form.instance.rang = Opgave.objects.volgende_rang()
        opgave = form.save()
        return redirect(opgave)
    status = 422 if form.errors else 200
    return render(request, "opgaven/opgave_form.html", {"form": form}, status=status)


def opgave_for(request, pk: int) -> Opgave:
    """An opgave this user may read, with its team loaded for the permission rules; else 404."""
    return get_object_or_404(
        Opgave.objects.visible_to(request.user).prefetch_related("teamleden"), pk=pk
    )


def _hub_opgave(request, pk: int) -> Opgave:
    return get_object_or_404(
        Opgave.objects.visible_to(request.user)
        .select_related("opgaveregisseur")
        .prefetch_related(
            "teamleden",
            "gebieden",
            "domeinen",
            Prefetch("fasewijzigingen", queryset=FaseWijziging.objects.select_related("door")),
            Prefetch("relaties_uit", queryset=OpgaveRelatie.objects.select_related("naar")),
            Prefetch(
                "teamlidmaatschap_set",
                queryset=Teamlidmaatschap.objects.select_related("user").order_by(
                    "rol", "user__first_name", "user__last_name"
                ),
                to_attr="team",
            ),
            Prefetch("relaties_in", queryset=OpgaveRelatie.objects.select_related("van")),
            Prefetch(
                "voortgangsmeldingen",
                queryset=VoortgangMelding.objects.select_related("door")[:5],
                to_attr="laatste_meldingen",
            ),
        ),
        pk=pk,
    )


def _fase_context(request, opgave: Opgave, form=None, fout=None) -> dict:
    kan_bewerken = request.user.has_perm("opgaven.change_opgave", opgave)
    if form is None and kan_bewerken:
        fasen = list(Fase.values)
        volgende = fasen[min(fasen.index(opgave.fase) + 1, len(fasen) - 1)]
        form = FaseForm(initial={"van_fase": opgave.fase, "naar_fase": volgende})
    return {"opgave": opgave, "kan_bewerken": kan_bewerken, "fase_form": form, "fase_fout": fout}


def _voortgang_context(request, opgave: Opgave, form=None) -> dict:
    kan_bewerken = request.user.has_perm("opgaven.change_opgave", opgave)
    if form is None and kan_bewerken:
        form = VoortgangForm(initial={"voortgang": opgave.voortgang})
    return {"opgave": opgave, "kan_bewerken": kan_bewerken, "voortgang_form": form}


@login_required
@require_GET
def opgave_detail(request: HtmxHttpRequest, pk: int):
    opgave = _hub_opgave(request, pk)
    context = {
        "opgave": opgave,
        "kan_bewerken": request.user.has_perm("opgaven.change_opgave", opgave),
        "secties": hub.render_secties(request, opgave),
        "geschiedenis": geschiedenis(opgave),
    }
    context.update(_fase_context(request, opgave))
    context.update(_voortgang_context(request, opgave))
    context.update(_samenhang_context(request, opgave))
    context.update(_team_context(request, opgave))
    return render(request, HUB, context)


def _team_context(request, opgave: Opgave, form=None) -> dict:
    kan_team_bewerken = request.user.has_perm("opgaven.change_team", opgave)
    if form is None and kan_team_bewerken:
        form = TeamlidForm(opgave=opgave)
    return {
        "opgave": opgave,
        "kan_team_bewerken": kan_team_bewerken,
        "team_form": form,
        "team_rollen": TeamRol.choices,
    }


@login_required
@require_POST
def team_bewerken(request: HtmxHttpRequest, pk: int):
    """Add someone to the team, change their role in it, or take them off it."""
    opgave = _hub_opgave(request, pk)
    if not request.user.has_perm("opgaven.change_team", opgave):
        raise PermissionDenied
    actie = request.POST.get("actie")
    form, status = None, 200
    if actie == "toevoegen":
        form = TeamlidForm(request.POST, opgave=opgave)
        if form.is_valid():
            form.save()
            form = None
        else:
            status = 422
    elif actie in ("rol", "verwijderen"):
        lid = get_object_or_404(
            Teamlidmaatschap, opgave=opgave, pk=pk_of_404(request.POST.get("lid"))
        )
        if actie == "verwijderen":
            lid.delete()
        elif request.POST.get("rol") in TeamRol.values:
            lid.rol = request.POST["rol"]
            lid.save(update_fields=["rol"])
        else:
            status = 422
    else:
        raise Http404
    if not request.htmx:
        if status == 422:
            messages.error(request, _("Het team is niet gewijzigd: kies een persoon en een rol."))
        return redirect(f"{opgave.get_absolute_url()}#team")
    opgave = _hub_opgave(request, pk)
    return render(request, f"{HUB}#team", _team_context(request, opgave, form), status=status)


def _samenhang_context(request, opgave: Opgave, form=None) -> dict:
    kan_bewerken = request.user.has_perm("opgaven.change_opgave", opgave)
    if form is None and kan_bewerken:
        form = RelatieForm(opgave=opgave)
    relaties = [(r, r.naar, r.get_soort_display()) for r in opgave.relaties_uit.all()]
    relaties += [(r, r.van, r.get_soort_display()) for r in opgave.relaties_in.all()]
    return {
        "opgave": opgave,
        "kan_bewerken": kan_bewerken,
        "relaties": sorted(relaties, key=lambda r: r[1].titel),
        "relatie_form": form,
    }


@login_required
@require_POST
def relatie_create(request: HtmxHttpRequest, pk: int):
    opgave = _hub_opgave(request, pk)
    if not request.user.has_perm("opgaven.change_opgave", opgave):
        raise PermissionDenied
    form = RelatieForm(request.POST, opgave=opgave)
    status = 422
    if form.is_valid():
        form.save()
        opgave, form, status = _hub_opgave(request, pk), None, 200
    if not request.htmx:
        if status == 422:
            messages.error(
                request,
                _("De samenhang is niet vastgelegd: %(fouten)s")
                % {"fouten": " ".join(str(e) for errors in form.errors.values() for e in errors)},
            )
        return redirect(f"{opgave.get_absolute_url()}#samenhang")
    return render(
        request, f"{HUB}#samenhang", _samenhang_context(request, opgave, form), status=status
    )


@login_required
@require_POST
def relatie_delete(request: HtmxHttpRequest, pk: int, relatie_pk: int):
    opgave = _hub_opgave(request, pk)
    if not request.user.has_perm("opgaven.change_opgave", opgave):
        raise PermissionDenied
    relatie = get_object_or_404(
        OpgaveRelatie.objects.filter(models.Q(van=opgave) | models.Q(naar=opgave)), pk=relatie_pk
    )
    relatie.delete()
    if not request.htmx:
        return redirect(f"{opgave.get_absolute_url()}#samenhang")
    opgave = _hub_opgave(request, pk)
    return render(request, f"{HUB}#samenhang", _samenhang_context(request, opgave))


@login_required
@require_GET
def samenhang(request: HtmxHttpRequest):
    """Opgaven x domeinen, opgaven x gebieden and every relation between opgaven."""
    if not request.user.has_perm("opgaven.view_opgave"):
        raise PermissionDenied
    opgaven = list(
        Opgave.objects.visible_to(request.user).prefetch_related("domeinen", "gebieden").op_agenda()
    )
    domeinen = list(Domein.objects.filter(opgaven__in=opgaven).distinct())
    gebieden = list(
        Gebied.objects.filter(opgaven__in=opgaven).exclude(soort=GebiedSoort.GEMEENTE).distinct()
    )
    rijen = []
    for opgave in opgaven:
        eigen_domeinen = {d.pk for d in opgave.domeinen.all()}
        eigen_gebieden = {g.pk for g in opgave.gebieden.all()}
        rijen.append(
            {
                "opgave": opgave,
                "domeinen": [d.pk in eigen_domeinen for d in domeinen],
                "gebieden": [g.pk in eigen_gebieden for g in gebieden],
            }
        )
    relaties = OpgaveRelatie.objects.filter(van__in=opgaven).select_related("van", "naar")
    return render(
        request,
        "opgaven/samenhang.html",
        {"rijen": rijen, "domeinen": domeinen, "gebieden": gebieden, "relaties": relaties},
    )


@login_required
@require_http_methods(["GET", "POST"])
def opgave_update(request: HtmxHttpRequest, pk: int):
    opgave = get_object_or_404(
        Opgave.objects.visible_to(request.user).prefetch_related("teamleden"), pk=pk
    )
    if not request.user.has_perm("opgaven.change_opgave", opgave):
        raise PermissionDenied
    form = OpgaveForm(request.POST or None, instance=opgave, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(opgave)
    status = 422 if form.errors else 200
    return render(
        request, "opgaven/opgave_form.html", {"form": form, "opgave": opgave}, status=status
    )


@login_required
@require_POST
def fase_wijzigen(request: HtmxHttpRequest, pk: int):
    opgave = _hub_opgave(request, pk)
    if not request.user.has_perm("opgaven.change_opgave", opgave):
        raise PermissionDenied
    form = FaseForm(request.POST)
    fout, status = None, 200
    if form.is_valid():
        try:
            services.fase_wijzigen(
                opgave=opgave,
                van_fase=form.cleaned_data["van_fase"],
                naar_fase=form.cleaned_data["naar_fase"],
                datum=form.cleaned_data["datum"],
                toelichting=form.cleaned_data["toelichting"],
                user=request.user,
            )
            form = None
        except services.StaleError as error:
            fout, status = str(error), 409
            huidige_fase = Opgave.objects.values_list("fase", flat=True).get(pk=opgave.pk)
            form = FaseForm(initial={**form.cleaned_data, "van_fase": huidige_fase})
        opgave = _hub_opgave(request, pk)
    else:
        status = 422
    if not request.htmx:
        if fout:
            messages.error(request, fout)
        if status == 422:
            messages.error(
                request,
                _("De fase is niet gewijzigd: vul een toelichting en een geldige datum in."),
            )
        return redirect(f"{opgave.get_absolute_url()}#fase")
    return render(request, f"{HUB}#fase", _fase_context(request, opgave, form, fout), status=status)


@login_required
@require_POST
def voortgang_melden(request: HtmxHttpRequest, pk: int):
    opgave = _hub_opgave(request, pk)
    if not request.user.has_perm("opgaven.change_opgave", opgave):
        raise PermissionDenied
    form = VoortgangForm(request.POST)
    status = 422
    if form.is_valid():
        services.voortgang_melden(opgave=opgave, user=request.user, **form.cleaned_data)
        opgave, form, status = _hub_opgave(request, pk), None, 200
    if not request.htmx:
        if status == 422:
            messages.error(
                request, _("De voortgang is niet vastgelegd: kies een voortgang en licht die toe.")
            )
        return redirect(f"{opgave.get_absolute_url()}#voortgang")
    return render(
        request, f"{HUB}#voortgang", _voortgang_context(request, opgave, form), status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def referentielijsten(request: HtmxHttpRequest):
    """Beheer of the managed lists opgaven use: domeinen and gebieden."""
    if not request.user.has_perm("opgaven.manage_referentielijsten"):
        raise PermissionDenied
    domein_form = DomeinForm(prefix="domein")
    gebied_form = GebiedForm(prefix="gebied")
    status = 200
    if request.method == "POST":
        if "domein-naam" in request.POST:
            domein_form = DomeinForm(request.POST, prefix="domein")
            if domein_form.is_valid():
                domein_form.save()
                return redirect(f"{reverse('opgaven:referentielijsten')}#domeinen")
        elif "domein_actief" in request.POST:
            domein = get_object_or_404(Domein, pk=pk_of_404(request.POST["domein_actief"]))
            domein.actief = not domein.actief
            domein.save(update_fields=["actief"])
            return redirect(f"{reverse('opgaven:referentielijsten')}#domeinen")
        else:
            gebied_form = GebiedForm(request.POST, prefix="gebied")
            if gebied_form.is_valid():
                gebied_form.save()
                return redirect(f"{reverse('opgaven:referentielijsten')}#gebieden")
        status = 422
    return render(
        request,
        "opgaven/referentielijsten.html",
        {
            "domeinen": Domein.objects.all(),
            "gebieden": Gebied.objects.select_related("bovenliggend"),
            "domein_form": domein_form,
            "gebied_form": gebied_form,
        },
        status=status,
    )


@login_required
@require_GET
def home(request: HtmxHttpRequest):
    """Each role starts where its work is; raadsleden at the reports they receive."""
    if request.user.rol == "raadslid":
        return redirect("rapportages:rapportage-list")
    mijn = Opgave.objects.waar_werkt(request.user).select_related("opgaveregisseur").op_agenda()
    mijn_lijst = list(mijn)
    vandaag = timezone.localdate()
    return render(
        request,
        "opgaven/home.html",
        {
            "mijn_opgaven": mijn_lijst,
            "aandacht": [o for o in mijn_lijst if o.voortgang != "op_koers"],
            "aflopend": [
                o
                for o in mijn_lijst
                if o.einddatum and vandaag <= o.einddatum <= vandaag + datetime.timedelta(days=90)
            ],
            "recent": geschiedenis_van(mijn_lijst, limit=10) if mijn_lijst else [],
            "kan_toevoegen": request.user.has_perm("opgaven.add_opgave"),
            "is_beheerder": request.user.has_perm("opgaven.manage_referentielijsten"),
            "secties": hub.render_start_secties(request),
        },
    )


@login_required
@require_GET
def wie_werkt_waaraan(request: HtmxHttpRequest):
    """Who directs or works on which opgave, searchable by name or organisation."""
    if not request.user.has_perm("opgaven.view_opgave"):
        raise PermissionDenied
    zoek = request.GET.get("q", "").strip()[:100]
    opgaven = Opgave.objects.visible_to(request.user).op_agenda()
    mensen = (
        User.objects.filter(is_active=True)
        .filter(
            models.Q(geregisseerde_opgaven__isnull=False)
            | models.Q(opgaven_als_teamlid__isnull=False)
        )
        .distinct()
        .prefetch_related(
            Prefetch("geregisseerde_opgaven", queryset=opgaven, to_attr="regisseert"),
            Prefetch("opgaven_als_teamlid", queryset=opgaven, to_attr="teamlid_van"),
        )
        .order_by("first_name", "last_name", "username")
    )
    if zoek:
        mensen = mensen.filter(
            models.Q(first_name__icontains=zoek)
            | models.Q(last_name__icontains=zoek)
            | models.Q(username__icontains=zoek)
            | models.Q(organisatie__icontains=zoek)
        )
    return render(request, "opgaven/wie_werkt_waaraan.html", {"mensen": mensen, "zoek": zoek})
