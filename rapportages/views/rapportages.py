"""Programme reports: asked for (a job for a worker), followed while they render,
vastgesteld and published for the council, downloaded."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pghistory.models import Events

from core.geschiedenis import beschrijf
from core.htmx import section_response
from core.http import HtmxHttpRequest, pk_of_404, require_perm
from core.security_log import log_event
from opgaven.access import opgave_for
from opgaven.models import Opgave
from opgaven.werkruimte import werkruimte

from .. import leeskamer, services, vaststelling, verloop
from ..forms import ZoekForm
from ..models import Export, PcMoment, Rapportage, Status


@login_required
@require_GET
def opgave_rapportages(request: HtmxHttpRequest, opgave_pk: int):
    """The reports part of the opgave's workspace: its reports, its contributions to the
    P&C cycle, and the moties and toezeggingen of the council that concern it."""
    opgave = opgave_for(request, opgave_pk)
    context = {
        **werkruimte(request, opgave, "rapportages"),
        "kan_maken": request.user.has_perm("rapportages.add_rapportage", opgave),
        "rapportages": Rapportage.objects.visible_to(request.user).filter(opgave=opgave)[:20],
        "moties": opgave.moties.order_by("status", "deadline", "pk"),
        "momenten": PcMoment.objects.komend()[:3]
        if request.user.has_perm("opgaven.view_opgave")
        else [],
    }
    return render(request, "rapportages/rapportages/opgave_rapportages.html", context)


def volgende_deadline_context(request, opgave: Opgave, **_) -> dict | None:
    """In the workspace header: the next P&C deadline, for whoever reads the calendar."""
    if not request.user.has_perm("opgaven.view_opgave"):
        return None
    return {"opgave": opgave, "moment": PcMoment.objects.komend().first()}


@login_required
@require_GET
def rapportage_list(request: HtmxHttpRequest):
    zoek = ZoekForm(request.GET or None)
    tekst = zoek.cleaned_data["q"] if zoek.is_valid() else ""
    rapportages = list(
        Rapportage.objects.visible_to(request.user)
        .zoek(tekst)
        .select_related("opgave", "moment", "vastgesteld_door")[:100]
    )
    # Where each found report says it: the page and a passage, the hits marked.
    treffers = leeskamer.treffers([r.pk for r in rapportages], tekst) if tekst else {}
    for rapportage in rapportages:
        rapportage.treffers = treffers.get(rapportage.pk, [])
    return render(
        request,
        "rapportages/rapportages/rapportage_list.html",
        {
            "rapportages": rapportages,
            "zoek": zoek,
            "gezocht": tekst,
            "kan_alles_maken": request.user.has_perm("rapportages.add_rapportage", None),
            # The register and the accounts export themselves (a section on their own page).
            "export_soorten": [
                s
                for s in Export.Soort
                if s not in (Export.Soort.STAKEHOLDERS, Export.Soort.GEBRUIKERS)
            ],
        },
    )


@login_required
@require_POST
def rapportage_create(request: HtmxHttpRequest):
    """A report of one opgave ("opgave": its id) or of all ("alle"), now or for a P&C moment."""
    keuze = request.POST.get("opgave", "alle")
    opgave = None if keuze == "alle" else opgave_for(request, pk_of_404(keuze))
    require_perm(request, "rapportages.add_rapportage", opgave)
    moment = None
    if request.POST.get("moment"):
        moment = get_object_or_404(PcMoment, pk=pk_of_404(request.POST["moment"]))
    rapportage = services.rapportage_aanvragen(opgave=opgave, user=request.user, moment=moment)
    return redirect(rapportage)


def _rapportage_for(request, pk: int) -> Rapportage:
    rapportage = get_object_or_404(
        Rapportage.objects.visible_to(request.user).select_related(
            "opgave", "moment", "vastgesteld_door"
        ),
        pk=pk,
    )
    require_perm(request, "rapportages.view_rapportage", rapportage)
    return rapportage


@login_required
@require_GET
def rapportage_detail(request: HtmxHttpRequest, pk: int):
    """The report and its progress (htmx polls the status part until it is done)."""
    rapportage = _rapportage_for(request, pk)
    template = "rapportages/rapportages/rapportage_detail.html"
    kan_vaststellen = (
        rapportage.status == Status.KLAAR
        and not rapportage.vastgesteld_op
        and request.user.has_perm("rapportages.vaststellen_rapportage", rapportage)
    )
    context = {"rapportage": rapportage, "kan_vaststellen": kan_vaststellen}
    if request.htmx and not rapportage.is_afgelopen:
        return render(request, f"{template}#rapportage-status", context)
    events = Events.objects.tracks(rapportage).order_by("-pgh_created_at", "-pgh_id")
    context["geschiedenis"] = beschrijf(events, lezer=request.user)
    if request.htmx:  # the last poll: the status, and the history with what the job did
        return section_response(
            request,
            template=template,
            section="rapportage-status",
            context=lambda: context,
            url=rapportage.get_absolute_url(),
            also=["rapportage-geschiedenis"],
        )
    return render(request, template, context)


def _leesbaar(request, pk: int) -> Rapportage:
    """A report whose reading room exists: made, for this reader (a raadslid: published)."""
    rapportage = _rapportage_for(request, pk)
    if rapportage.status != Status.KLAAR or not rapportage.html:
        raise Http404
    return rapportage


def _zoekterm(request) -> str:
    zoek = ZoekForm(request.GET or None)
    return zoek.cleaned_data["q"].strip() if zoek.is_valid() else ""


@login_required
@require_GET
def rapportage_lezen(request: HtmxHttpRequest, pk: int):
    """The report in the browser: its overview and moties, the contents with a page per
    opgave, the verloop of every opgave, and search in this report. The same content and
    figures as the PDF (rendered together from the same data)."""
    rapportage = _leesbaar(request, pk)
    delen = list(rapportage.delen.all())
    overzicht = next((d for d in delen if d.anker == leeskamer.OVERZICHT), None)
    tekst = _zoekterm(request)
    treffers = leeskamer.treffers([rapportage.pk], tekst) if tekst else {}
    context = {
        "rapportage": rapportage,
        "overzicht": leeskamer.gemarkeerd(overzicht, tekst) if overzicht else "",
        "opgaven": [d for d in delen if d.anker != leeskamer.OVERZICHT],
        "verloop": verloop.verloop(rapportage),
        "zoek": ZoekForm(request.GET or None, label=_("Zoek in deze rapportage")),
        "gezocht": tekst,
        "treffers": treffers.get(rapportage.pk, []),
    }
    return render(request, "rapportages/rapportages/rapportage_lezen.html", context)


@login_required
@require_GET
def rapportage_lezen_deel(request: HtmxHttpRequest, pk: int, anker: str):
    """One opgave's page of the report, with its verloop; ?q= marks what was searched."""
    rapportage = _leesbaar(request, pk)
    delen = list(rapportage.delen.defer("html", "tekst"))
    index = next((i for i, d in enumerate(delen) if d.anker == anker), None)
    if index is None or anker == leeskamer.OVERZICHT:
        raise Http404
    deel = rapportage.delen.get(pk=delen[index].pk)
    tekst = _zoekterm(request)
    context = {
        "rapportage": rapportage,
        "deel": deel,
        "html": leeskamer.gemarkeerd(deel, tekst),
        "gezocht": tekst,
        "vorige": delen[index - 1] if index > 1 else None,
        "volgende": delen[index + 1] if index + 1 < len(delen) else None,
        "verloop": [v for v in verloop.verloop(rapportage) if v.anker == anker],
    }
    return render(request, "rapportages/rapportages/rapportage_deel.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def rapportage_vaststellen(request: HtmxHttpRequest, pk: int):
    """Vaststellen as a decision: the bestuurder first reads what they are about to fix
    (contributions present and missing, opgaven without figures, what changed since the last
    published report), then confirms; the definitive version is made and published."""
    rapportage = _rapportage_for(request, pk)
    require_perm(request, "rapportages.vaststellen_rapportage", rapportage)
    if rapportage.status != Status.KLAAR or rapportage.vastgesteld_op:
        messages.error(request, _("Alleen een concept dat klaar is kan worden vastgesteld."))
        return redirect(rapportage)
    if request.method == "GET":
        context = {"rapportage": rapportage, "samenvatting": vaststelling.samenvatting(rapportage)}
        return render(request, "rapportages/rapportages/rapportage_vaststellen.html", context)
    try:
        services.rapportage_vaststellen(rapportage=rapportage, user=request.user)
    except services.IntegriteitsFout:
        fout = _("Het bestand komt niet overeen met het controlegetal; niet vastgesteld.")
        messages.error(request, fout)
    # What happens next is said once, by the report's status on its page.
    return redirect(rapportage)


@login_required
@require_GET
def rapportage_download(request: HtmxHttpRequest, pk: int):
    """The PDF; a published one only while it still matches its checksum."""
    rapportage = _rapportage_for(request, pk)
    if rapportage.status != Status.KLAAR:
        raise Http404
    obj = f"rapportage:{rapportage.pk}"
    if rapportage.gepubliceerd_op and not services.bestand_klopt(rapportage):
        log_event("download", request=request, obj=obj, outcome="integrity")
        context = {"rapportage": rapportage}
        template = "rapportages/rapportages/rapportage_integriteit.html"
        return render(request, template, context, status=409)
    return services.pdf_download(request, rapportage, kenmerk=obj)
