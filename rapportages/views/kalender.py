"""The P&C calendar: moments with deadlines, and each opgave's contribution per moment,
written on top of the version its writer loaded (two writers never overwrite each other)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import bijlagen
from core.forms import BijlageForm
from core.htmx import section_response
from core.http import HtmxHttpRequest, pagina, pk_of_404, require_perm
from core.security_log import log_event
from opgaven.access import opgave_for
from opgaven.models import Opgave

from .. import bijdragen, meldingen
from ..forms import BijdrageForm, HeropenenForm, PcMomentForm
from ..models import GEEN_BIJDRAGE, Bijdrage, BijdrageBijlage, BijdrageStatus, PcMoment

KALENDER = "rapportages/kalender/kalender.html"
BIJDRAGE = "rapportages/kalender/bijdrage.html"


def _kalender_context(request, form=None) -> dict:
    momenten = PcMoment.objects.annotate(
        n_bijdragen=Count("bijdragen"),
        n_akkoord=Count("bijdragen", filter=~Q(bijdragen__status=BijdrageStatus.CONCEPT)),
    ).order_by("jaar", "deadline")
    jaren: dict[int, list] = {}
    for moment in momenten:
        jaren.setdefault(moment.jaar, []).append(moment)
    mag_toevoegen = request.user.has_perm("rapportages.add_pcmoment")
    return {
        "jaren": jaren,
        "form": (form or PcMomentForm()) if mag_toevoegen else None,
        "aantal_opgaven": Opgave.objects.count(),
    }


@login_required
@require_GET
def kalender(request: HtmxHttpRequest):
    # Raadsleden read published reports, not the contributions in the making.
    require_perm(request, "opgaven.view_opgave")
    return render(request, KALENDER, _kalender_context(request))


@login_required
@require_POST
def pcmoment_create(request: HtmxHttpRequest):
    require_perm(request, "rapportages.add_pcmoment")
    form = PcMomentForm(request.POST)
    if form.is_valid():
        moment = form.save()
        messages.success(request, _("%(moment)s staat in de kalender.") % {"moment": moment})
    return section_response(
        request,
        template=KALENDER,
        section="kalender",
        context=lambda: _kalender_context(request, None if form.is_valid() else form),
        url=reverse("rapportages:kalender"),
        status=200 if form.is_valid() else 422,
    )


@login_required
@require_GET
def moment_detail(request: HtmxHttpRequest, pk: int):
    require_perm(request, "opgaven.view_opgave")
    moment = get_object_or_404(PcMoment, pk=pk)
    opgaven = Opgave.objects.visible_to(request.user)
    status = request.GET.get("status", "")
    status = status if status in (GEEN_BIJDRAGE, *BijdrageStatus.values) else ""
    gefilterd = moment.opgaven_met_status(opgaven, status).select_related("opgaveregisseur")
    lijst = pagina(request, gefilterd.op_agenda())
    opgaven_hier = lijst["page"].object_list
    bijdragen = moment.bijdragen.filter(opgave__in=[o.pk for o in opgaven_hier])
    per_opgave = {
        b.opgave_id: b
        for b in bijdragen.select_related("bijgewerkt_door").defer("bereiken", "doen", "kosten")
    }
    # Unfiltered, the page has counted the visible opgaven already.
    stand = moment.stand(opgaven, None if status else lijst["page"].paginator.count)
    context = lijst | {
        "moment": moment,
        "stand": stand,
        "totaal": sum(n for _waarde, _label, n in stand),
        "status": status,
        "rijen": [(opgave, per_opgave.get(opgave.pk)) for opgave in opgaven_hier],
        "kan_rapporteren": request.user.has_perm("rapportages.add_rapportage", None),
    }
    return render(request, "rapportages/kalender/moment_detail.html", context)


def akkoord_context(request, opgave: Opgave, bijdrage: Bijdrage | None, form=None) -> dict:
    """Which governance step this user may take now (none before the first save)."""
    status = bijdrage.status if bijdrage else None
    has_perm = request.user.has_perm
    kan_heropenen = status in (
        BijdrageStatus.AMBTELIJK_AKKOORD,
        BijdrageStatus.BESTUURLIJK_AKKOORD,
    ) and has_perm("rapportages.heropenen_bijdrage", opgave)
    return {
        "kan_ambtelijk": status == BijdrageStatus.CONCEPT
        and has_perm("rapportages.ambtelijk_akkoord_bijdrage", opgave),
        "kan_bestuurlijk": status == BijdrageStatus.AMBTELIJK_AKKOORD
        and has_perm("rapportages.bestuurlijk_akkoord_bijdrage", opgave),
        "heropenen_form": (form or HeropenenForm()) if kan_heropenen else None,
    }


def _gelezen(request, moment_pk: int, opgave_pk: int):
    """The moment, an opgave this user may read, and its contribution (None before its
    first save)."""
    require_perm(request, "opgaven.view_opgave")
    moment = get_object_or_404(PcMoment, pk=moment_pk)
    opgave = opgave_for(request, opgave_pk)
    bijdrage = (
        Bijdrage.objects.filter(moment=moment, opgave=opgave)
        .select_related("bijgewerkt_door", "ambtelijk_akkoord_door", "bestuurlijk_akkoord_door")
        .first()
    )
    return moment, opgave, bijdrage


def _op_slot(request, bijdrage: Bijdrage | None):
    """Back to the contribution with the reason, when it has bestuurlijk akkoord; else None."""
    if bijdrage is None or not bijdrage.is_vergrendeld:
        return None
    messages.error(
        request,
        _(
            "Deze bijdrage heeft bestuurlijk akkoord en verandert niet meer. "
            "De portefeuillehouder of de beheerder kan haar heropenen."
        ),
    )
    return redirect(
        "rapportages:bijdrage", moment_pk=bijdrage.moment_id, opgave_pk=bijdrage.opgave_id
    )


def _documenten_van(request, moment_pk: int, opgave_pk: int) -> Bijdrage:
    """A contribution whose documents this user may change (404 before its first save)."""
    _moment, opgave, bijdrage = _gelezen(request, moment_pk, opgave_pk)
    require_perm(request, "rapportages.change_bijdrage", opgave)
    if bijdrage is None:
        raise Http404
    return bijdrage


def _bijdrage_context(request, moment_pk: int, opgave_pk: int) -> dict:
    """The moment, the opgave, its contribution (if any) and what this user may do with it."""
    moment, opgave, bijdrage = _gelezen(request, moment_pk, opgave_pk)
    vergrendeld = bijdrage is not None and bijdrage.is_vergrendeld
    kan_bewerken = request.user.has_perm("rapportages.change_bijdrage", opgave)
    return {
        "moment": moment,
        "opgave": opgave,
        "bijdrage": bijdrage,
        "kan_bewerken": kan_bewerken and not vergrendeld,
        "vergrendeld": vergrendeld,
        "conflict": None,
        **akkoord_context(request, opgave, bijdrage),
        **_documenten_context(bijdrage),
    }


def _documenten_context(bijdrage: Bijdrage | None, form=None) -> dict:
    """The contribution's documents (there are none before its first save)."""
    if bijdrage is None:
        return {"documenten": None}
    return {
        "documenten": bijlagen.per_document(bijdrage.bijlagen.all()),
        "bijlage_form": form or BijlageForm(eigenaar=bijdrage, model=BijdrageBijlage),
        "bijlage_actie": reverse(
            "rapportages:bijdrage-documenten", args=[bijdrage.moment_id, bijdrage.opgave_id]
        ),
    }


