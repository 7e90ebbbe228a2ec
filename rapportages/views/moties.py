"""Moties, amendementen and toezeggingen: the list everyone reads (raadsleden too), the
beheerder's registration and csv import, and the stand the opgave's team reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import bijlagen
from core.forms import BijlageForm
from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, form_page, require_perm
from opgaven.models import Opgave

from .. import moties as moties_module
from ..forms import MotieForm, MotieImportForm, MotieStandForm
from ..models import Motie, MotieBijlage, MotieStatus

LIJST = "rapportages/moties/motie_list.html"
DETAIL = "rapportages/moties/motie_detail.html"
FILTERS = {"open": MotieStatus.IN_BEHANDELING, "afgedaan": MotieStatus.AFGEDAAN}
FILTER_LINKS = [
    ("", _lazy("Alle")),
    ("open", _lazy("In behandeling")),
    ("te_laat", _lazy("Te laat")),
    ("afgedaan", _lazy("Afgedaan")),
]


def _links(user) -> dict:
    """Which opgaven to link: all of them for the municipality's people, a partner's own,
    none for a raadslid (who reads the opgaven in the published reports)."""
    alle = user.has_perm("opgaven.view_opgave")
    eigen = set()
    if not alle and user.has_perm("opgaven.view_eigen_opgaven"):
        eigen = set(Opgave.objects.waar_werkt(user).values_list("pk", flat=True))
    return {"alle_opgaven": alle, "eigen_opgaven": eigen}


def _lijst_context(request, *, import_form=None, fouten=()) -> dict:
    stand = request.GET.get("stand", "")
    moties = Motie.objects.voor_overzicht()
    if stand in FILTERS:
        moties = moties.filter(status=FILTERS[stand])
    elif stand == "te_laat":
        moties = moties.te_laat()
    mag_registreren = request.user.has_perm("rapportages.add_motie")
    return {
        "moties": moties,
        "stand": stand,
        "filters": FILTER_LINKS,
        **_links(request.user),
        "mag_registreren": mag_registreren,
        "import_form": (import_form or MotieImportForm()) if mag_registreren else None,
        "import_fouten": fouten,
    }


@login_required
@require_GET
def motie_list(request: HtmxHttpRequest):
    return render(request, LIJST, _lijst_context(request))


@login_required
@require_http_methods(["GET", "POST"])
def motie_create(request: HtmxHttpRequest):
    require_perm(request, "rapportages.add_motie")
    form = MotieForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        motie = form.save()
        messages.success(request, _("%(motie)s is geregistreerd.") % {"motie": motie})
        return redirect(motie)
    return form_page(
        request,
        form=form,
        titel=_("Motie of toezegging registreren"),
        terug=(reverse("rapportages:motie-list"), _("Moties en toezeggingen")),
        knop=_("Registreren"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def motie_update(request: HtmxHttpRequest, pk: int):
    require_perm(request, "rapportages.add_motie")
    motie = get_object_or_404(Motie, pk=pk)
    form = MotieForm(form_data(request), instance=motie)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("De wijzigingen zijn opgeslagen."))
        return redirect(motie)
    return form_page(
        request,
        form=form,
        titel=_("%(motie)s bewerken") % {"motie": motie},
        terug=(motie.get_absolute_url(), str(motie)),
        knop=_("Opslaan"),
    )


@login_required
@require_POST
def moties_import(request: HtmxHttpRequest):
    """The griffie's csv: all or nothing, every bad line named."""
    require_perm(request, "rapportages.add_motie")
    form = MotieImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, LIJST, _lijst_context(request, import_form=form), status=422)
    inlezing = moties_module.lees_csv(form.cleaned_data["bestand"].read())
    if inlezing.fouten:
        context = _lijst_context(request, import_form=form, fouten=inlezing.fouten)
        return render(request, LIJST, context, status=422)
    nieuw, bijgewerkt = moties_module.importeer(inlezing)
    messages.success(
        request,
        _("%(nieuw)d nieuw geregistreerd, %(bijgewerkt)d bijgewerkt.")
        % {"nieuw": nieuw, "bijgewerkt": bijgewerkt},
    )
    return redirect("rapportages:motie-list")


def _detail_context(request, motie: Motie, form=None, bijlage_form=None) -> dict:
    mag_melden = request.user.has_perm("rapportages.change_motie_stand", motie)
    return {
        "motie": motie,
        "opgaven": list(motie.opgaven.order_by("rang", "titel", "pk")),
        **_links(request.user),
        "mag_registreren": request.user.has_perm("rapportages.add_motie"),
        "stand_form": (form or MotieStandForm(instance=motie)) if mag_melden else None,
        "mag_melden": mag_melden,
        "documenten": bijlagen.per_document(motie.bijlagen.all()),
        "bijlage_form": bijlage_form or BijlageForm(eigenaar=motie, model=MotieBijlage),
        "bijlage_actie": reverse("rapportages:motie-documenten", args=[motie.pk]),
    }


@login_required
@require_GET
def motie_detail(request: HtmxHttpRequest, pk: int):
    motie = get_object_or_404(Motie.objects.select_related("status_door"), pk=pk)
    return render(request, DETAIL, _detail_context(request, motie))


@login_required
@require_POST
def motie_stand(request: HtmxHttpRequest, pk: int):
    motie = get_object_or_404(Motie, pk=pk)
    require_perm(request, "rapportages.change_motie_stand", motie)
    form = MotieStandForm(request.POST, instance=Motie.objects.get(pk=pk))
    if form.is_valid():
        motie.stand_melden(
            status=form.cleaned_data["status"],
            toelichting=form.cleaned_data["toelichting"],
            user=request.user,
        )
        messages.success(request, _("De stand is bijgewerkt."))
    return section_response(
        request,
        template=DETAIL,
        section="stand",
        context=lambda: _detail_context(request, motie, None if form.is_valid() else form),
        url=motie.get_absolute_url(),
        status=200 if form.is_valid() else 422,
    )


@login_required
@require_POST
def motie_documenten(request: HtmxHttpRequest, pk: int):
    """A document for the motie (by whoever reports its stand), or a new version of one."""
    motie = get_object_or_404(Motie.objects.select_related("status_door"), pk=pk)
    require_perm(request, "rapportages.change_motie_stand", motie)
    form = BijlageForm(request.POST, request.FILES, eigenaar=motie, model=MotieBijlage)
    if not form.is_valid():
        return render(
            request, DETAIL, _detail_context(request, motie, bijlage_form=form), status=422
        )
    bijlagen.bewaard(request, form.save(door=request.user), f"motie:{motie.pk}")
    return redirect(f"{motie.get_absolute_url()}#documenten")


@login_required
@require_GET
def motie_document(request: HtmxHttpRequest, pk: int, bijlage_pk: int):
    bijlage = get_object_or_404(MotieBijlage, motie_id=pk, pk=bijlage_pk)
    return bijlagen.download(bijlage)


@login_required
@require_POST
def motie_document_verwijderen(request: HtmxHttpRequest, pk: int, bijlage_pk: int):
    motie = get_object_or_404(Motie, pk=pk)
    require_perm(request, "rapportages.change_motie_stand", motie)
    bijlage = get_object_or_404(MotieBijlage, motie=motie, pk=bijlage_pk)
    terug = f"{motie.get_absolute_url()}#documenten"
    return bijlagen.verwijderen(request, bijlage, kenmerk=f"motie:{pk}", terug=terug)
