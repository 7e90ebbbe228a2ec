"""Meedoen: the public site for residents (no account), and the team's page that writes and
publishes an opgave there.

The public pages show only what the team wrote for residents (participatie.models.meedoen),
the opgave's phase in plain words, and the thematafels' coming sessions (theme, time, place):
never the register, positions, staff names, canvas texts or anything of an opgave that is not
published (tests/participatie/test_meedoen.py walks every public URL)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import HtmxHttpRequest
from opgaven.access import opgave_to_change
from opgaven.werkruimte import werkruimte

from .. import agenda
from ..aanmelden import aanmelden as aanmelden_bij
from ..aanmelden import afmelden, bevestigen, uit_link
from ..forms.meedoen import AanmeldForm, PublicatieForm
from ..models import Bijeenkomst, Publicatie


@require_GET
def index(request):
    publicaties = Publicatie.objects.openbaar().select_related("opgave").order_by("titel")
    return render(request, "participatie/meedoen/index.html", {"publicaties": publicaties})


def _openbaar(slug: str) -> Publicatie:
    return get_object_or_404(Publicatie.objects.openbaar().select_related("opgave"), slug=slug)


def _komend(publicatie: Publicatie):
    """The coming sessions of the published opgave's thematafels: all a resident may reach."""
    return (
        Bijeenkomst.objects.komend()
        .filter(thematafel__opgaven=publicatie.opgave)
        .select_related("thematafel")
        .distinct()
    )


@require_GET
def opgave(request, slug: str):
    publicatie = _openbaar(slug)
    context = {"publicatie": publicatie, "bijeenkomsten": _komend(publicatie)[:20]}
    return render(request, "participatie/meedoen/opgave.html", context)


@require_GET
def bijeenkomst_ics(request, slug: str, pk: int):
    """One coming session for a resident's calendar: theme, time, place and the public page;
    not the staff agenda or the internal address."""
    publicatie = _openbaar(slug)
    b = get_object_or_404(_komend(publicatie), pk=pk)
    ics = agenda.ics([b], publicatie)
    antwoord = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="bijeenkomst-{b.pk}.ics"'
    return antwoord


def _open_voor_aanmelden(slug: str, pk: int) -> tuple[Publicatie, Bijeenkomst]:
    publicatie = _openbaar(slug)
    return publicatie, get_object_or_404(_komend(publicatie).filter(aanmelden_open=True), pk=pk)


@require_http_methods(["GET", "POST"])
def aanmelden(request, slug: str, pk: int):
    """A resident signs up; the mailed link confirms it (participatie.aanmelden)."""
    publicatie, bijeenkomst = _open_voor_aanmelden(slug, pk)
    form = AanmeldForm(request.POST or None)
    context = {
        "publicatie": publicatie,
        "bijeenkomst": bijeenkomst,
        "form": form,
        "bewaren_dagen": settings.MEEDOEN_AANMELDINGEN_BEWAREN_DAGEN,
    }
    if request.method == "POST" and form.is_valid():
        if form.robot:  # told the same as a person, and nothing stored
            return redirect("participatie:meedoen-verstuurd", slug)
        gegevens = {k: form.cleaned_data[k] for k in ("naam", "email", "opmerking")}
        _aanmelding, verstuurd = aanmelden_bij(bijeenkomst, publicatie, **gegevens)
        if verstuurd:
            return redirect("participatie:meedoen-verstuurd", slug)
        context["mail_mislukt"] = True
        return render(request, "participatie/meedoen/aanmelden.html", context, status=503)
    status = 422 if request.method == "POST" else 200
    return render(request, "participatie/meedoen/aanmelden.html", context, status=status)


@require_GET
def verstuurd(request, slug: str):
    return render(request, "participatie/meedoen/verstuurd.html", {"publicatie": _openbaar(slug)})


@require_http_methods(["GET", "POST"])
def aanmelding(request, bewijs: str):
    """The page behind the link in every mail: confirm (a button, not the link itself: mail
    scanners open links) or cancel."""
    gevonden, vers = uit_link(bewijs)
    if gevonden is None:
        raise Http404
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "bevestigen" and not vers:
            messages.error(request, _("Deze link is verlopen. Meld u opnieuw aan."))
        elif actie == "bevestigen":
            bevestigen(gevonden)
        elif actie == "afmelden":
            afmelden(gevonden)
            messages.success(request, _("U bent afgemeld."))
        return redirect(request.path)
    context = {"aanmelding": gevonden, "vers": vers, "publicatie": gevonden.publicatie}
    return render(request, "participatie/meedoen/aanmelding.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def publicatie_bewerken(request: HtmxHttpRequest, opgave_pk: int):
    """The team writes the opgave's page for residents and puts it on the site, or off."""
    opgave = opgave_to_change(request, opgave_pk, "participatie.change_participatie")
    publicatie = Publicatie.objects.filter(opgave=opgave).first() or Publicatie(
        opgave=opgave, titel=opgave.titel[:120], slug=slugify(opgave.titel)[:80]
    )
    form = PublicatieForm(request.POST or None, instance=publicatie)
    if request.method == "POST" and form.is_valid():
        publicatie = form.save()
        if publicatie.gepubliceerd:
            messages.success(request, _("De pagina staat op de website voor inwoners."))
        else:
            messages.success(request, _("Opgeslagen. De pagina staat niet op de website."))
        return redirect("participatie:publicatie", opgave.pk)
    status = 422 if request.method == "POST" else 200
    context = {
        **werkruimte(request, opgave, "participatie"),
        "form": form,
        "publicatie": publicatie,
    }
    return render(request, "participatie/meedoen/publicatie.html", context, status=status)
