"""Meedoen: the public site for residents (no account), and the team's page that writes and
publishes an opgave there.

The public pages show only what the team wrote for residents (participatie.models.meedoen),
the opgave's phase in plain words, and the thematafels' coming sessions (theme, time, place):
never the register, positions, staff names, canvas texts or anything of an opgave that is not
published (tests/participatie/test_meedoen.py walks every public URL)."""

import icalendar
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import HtmxHttpRequest
from opgaven.access import opgave_to_change
from opgaven.werkruimte import werkruimte

from ..forms.meedoen import PublicatieForm
from ..models import Bijeenkomst, Publicatie


@require_GET
def index(request):
    publicaties = Publicatie.objects.openbaar().select_related("opgave").order_by("titel")
    return render(request, "participatie/meedoen/index.html", {"publicaties": publicaties})


def _openbaar(slug: str) -> Publicatie:
    return get_object_or_404(Publicatie.objects.openbaar().select_related("opgave"), slug=slug)


def _komend(publicatie: Publicatie):
    return (
        Bijeenkomst.objects.filter(thematafel__opgaven=publicatie.opgave)
        .komend()
        .select_related("thematafel")
        .distinct()[:20]
    )


@require_GET
def opgave(request, slug: str):
    publicatie = _openbaar(slug)
    context = {"publicatie": publicatie, "bijeenkomsten": _komend(publicatie)}
    return render(request, "participatie/meedoen/opgave.html", context)


@require_GET
def bijeenkomst_ics(request, slug: str, pk: int):
    """One coming session for a resident's calendar: theme, time, place and the public page;
    not the staff agenda or the internal address."""
    publicatie = _openbaar(slug)
    b = get_object_or_404(
        Bijeenkomst.objects.komend().filter(thematafel__opgaven=publicatie.opgave).distinct(),
        pk=pk,
    )
    agenda = icalendar.Calendar()
    agenda.add("prodid", "-//Opgavenregie//Meedoen//NL")
    agenda.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", f"meedoen-bijeenkomst-{b.pk}@opgavenregie")
    event.add("dtstamp", b.updated_at)
    event.add("dtstart", b.begint_op)
    event.add("dtend", b.eindigt_op)
    event.add("summary", f"{publicatie.titel}: {b.thematafel.thema}")
    event.add("location", b.locatie)
    event.add("url", settings.OPGAVENREGIE_URL.rstrip("/") + publicatie.get_absolute_url())
    agenda.add_component(event)
    antwoord = HttpResponse(agenda.to_ical(), content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="bijeenkomst-{b.pk}.ics"'
    return antwoord


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
