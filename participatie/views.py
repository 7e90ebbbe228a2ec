import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.security_log import log_event
from core.http import HtmxHttpRequest, pk_of_404
from opgaven.models import Opgave
from opgaven.views import opgave_for

from . import grid, importeren, services
from .forms import (
    AfspraakForm,
    BeoordelingForm,
    BetrokkenheidForm,
    ContactmomentForm,
    StakeholderFilter,
    StakeholderForm,
)
from .models import Afspraak, AfspraakStatus, Betrokkenheid, Stakeholder, Vervolgactie


def betrokkenheden_context(request, opgave: Opgave, form: BetrokkenheidForm | None = None) -> dict:
    """What the stakeholder section of an opgave shows, on the hub and as a partial."""
    kan_bewerken = request.user.has_perm("participatie.add_betrokkenheid", opgave)
    if form is None and kan_bewerken:
        form = BetrokkenheidForm(opgave=opgave)
    return {
        "opgave": opgave,
        "betrokkenheden": opgave.betrokkenheden.select_related("stakeholder"),
        "kan_bewerken": kan_bewerken,
        "form": form if kan_bewerken else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def betrokkenheid_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_for(request, opgave_pk)
    if not request.user.has_perm("participatie.add_betrokkenheid", opgave):
        raise PermissionDenied
    form = BetrokkenheidForm(request.POST or None, opgave=opgave)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.betrokkenheid_create(
            opgave=opgave,
            stakeholder=data["stakeholder"],
            nieuwe_naam=data["nieuwe_naam"],
            nieuwe_soort=data["nieuwe_soort"],
            rol=data["rol"],
            invloed=data["invloed"],
            belang=data["belang"],
            houding=data["houding"],
            ladder_nu=data["ladder_nu"],
            ladder_gewenst=data["ladder_gewenst"],
            user=request.user,
        )
        if not request.htmx:
            return redirect(f"{opgave.get_absolute_url()}#betrokkenheden")
        form = None
    status = 422 if form is not None and form.errors else 200
    if request.htmx:
        return render(
            request,
            "participatie/betrokkenheden.html#betrokkenheden",
            betrokkenheden_context(request, opgave, form),
            status=status,
        )
    return render(
        request,
        "participatie/betrokkenheid_form.html",
        {"opgave": opgave, "form": form},
        status=status,
    )


@login_required
@require_POST
def betrokkenheid_delete(request: HtmxHttpRequest, pk: int):
    betrokkenheid = get_object_or_404(
        Betrokkenheid.objects.filter(opgave__in=Opgave.objects.visible_to(request.user)), pk=pk
    )
    opgave = opgave_for(request, betrokkenheid.opgave_id)
    if not request.user.has_perm("participatie.delete_betrokkenheid", opgave):
        raise PermissionDenied
    betrokkenheid.delete()
    if request.htmx:
        return render(
            request,
            "participatie/betrokkenheden.html#betrokkenheden",
            betrokkenheden_context(request, opgave),
        )
    return redirect(f"{opgave.get_absolute_url()}#betrokkenheden")


@login_required
@require_GET
def gedeelde_stakeholders(request: HtmxHttpRequest):
    """Stakeholders who take part in more than one opgave, with those opgaven."""
    if not request.user.has_perm("opgaven.view_opgave"):
        raise PermissionDenied
    opgaven = Opgave.objects.visible_to(request.user)
    stakeholders = (
        Stakeholder.objects.annotate(
            aantal=Count(
                "betrokkenheden__opgave",
                filter=Q(betrokkenheden__opgave__in=opgaven),
                distinct=True,
            )
        )
        .filter(aantal__gte=2)
        .prefetch_related(
            Prefetch(
                "betrokkenheden",
                queryset=Betrokkenheid.objects.filter(opgave__in=opgaven).select_related("opgave"),
            )
        )
        .order_by("-aantal", "naam")
    )
    return render(
        request, "participatie/gedeelde_stakeholders.html", {"stakeholders": stakeholders}
    )


@login_required
@require_GET
def stakeholder_list(request: HtmxHttpRequest):
    """The register: organisations and persons, searchable; contact details where allowed."""
    if not request.user.has_perm("participatie.view_stakeholder"):
        raise PermissionDenied
    filter_form = StakeholderFilter(request.GET or None)
    stakeholders = (
        Stakeholder.objects.filter(geanonimiseerd_op__isnull=True)
        .select_related("organisatie")
        .met_contact_zichtbaar(request.user)
        .annotate(aantal_opgaven=Count("betrokkenheden", distinct=True))
        .order_by("naam")
    )
    if filter_form.is_valid():
        data = filter_form.cleaned_data
        if data["q"]:
            stakeholders = stakeholders.filter(naam__icontains=data["q"])
        if data["soort"]:
            stakeholders = stakeholders.filter(soort=data["soort"])
        if data["vorm"]:
            stakeholders = stakeholders.filter(vorm=data["vorm"])
    page = Paginator(stakeholders, 50).get_page(request.GET.get("pagina"))
    querystring = request.GET.copy()
    querystring.pop("pagina", None)
    return render(
        request,
        "participatie/stakeholder_list.html",
        {
            "page": page,
            "filter_form": filter_form,
            "querystring": querystring.urlencode(),
            "kan_toevoegen": request.user.has_perm("participatie.add_stakeholder"),
        },
    )


def _stakeholder_for(request, pk: int) -> Stakeholder:
    if not request.user.has_perm("participatie.view_stakeholder"):
        raise PermissionDenied
    return get_object_or_404(
        Stakeholder.objects.filter(geanonimiseerd_op__isnull=True).select_related("organisatie"),
        pk=pk,
    )


@login_required
@require_GET
def stakeholder_detail(request: HtmxHttpRequest, pk: int):
    stakeholder = _stakeholder_for(request, pk)
    opgaven = Opgave.objects.visible_to(request.user)
    return render(
        request,
        "participatie/stakeholder_detail.html",
        {
            "stakeholder": stakeholder,
            "contact_zichtbaar": request.user.has_perm(
                "participatie.view_contactgegevens", stakeholder
            ),
            "kan_bewerken": request.user.has_perm("participatie.change_stakeholder", stakeholder),
            "kan_avg": stakeholder.is_persoon
            and request.user.has_perm("participatie.manage_persoonsgegevens"),
            "betrokkenheden": stakeholder.betrokkenheden.filter(opgave__in=opgaven).select_related(
                "opgave"
            ),
            "personen": stakeholder.personen.filter(geanonimiseerd_op__isnull=True).order_by(
                "naam"
            ),
            "contactmomenten": stakeholder.contactmomenten.filter(opgave__in=opgaven)
            .select_related("opgave")
            .order_by("-datum", "-pk")[:50],
            "afspraken": Afspraak.objects.filter(opgave__in=opgaven)
            .filter(Q(belover=stakeholder) | Q(ontvanger=stakeholder))
            .select_related("opgave", "belover", "ontvanger"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_create(request: HtmxHttpRequest):
    if not request.user.has_perm("participatie.add_stakeholder"):
        raise PermissionDenied
    return _stakeholder_form(request, StakeholderForm(request.POST or None))


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_update(request: HtmxHttpRequest, pk: int):
    stakeholder = _stakeholder_for(request, pk)
    if not request.user.has_perm("participatie.change_stakeholder", stakeholder):
        raise PermissionDenied
    return _stakeholder_form(request, StakeholderForm(request.POST or None, instance=stakeholder))


def _stakeholder_form(request, form: StakeholderForm):
    if request.method == "POST" and form.is_valid():
        stakeholder = form.save()
        return redirect("participatie:stakeholder-detail", pk=stakeholder.pk)
    return render(
        request,
        "participatie/stakeholder_form.html",
        {"form": form, "stakeholder": form.instance if form.instance.pk else None},
        status=422 if form.errors else 200,
    )


@login_required
@require_GET
def positie(request: HtmxHttpRequest, opgave_pk: int):
    """An opgave's power/interest grid, its table alternative, and who to bring into position."""
    opgave = opgave_for(request, opgave_pk)
    betrokkenheden = list(opgave.betrokkenheden.select_related("stakeholder"))
    return render(
        request,
        "participatie/positie.html",
        {
            "opgave": opgave,
            "betrokkenheden": betrokkenheden,
            "punten": grid.punten(betrokkenheden),
            "grid": {"size": grid.SIZE, "margin": grid.MARGIN, "cell": grid.CELL},
            "in_positie": sorted(
                (b for b in betrokkenheden if b.ladder_gat),
                key=lambda b: (-b.ladder_gat, b.stakeholder.naam),
            ),
            "kan_bewerken": request.user.has_perm("participatie.add_betrokkenheid", opgave),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def beoordelen(request: HtmxHttpRequest, pk: int):
    """Re-assess one stakeholder in one opgave; earlier assessments stay, with their date."""
    betrokkenheid = get_object_or_404(
        Betrokkenheid.objects.filter(
            opgave__in=Opgave.objects.visible_to(request.user)
        ).select_related("stakeholder", "opgave"),
        pk=pk,
    )
    opgave = opgave_for(request, betrokkenheid.opgave_id)
    if not request.user.has_perm("participatie.add_betrokkenheid", opgave):
        raise PermissionDenied
    form = BeoordelingForm(
        request.POST or None,
        initial={
            veld: getattr(betrokkenheid, veld)
            for veld in ["invloed", "belang", "houding", "ladder_nu", "ladder_gewenst", "acties"]
        },
    )
    if request.method == "POST" and form.is_valid():
        services.betrokkenheid_herbeoordelen(
            betrokkenheid=betrokkenheid, user=request.user, **form.cleaned_data
        )
        return redirect("participatie:positie", opgave_pk=opgave.pk)
    return render(
        request,
        "participatie/beoordelen.html",
        {
            "betrokkenheid": betrokkenheid,
            "opgave": opgave,
            "form": form,
            "beoordelingen": betrokkenheid.beoordelingen.select_related("door"),
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact(request: HtmxHttpRequest, opgave_pk: int):
    """Contact moments with their follow-ups, and the commitments made, for one opgave."""
    opgave = opgave_for(request, opgave_pk)
    kan_bewerken = request.user.has_perm("participatie.add_betrokkenheid", opgave)
    contact_form = ContactmomentForm(opgave=opgave) if kan_bewerken else None
    afspraak_form = AfspraakForm(opgave=opgave) if kan_bewerken else None
    status = 200
    if request.method == "POST":
        if not kan_bewerken:
            raise PermissionDenied
        formulier = request.POST.get("formulier")
        if formulier == "contact":
            contact_form = ContactmomentForm(request.POST, opgave=opgave)
            if contact_form.is_valid():
                data = contact_form.cleaned_data
                services.contactmoment_vastleggen(opgave=opgave, user=request.user, **data)
                messages.success(request, _("Het contactmoment is vastgelegd."))
                return redirect(f"{request.path}#contactmomenten")
        elif formulier == "afspraak":
            afspraak_form = AfspraakForm(request.POST, opgave=opgave)
            if afspraak_form.is_valid():
                afspraak_form.save()
                messages.success(request, _("De afspraak is vastgelegd."))
                return redirect(f"{request.path}#afspraken")
        elif formulier == "afspraak-status":
            afspraak = get_object_or_404(
                opgave.afspraken, pk=pk_of_404(request.POST.get("afspraak"))
            )
            if request.POST.get("status") in AfspraakStatus.values:
                afspraak.status = request.POST["status"]
                afspraak.save(update_fields=["status", "updated_at"])
                return redirect(f"{request.path}#afspraken")
        elif formulier == "vervolg-afgerond":
            actie = get_object_or_404(
                Vervolgactie, contactmoment__opgave=opgave, pk=pk_of_404(request.POST.get("actie"))
            )
            actie.afgerond = True
            actie.save(update_fields=["afgerond"])
            return redirect(f"{request.path}#contactmomenten")
        else:
            raise Http404
        status = 422
    return render(
        request,
        "participatie/contact.html",
        {
            "opgave": opgave,
            "kan_bewerken": kan_bewerken,
            "contactmomenten": opgave.contactmomenten.prefetch_related(
                "stakeholders",
                "deelnemers",
                Prefetch("vervolgacties", queryset=Vervolgactie.objects.select_related("eigenaar")),
            ).select_related("vastgelegd_door"),
            "afspraken": opgave.afspraken.select_related("belover", "ontvanger", "eigenaar"),
            "contact_form": contact_form,
            "afspraak_form": afspraak_form,
            "statussen": AfspraakStatus.choices,
        },
        status=status,
    )


def te_laat_context(request) -> dict | None:
    """Commitments and follow-ups this user watches over that are past their date."""
    vandaag = timezone.localdate()
    afspraken = list(
        Afspraak.objects.te_laat(vandaag)
        .filter(eigenaar=request.user)
        .select_related("opgave")[:20]
    )
    acties = list(
        Vervolgactie.objects.filter(eigenaar=request.user, afgerond=False, deadline__lt=vandaag)
        .select_related("contactmoment__opgave")
        .order_by("deadline")[:20]
    )
    if not afspraken and not acties:
        return None
    return {"afspraken": afspraken, "acties": acties}


@login_required
@require_GET
def inzage(request: HtmxHttpRequest, pk: int):
    """Everything held about one person as a JSON download (inzageverzoek); logged."""
    stakeholder = _stakeholder_for(request, pk)
    if (
        not request.user.has_perm("participatie.manage_persoonsgegevens")
        or not stakeholder.is_persoon
    ):
        raise PermissionDenied
    log_event("inzage_export", request=request, obj=f"stakeholder:{stakeholder.pk}")
    response = JsonResponse(
        services.persoon_inzage(stakeholder=stakeholder),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = (
        f'attachment; filename="inzage-stakeholder-{stakeholder.pk}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def anonimiseren(request: HtmxHttpRequest, pk: int):
    stakeholder = _stakeholder_for(request, pk)
    if (
        not request.user.has_perm("participatie.manage_persoonsgegevens")
        or not stakeholder.is_persoon
    ):
        raise PermissionDenied
    if request.POST.get("bevestig") != "ja":
        messages.error(request, _("Bevestig eerst dat de gegevens onherroepelijk worden gewist."))
        return redirect("participatie:stakeholder-detail", pk=stakeholder.pk)
    services.persoon_anonimiseren(stakeholder=stakeholder, user=request.user)
    messages.success(
        request, _("De persoonsgegevens zijn geanonimiseerd; de verbanden blijven bewaard.")
    )
    return redirect("participatie:stakeholder-list")


MAX_IMPORT_BYTES = 5 * 1024 * 1024


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_import(request: HtmxHttpRequest):
    """Upload a CSV or xlsx, see every row's verdict, then import the good rows in one go."""
    if not request.user.has_perm("participatie.add_stakeholder"):
        raise PermissionDenied
    map_ = Path(settings.MEDIA_ROOT) / "imports"
    context: dict = {}
    status = 200
    if request.method == "POST" and request.POST.get("bevestig"):
        sessie = request.session.get("stakeholder_import") or {}
        pad = map_ / sessie.get("bestand", "-")
        if not sessie or request.POST.get("bevestig") != sessie.get("bestand") or not pad.is_file():
            messages.error(
                request, _("Dit importbestand is verlopen of al ingelezen. Laad het opnieuw.")
            )
            return redirect("participatie:stakeholder-import")
        rijen = importeren.lees(sessie["naam"], pad.read_bytes())
        importeren.controleer(rijen)  # again: the register may have changed since the preview
        aantal = importeren.importeer(rijen)
        pad.unlink(missing_ok=True)
        del request.session["stakeholder_import"]
        log_event("import_stakeholders", request=request, obj=f"{aantal} rijen")
        messages.success(
            request,
            _("%(n)s stakeholders geïmporteerd; %(m)s rijen overgeslagen.")
            % {"n": aantal, "m": len(rijen) - aantal},
        )
        return redirect("participatie:stakeholder-list")
    if request.method == "POST":
        upload = request.FILES.get("bestand")
        try:
            if upload is None:
                raise importeren.ImportFout(_("Kies een bestand om in te lezen."))
            if upload.size > MAX_IMPORT_BYTES:
                raise importeren.ImportFout(_("Het bestand is groter dan 5 MB; splits het op."))
            inhoud = upload.read()
            rijen = importeren.lees(upload.name, inhoud)
        except importeren.ImportFout as fout:
            context["fout"] = str(fout)
            status = 422
        else:
            importeren.controleer(rijen)
            map_.mkdir(parents=True, exist_ok=True)
            bestand = f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()}"
            (map_ / bestand).write_bytes(inhoud)
            request.session["stakeholder_import"] = {"bestand": bestand, "naam": upload.name}
            fout = [r for r in rijen if r.fouten]
            context.update(
                {
                    "bestand": bestand,
                    "naam": upload.name,
                    "aantal": len(rijen),
                    "goed": len(rijen) - len(fout),
                    "fout_rijen": fout[:1000],
                    "voorbeeld": [r for r in rijen if not r.fouten][:10],
                }
            )
    context["kolommen"] = importeren.KOLOMMEN
    return render(request, "participatie/stakeholder_import.html", context, status=status)
