"""The stakeholder register: organisations and persons; AVG requests; import from files."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import secties
from core.forms import zoektekst
from core.htmx import zoekkeuze_opties
from core.http import HtmxHttpRequest, download, form_data, pagina, require_perm
from core.security_log import log_event
from opgaven.models import Opgave

from .. import importeren, services
from ..forms.register import StakeholderFilter, StakeholderForm
from ..models import Afspraak, Stakeholder, Vorm

IMPORT = "participatie/register/stakeholder_import.html"


@login_required
@require_GET
def stakeholder_list(request: HtmxHttpRequest):
    """The register: organisations and persons, searchable; contact details where allowed."""
    require_perm(request, "participatie.view_stakeholder")
    filter_form = StakeholderFilter(request.GET or None)
    stakeholders = Stakeholder.objects.register(
        request.user, filter_form.cleaned_data if filter_form.is_valid() else {}
    )
    return render(
        request,
        "participatie/register/stakeholder_list.html",
        pagina(request, stakeholders)
        | {
            "filter_form": filter_form,
            "kan_toevoegen": request.user.has_perm("participatie.add_stakeholder"),
            "secties": secties.render_secties(request, "stakeholders"),
        },
    )


@login_required
@require_GET
def stakeholder_zoeken(request: HtmxHttpRequest):
    """Matches for the searchable stakeholder choice (core.forms.Zoekkeuze), by name; only
    organisations or only persons with ``vorm``."""
    require_perm(request, "participatie.view_stakeholder")
    gevonden = Stakeholder.objects.filter(
        geanonimiseerd_op__isnull=True, naam__icontains=zoektekst(request)
    ).order_by("naam", "pk")
    if (vorm := request.GET.get("vorm")) in Vorm.values:
        gevonden = gevonden.filter(vorm=vorm)
    return zoekkeuze_opties(request, gevonden, toelichting=lambda s: s.get_soort_display())


def _stakeholder_for(request, pk: int) -> Stakeholder:
    require_perm(request, "participatie.view_stakeholder")
    return get_object_or_404(
        Stakeholder.objects.filter(geanonimiseerd_op__isnull=True).select_related("organisatie"),
        pk=pk,
    )


@login_required
@require_GET
def stakeholder_detail(request: HtmxHttpRequest, pk: int):
    stakeholder = _stakeholder_for(request, pk)
    opgaven = Opgave.objects.visible_to(request.user)
    has_perm = request.user.has_perm
    return render(
        request,
        "participatie/register/stakeholder_detail.html",
        {
            "stakeholder": stakeholder,
            "contact_zichtbaar": has_perm("participatie.view_contactgegevens", stakeholder),
            "kan_bewerken": has_perm("participatie.change_stakeholder", stakeholder),
            "kan_avg": stakeholder.is_persoon and has_perm("participatie.manage_persoonsgegevens"),
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
            .van_of_aan(stakeholder)
            .select_related("opgave", "belover", "ontvanger"),
        },
    )


def _stakeholder_form(request, form: StakeholderForm):
    if request.method == "POST" and form.is_valid():
        stakeholder = form.save()
        return redirect("participatie:stakeholder-detail", pk=stakeholder.pk)
    # A possible duplicate is named only where this user may see who it is: a person whose
    # contact details are hidden from them would otherwise be told by their e-mail address.
    dubbelen = [
        (d, not d.is_persoon or request.user.has_perm("participatie.view_contactgegevens", d))
        for d in form.dubbelen
    ]
    return render(
        request,
        "participatie/register/stakeholder_form.html",
        {
            "form": form,
            "dubbelen": dubbelen,
            "stakeholder": form.instance if form.instance.pk else None,
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_create(request: HtmxHttpRequest):
    require_perm(request, "participatie.add_stakeholder")
    return _stakeholder_form(request, StakeholderForm(form_data(request)))


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_update(request: HtmxHttpRequest, pk: int):
    stakeholder = _stakeholder_for(request, pk)
    require_perm(request, "participatie.change_stakeholder", stakeholder)
    return _stakeholder_form(request, StakeholderForm(form_data(request), instance=stakeholder))


@login_required
@require_GET
def gedeelde_stakeholders(request: HtmxHttpRequest):
    """Stakeholders who take part in more than one opgave, with those opgaven."""
    require_perm(request, "opgaven.view_opgave")
    opgaven = Opgave.objects.visible_to(request.user)
    volgorde = Stakeholder.objects.gedeelde_volgorde(opgaven)
    lijst = pagina(request, volgorde)
    stakeholders = Stakeholder.objects.gedeeld_op_volgorde(opgaven, lijst["page"].object_list)
    return render(
        request,
        "participatie/register/gedeelde_stakeholders.html",
        lijst | {"stakeholders": stakeholders},
    )


def _persoon_for(request, pk: int) -> Stakeholder:
    """A person in the register, for the beheerder who handles AVG requests; else 403."""
    stakeholder = _stakeholder_for(request, pk)
    require_perm(request, "participatie.manage_persoonsgegevens")
    if not stakeholder.is_persoon:
        raise PermissionDenied
    return stakeholder


@login_required
@require_GET
def inzage(request: HtmxHttpRequest, pk: int):
    """Everything held about one person as a JSON download (inzageverzoek); logged."""
    stakeholder = _persoon_for(request, pk)
    log_event("inzage_export", request=request, obj=f"stakeholder:{stakeholder.pk}")
    inhoud = json.dumps(
        services.persoon_inzage(stakeholder=stakeholder), ensure_ascii=False, indent=2
    )
    return download(
        inhoud.encode(), f"inzage-stakeholder-{stakeholder.pk}.json", "application/json"
    )


@login_required
@require_POST
def anonimiseren(request: HtmxHttpRequest, pk: int):
    stakeholder = _persoon_for(request, pk)
    if request.POST.get("bevestig") != "ja":
        messages.error(request, _("Bevestig eerst dat de gegevens onherroepelijk worden gewist."))
        return redirect("participatie:stakeholder-detail", pk=stakeholder.pk)
    archief = services.persoon_anonimiseren(stakeholder=stakeholder, user=request.user)
    messages.success(
        request, _("De persoonsgegevens zijn geanonimiseerd; de verbanden blijven bewaard.")
    )
    if archief:
        # For the answer to the request: what stays as the council's archive (privacy.md).
        messages.info(
            request,
            _(
                "Deze gepubliceerde rapportages zijn archiefstukken en blijven ongewijzigd; "
                "noem ze in het antwoord op het verzoek: %(lijst)s."
            )
            % {"lijst": "; ".join(archief)},
        )
    return redirect("participatie:stakeholder-list")


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_import(request: HtmxHttpRequest):
    """Upload a CSV or xlsx and see every row's verdict; nothing is saved yet."""
    require_perm(request, "participatie.add_stakeholder")
    context = {"kolommen": importeren.KOLOMMEN}
    if request.method == "GET":
        return render(request, IMPORT, context)
    try:
        voorbeeld = importeren.voorbeeld(request.FILES.get("bestand"), request.user)
    except importeren.ImportFout as fout:
        return render(request, IMPORT, context | {"fout": str(fout)}, status=422)
    request.session["stakeholder_import"] = {"bestand": voorbeeld.bestand, "naam": voorbeeld.naam}
    return render(request, IMPORT, context | voorbeeld.context())


@login_required
@require_POST
def stakeholder_import_bevestigen(request: HtmxHttpRequest):
    """Import the good rows of the file just previewed, in one go."""
    require_perm(request, "participatie.add_stakeholder")
    sessie = request.session.pop("stakeholder_import", None) or {}
    klaar = None
    if sessie and request.POST.get("bevestig") == sessie.get("bestand"):
        klaar = importeren.bevestigen(
            bestand=sessie["bestand"], naam=sessie["naam"], user=request.user
        )
    if klaar is None:
        messages.error(
            request, _("Dit importbestand is verlopen of al ingelezen. Laad het opnieuw.")
        )
        return redirect("participatie:stakeholder-import")
    aantal, rijen = klaar
    log_event("import_stakeholders", request=request, obj=f"{aantal} rijen")
    messages.success(
        request,
        _("%(n)s stakeholders geïmporteerd; %(m)s rijen overgeslagen.")
        % {"n": aantal, "m": rijen - aantal},
    )
    return redirect("participatie:stakeholder-list")
