"""Contact with stakeholders about an opgave: contactmomenten with their follow-ups, and
the afspraken made in either direction; overdue ones on the start page of who watches them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.htmx import section_response
from core.http import HtmxHttpRequest, require_perm
from core.invoer import alleen_cijfers
from opgaven.access import opgave_for, opgave_to_change
from opgaven.events import OPGAVE_GEWIJZIGD
from opgaven.models import Opgave
from opgaven.werkruimte import werkruimte

from .. import services
from ..forms.contact import AfspraakForm, ContactmomentForm
from ..models import AfspraakStatus, Vervolgactie

PAGE = "participatie/contact/contact.html"
CHANGE = "participatie.add_betrokkenheid"


def _context(request, opgave: Opgave, *, contact_form=None, afspraak_form=None) -> dict:
    kan_bewerken = request.user.has_perm("participatie.add_betrokkenheid", opgave)
    if kan_bewerken:
        # "Contact plannen" from a ladder gap (the stakeholders page) names the stakeholder.
        gekozen = request.GET.get("stakeholder", "")
        begin = {"stakeholders": [int(gekozen)]} if alleen_cijfers(gekozen) else {}
        contact_form = contact_form or ContactmomentForm(opgave=opgave, initial=begin)
        afspraak_form = afspraak_form or AfspraakForm(opgave=opgave)
    return {
        **werkruimte(request, opgave, "stakeholders"),
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
    }


def _section(request, opgave: Opgave, section: str, *, status=200, **forms):
    return section_response(
        request,
        template=PAGE,
        section=section,
        context=lambda: _context(request, opgave, **forms),
        url=reverse("participatie:contact", args=[opgave.pk]),
        status=status,
        event=OPGAVE_GEWIJZIGD,
    )


@login_required
@require_GET
def contact(request: HtmxHttpRequest, opgave_pk: int):
    """Contact moments with their follow-ups, and the commitments made, for one opgave."""
    opgave = opgave_for(request, opgave_pk)
    require_perm(request, "participatie.view_betrokkenheid")
    return render(request, PAGE, _context(request, opgave))


@login_required
@require_POST
def contactmoment_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    form = ContactmomentForm(request.POST, opgave=opgave)
    if not form.is_valid():
        return _section(request, opgave, "contactmomenten", status=422, contact_form=form)
    services.contactmoment_vastleggen(opgave=opgave, user=request.user, **form.cleaned_data)
    messages.success(request, _("Het contactmoment is vastgelegd."))
    return _section(request, opgave, "contactmomenten")


@login_required
@require_POST
def vervolgactie_afronden(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    actie = get_object_or_404(Vervolgactie, contactmoment__opgave=opgave, pk=pk)
    actie.afgerond = True
    actie.save(update_fields=["afgerond"])
    return _section(request, opgave, "contactmomenten")


@login_required
@require_POST
def afspraak_create(request: HtmxHttpRequest, opgave_pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    form = AfspraakForm(request.POST, opgave=opgave)
    if not form.is_valid():
        return _section(request, opgave, "afspraken", status=422, afspraak_form=form)
    form.save()
    messages.success(request, _("De afspraak is vastgelegd."))
    return _section(request, opgave, "afspraken")


@login_required
@require_POST
def afspraak_status(request: HtmxHttpRequest, opgave_pk: int, pk: int):
    opgave = opgave_to_change(request, opgave_pk, CHANGE)
    afspraak = get_object_or_404(opgave.afspraken, pk=pk)
    status = request.POST.get("status")
    if status in AfspraakStatus.values:
        afspraak.status = status
        afspraak.save(update_fields=["status", "updated_at"])
    return _section(
        request, opgave, "afspraken", status=200 if status in AfspraakStatus.values else 422
    )
