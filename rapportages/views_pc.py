"""The P&C calendar: moments with deadlines, and each opgave's contribution per moment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import HtmxHttpRequest
from opgaven.models import Opgave
from opgaven.views import opgave_for

from . import bijdragen
from .forms import BijdrageForm, PcMomentForm
from .models import Bijdrage, BijdrageStatus, PcMoment


def _require_ambtelijk(request) -> None:
    # Raadsleden read published reports, not the contributions in the making.
    if not request.user.has_perm("opgaven.view_opgave"):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def kalender(request: HtmxHttpRequest):
    _require_ambtelijk(request)
    mag_toevoegen = request.user.has_perm("rapportages.add_pcmoment")
    form = PcMomentForm() if mag_toevoegen else None
    if request.method == "POST":
        if not mag_toevoegen:
            raise PermissionDenied
        form = PcMomentForm(request.POST)
        if form.is_valid():
            moment = form.save()
            messages.success(request, _("%(moment)s staat in de kalender.") % {"moment": moment})
            return redirect("rapportages:kalender")
    aantal_opgaven = Opgave.objects.count()
    momenten = PcMoment.objects.annotate(
        n_bijdragen=Count("bijdragen"),
        n_akkoord=Count("bijdragen", filter=~Q(bijdragen__status=BijdrageStatus.CONCEPT)),
    ).order_by("jaar", "deadline")
    jaren: dict[int, list] = {}
    for moment in momenten:
        jaren.setdefault(moment.jaar, []).append(moment)
    return render(
        request,
        "rapportages/kalender.html",
        {"jaren": jaren, "form": form, "aantal_opgaven": aantal_opgaven},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def moment_detail(request: HtmxHttpRequest, pk: int):
    _require_ambtelijk(request)
    moment = get_object_or_404(PcMoment, pk=pk)
    per_opgave = {
        b.opgave_id: b
        for b in moment.bijdragen.select_related("bijgewerkt_door").defer(
            "bereiken", "doen", "kosten"
        )
    }
    opgaven = Opgave.objects.visible_to(request.user).select_related("opgaveregisseur")
    rijen = [(opgave, per_opgave.get(opgave.pk)) for opgave in opgaven.op_agenda()]
    return render(
        request,
        "rapportages/moment_detail.html",
        {
            "moment": moment,
            "rijen": rijen,
            "kan_rapporteren": request.user.has_perm("rapportages.add_rapportage", None),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def bijdrage(request: HtmxHttpRequest, moment_pk: int, opgave_pk: int):
    """Write an opgave's answers to the three W-questions for one moment (prefilled)."""
    _require_ambtelijk(request)
    moment = get_object_or_404(PcMoment, pk=moment_pk)
    opgave = opgave_for(request, opgave_pk)
    bestaand = (
        Bijdrage.objects.filter(moment=moment, opgave=opgave)
        .select_related("bijgewerkt_door")
        .first()
    )
    kan_bewerken = request.user.has_perm("rapportages.change_bijdrage", opgave)
    mag_vaststellen = request.user.has_perm("rapportages.vaststellen_bijdrage", opgave)
    vergrendeld = (
        bestaand is not None
        and bestaand.status == BijdrageStatus.VASTGESTELD
        and not mag_vaststellen
    )
    context = {
        "moment": moment,
        "opgave": opgave,
        "bijdrage": bestaand,
        "kan_bewerken": kan_bewerken and not vergrendeld,
        "vergrendeld": vergrendeld,
        "conflict": None,
    }
    if request.method == "GET":
        if bestaand is not None:
            initial = {
                "bereiken": bestaand.bereiken,
                "doen": bestaand.doen,
                "kosten": bestaand.kosten,
                "status": bestaand.status,
                "versie": bestaand.versie,
            }
        else:
            voorstel = bijdragen.voorstel(opgave, moment)
            initial = vars(voorstel) | {"versie": 0, "status": BijdrageStatus.CONCEPT}
        context["form"] = BijdrageForm(initial=initial, mag_vaststellen=mag_vaststellen)
        return render(request, "rapportages/bijdrage.html", context)

    if not kan_bewerken:
        raise PermissionDenied
    if vergrendeld:
        messages.error(
            request,
            _(
                "Deze bijdrage is vastgesteld en verandert niet meer. "
                "De beheerder kan haar heropenen."
            ),
        )
        return redirect(request.path)
    form = BijdrageForm(request.POST, mag_vaststellen=mag_vaststellen)
    context["form"] = form
    if not form.is_valid():
        return render(request, "rapportages/bijdrage.html", context, status=422)
    data = form.cleaned_data
    opgeslagen = Bijdrage.opslaan(
        moment=moment,
        opgave=opgave,
        versie=data["versie"],
        user=request.user,
        bereiken=data["bereiken"],
        doen=data["doen"],
        kosten=data["kosten"],
        status=data["status"],
    )
    if opgeslagen:
        messages.success(request, _("De bijdrage is opgeslagen."))
        return redirect(f"{moment.get_absolute_url()}#opgave-{opgave.pk}")
    # Somebody saved in between: show theirs, keep mine in the form on top of their version.
    huidig = Bijdrage.objects.select_related("bijgewerkt_door").get(moment=moment, opgave=opgave)
    context["bijdrage"] = huidig
    context["conflict"] = huidig
    context["form"] = BijdrageForm(
        initial=data | {"versie": huidig.versie}, mag_vaststellen=mag_vaststellen
    )
    return render(request, "rapportages/bijdrage.html", context, status=409)
