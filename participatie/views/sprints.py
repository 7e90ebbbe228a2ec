"""Opgavesprints: a numbered, short push on an opgave; sprint 1 names the intent and the
approach so far."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest, form_data, form_page, require_perm
from opgaven.access import opgave_for, opgave_to_change

from .. import services
from ..forms.sprints import SprintForm
from ..models import Opgavesprint

PAGE = "participatie/sprints/sprint_detail.html"


@login_required
@require_http_methods(["GET", "POST"])
def sprint_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, "participatie.change_participatie")
    nummer = opgave.sprints.volgend_nummer()
    form = SprintForm(form_data(request), nummer=nummer)
    if request.method == "POST" and form.is_valid():
        sprint = services.sprint_starten(opgave=opgave, **form.cleaned_data)
        messages.success(request, _("Sprint %(n)s is aangemaakt.") % {"n": sprint.nummer})
        return redirect(sprint)
    return form_page(
        request,
        form=form,
        titel=_("Sprint %(n)s voor %(opgave)s") % {"n": nummer, "opgave": opgave.titel},
        terug=(reverse("participatie:opgave-participatie", args=[opgave.pk]), opgave.titel),
        knop=_("Sprint aanmaken"),
        intro=_(
            "Een opgavesprint is een korte, afgebakende periode waarin u op de plek waar de "
            "opgave tastbaar wordt samen met bewoners en partners een stap zet."
        ),
    )


def _sprint_for(request, pk: int) -> Opgavesprint:
    sprint = get_object_or_404(Opgavesprint.objects.visible_to(request.user), pk=pk)
    sprint.opgave = opgave_for(request, sprint.opgave_id)
    return sprint


def _context(request, sprint: Opgavesprint, form=None) -> dict:
    kan_bewerken = request.user.has_perm("participatie.change_participatie", sprint.opgave)
    if kan_bewerken and form is None:
        form = SprintForm(instance=sprint, nummer=sprint.nummer)
    return {
        "sprint": sprint,
        "opgave": sprint.opgave,
        "form": form if kan_bewerken else None,
        "bijeenkomsten": sprint.bijeenkomsten.select_related("thematafel"),
    }


@login_required
@require_GET
def sprint_detail(request: HtmxHttpRequest, pk: int):
    return render(request, PAGE, _context(request, _sprint_for(request, pk)))


@login_required
@require_POST
def sprint_update(request: HtmxHttpRequest, pk: int):
    sprint = _sprint_for(request, pk)
    require_perm(request, "participatie.change_participatie", sprint.opgave)
    form = SprintForm(request.POST, instance=sprint, nummer=sprint.nummer)
    if form.is_valid():
        form.save()
        messages.success(request, _("De sprint is opgeslagen."))
    return section_response(
        request,
        template=PAGE,
        section="sprint",
        context=lambda: _context(request, sprint, None if form.is_valid() else form),
        url=sprint.get_absolute_url(),
        status=200 if form.is_valid() else 422,
    )
