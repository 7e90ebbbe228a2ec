"""The belevingsperspectief: personas and their journey through the opgave, with what
gets in their way, linked to the canvas's doelgroepen."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, form_page, require_perm
from opgaven.access import opgave_for, opgave_to_change

from ..forms.beleving import PersonaForm, ReisstapForm
from ..models import Persona

PAGE = "participatie/beleving/persona_detail.html"


@login_required
@require_http_methods(["GET", "POST"])
def persona_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, "participatie.change_participatie")
    form = PersonaForm(form_data(request), opgave=opgave)
    if request.method == "POST" and form.is_valid():
        persona = form.save()
        messages.success(request, _("De persona is aangemaakt. Beschrijf nu de reis."))
        return redirect(persona)
    return form_page(
        request,
        form=form,
        titel=_("Nieuwe persona voor %(opgave)s") % {"opgave": opgave.titel},
        terug=(reverse("participatie:opgave-participatie", args=[opgave.pk]), opgave.titel),
        knop=_("Persona aanmaken"),
        intro=_("Beleef de opgave door de ogen van een bewoner: wie is het, wat maakt die mee?"),
    )


def _persona_for(request, pk: int) -> Persona:
    persona = get_object_or_404(Persona.objects.visible_to(request.user), pk=pk)
    persona.opgave = opgave_for(request, persona.opgave_id)
    return persona


def _context(request, persona: Persona, *, persona_form=None, stap_form=None) -> dict:
    kan_bewerken = request.user.has_perm("participatie.change_participatie", persona.opgave)
    if kan_bewerken:
        persona_form = persona_form or PersonaForm(instance=persona, opgave=persona.opgave)
        stap_form = stap_form or ReisstapForm()
    return {
        "persona": persona,
        "opgave": persona.opgave,
        "kan_bewerken": kan_bewerken,
        "stappen": persona.stappen.all(),
        "doelgroepen": persona.doelgroepen.all(),
        "persona_form": persona_form,
        "stap_form": stap_form,
    }


def _to_change(request, pk: int) -> Persona:
    persona = _persona_for(request, pk)
    require_perm(request, "participatie.change_participatie", persona.opgave)
    return persona


def _section(request, persona: Persona, section: str, *, status=200, also=(), **forms):
    return section_response(
        request,
        template=PAGE,
        section=section,
        context=lambda: _context(request, persona, **forms),
        url=persona.get_absolute_url(),
        status=status,
        also=also,
    )


@login_required
@require_GET
def persona_detail(request: HtmxHttpRequest, pk: int):
    return render(request, PAGE, _context(request, _persona_for(request, pk)))


@login_required
@require_POST
def persona_update(request: HtmxHttpRequest, pk: int):
    persona = _to_change(request, pk)
    form = PersonaForm(request.POST, instance=persona, opgave=persona.opgave)
    if not form.is_valid():
        return _section(request, persona, "bewerken", status=422, persona_form=form)
    form.save()
    messages.success(request, _("De persona is opgeslagen."))
    return _section(request, persona, "bewerken", also=["wie"])


@login_required
@require_POST
def reisstap_create(request: HtmxHttpRequest, pk: int):
    persona = _to_change(request, pk)
    form = ReisstapForm(request.POST)
    if not form.is_valid():
        return _section(request, persona, "reis", status=422, stap_form=form)
    persona.stap_toevoegen(**form.cleaned_data)
    return _section(request, persona, "reis")


@login_required
@require_POST
def reisstap_delete(request: HtmxHttpRequest, pk: int, stap_pk: int):
    persona = _to_change(request, pk)
    get_object_or_404(persona.stappen, pk=stap_pk).delete()
    return _section(request, persona, "reis")