@login_required
@require_GET
def bijdrage(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int):
    """An opgave's answers to the three W-questions for one moment (a draft when new)."""
    context = _bijdrage_context(request, moment_pk, opgave_pk)
    initial = bijdragen.begintekst(context["opgave"], context["moment"], context["bijdrage"])
    context["form"] = BijdrageForm(initial=initial)
    return render(request, BIJDRAGE, context)


@login_required
@require_POST
def bijdrage_opslaan(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int):
    """Save on top of the version loaded; if someone saved meanwhile, show both (409)."""
    context = _bijdrage_context(request, moment_pk, opgave_pk)
    moment, opgave = context["moment"], context["opgave"]
    require_perm(request, "rapportages.change_bijdrage", opgave)
    if op_slot := _op_slot(request, context["bijdrage"]):
        return op_slot
    form = BijdrageForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return render(request, BIJDRAGE, context, status=422)
    data = form.cleaned_data
    if Bijdrage.opslaan(moment=moment, opgave=opgave, user=request.user, **data):
        meldingen.akkoord_melden(
            Bijdrage.objects.get(moment=moment, opgave=opgave), door=request.user
        )
        messages.success(request, _("De bijdrage is opgeslagen."))
        # Back to the bijdrage, at its akkoord: the regisseur gives it without another visit.
        return redirect(reverse("rapportages:bijdrage", args=[moment.pk, opgave.pk]) + "#akkoord")
    # Somebody saved in between: show theirs, keep mine in the form on top of their version.
    huidig = Bijdrage.objects.select_related("bijgewerkt_door").get(moment=moment, opgave=opgave)
    context |= {"bijdrage": huidig, "conflict": huidig}
    context["form"] = BijdrageForm(initial=data | {"versie": huidig.versie})
    return render(request, BIJDRAGE, context, status=409)


def _bijdrage_pagina(request, moment_pk: int, opgave_pk: int, *, status=200, **extra):
    context = _bijdrage_context(request, moment_pk, opgave_pk) | extra
    initial = bijdragen.begintekst(context["opgave"], context["moment"], context["bijdrage"])
    context["form"] = BijdrageForm(initial=initial)
    return render(request, BIJDRAGE, context, status=status)


def _akkoord(request, moment_pk: int, opgave_pk: int, stap: str):
    """Give the ambtelijk or bestuurlijk akkoord on the version this user read."""
    moment = get_object_or_404(PcMoment, pk=moment_pk)
    opgave = opgave_for(request, opgave_pk)
    require_perm(request, f"rapportages.{stap}_akkoord_bijdrage", opgave)
    bijdrage = get_object_or_404(Bijdrage, moment=moment, opgave=opgave)
    versie = pk_of_404(request.POST.get("versie"))
    if not bijdrage.akkoord_geven(stap, user=request.user, versie=versie):
        messages.error(
            request,
            _(
                "Er is geen akkoord gegeven: de bijdrage is intussen gewijzigd of heeft dit "
                "akkoord al. Lees haar opnieuw."
            ),
        )
        return _bijdrage_pagina(request, moment_pk, opgave_pk, status=409)
    log_event(f"{stap}_akkoord", request=request, obj=f"bijdrage:{bijdrage.pk}:v{versie}")
    meldingen.akkoord_melden(bijdrage, door=request.user)
    messages.success(request, _("Het akkoord is vastgelegd."))
    return redirect("rapportages:bijdrage", moment_pk=moment.pk, opgave_pk=opgave.pk)


@login_required
@require_POST
def ambtelijk_akkoord(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int):
    return _akkoord(request, moment_pk, opgave_pk, "ambtelijk")


@login_required
@require_POST
def bestuurlijk_akkoord(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int):
    return _akkoord(request, moment_pk, opgave_pk, "bestuurlijk")


@login_required
@require_POST
def heropenen(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int):
    """Back to concept, with the reason: in the history and the security log."""
    moment = get_object_or_404(PcMoment, pk=moment_pk)
    opgave = opgave_for(request, opgave_pk)
    require_perm(request, "rapportages.heropenen_bijdrage", opgave)
    bijdrage = get_object_or_404(Bijdrage, moment=moment, opgave=opgave)
    form = HeropenenForm(request.POST)
    if bijdrage.status == BijdrageStatus.CONCEPT or not form.is_valid():
        return _bijdrage_pagina(request, moment_pk, opgave_pk, status=422, heropenen_form=form)
    bijdrage.heropenen(reden=form.cleaned_data["reden"])
    log_event("heropenen", request=request, obj=f"bijdrage:{bijdrage.pk}")
    messages.success(request, _("De bijdrage is heropend en weer concept."))
    return redirect("rapportages:bijdrage", moment_pk=moment.pk, opgave_pk=opgave.pk)


@login_required
@require_POST
def bijdrage_documenten(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int):
    """A document for the contribution, or a new version of one; not once it is locked."""
    bijdrage = _documenten_van(request, moment_pk, opgave_pk)
    if op_slot := _op_slot(request, bijdrage):
        return op_slot
    form = BijlageForm(request.POST, request.FILES, eigenaar=bijdrage, model=BijdrageBijlage)
    if not form.is_valid():
        extra = _documenten_context(bijdrage, form)
        return _bijdrage_pagina(request, moment_pk, opgave_pk, status=422, **extra)
    bijlagen.bewaard(request, form.save(door=request.user), f"bijdrage:{bijdrage.pk}")
    return redirect(reverse("rapportages:bijdrage", args=[moment_pk, opgave_pk]) + "#documenten")


@login_required
@require_GET
def bijdrage_document(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int, bijlage_pk: int):
    _moment, _opgave, bijdrage = _gelezen(request, moment_pk, opgave_pk)
    bijlage = get_object_or_404(BijdrageBijlage, bijdrage=bijdrage, pk=bijlage_pk)
    return bijlagen.download(bijlage)


@login_required
@require_POST
def bijdrage_document_verwijderen(
    request: HtmxHttpRequest, moment_pk: int, opgave_pk: int, bijlage_pk: int
):
    """A version of one of the contribution's documents; not once it is locked."""
    bijdrage = _documenten_van(request, moment_pk, opgave_pk)
    bijlage = get_object_or_404(BijdrageBijlage, bijdrage=bijdrage, pk=bijlage_pk)
    if op_slot := _op_slot(request, bijdrage):
        return op_slot
    terug = reverse("rapportages:bijdrage", args=[moment_pk, opgave_pk]) + "#documenten"
    kenmerk = f"bijdrage:{bijdrage.pk}"
    return bijlagen.verwijderen(request, bijlage, kenmerk=kenmerk, terug=terug)
