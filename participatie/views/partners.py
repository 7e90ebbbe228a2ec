"""Partners and their organisation: the beheerder links a partner's account to an
organisation in the register (a section on the person's page in Beheer > Gebruikers, which
``accounts`` shows without knowing participatie), and on the hub of their opgaven the
partner sees the afspraken with that organisation, and no others."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import Rol, User
from core.htmx import section_response
from core.http import HtmxHttpRequest, require_perm
from core.security_log import log_event
from opgaven.models import Opgave

from ..forms.partners import PartnerkoppelingForm
from ..models import Afspraak, Partnerkoppeling

SECTIE = "participatie/partners/gebruiker_organisatie.html"
PERM = "accounts.manage_gebruikers"


def organisatie_context(request, persoon: User, form=None) -> dict | None:
    """The section on a partner's page: which organisation they work for."""
    if persoon.rol != Rol.PARTNER or not request.user.has_perm(PERM):
        return None
    koppeling = Partnerkoppeling.van(persoon)
    begin = {"organisatie": koppeling.organisatie_id if koppeling else None}
    return {
        "persoon": persoon,
        "koppeling": koppeling,
        "form": form or PartnerkoppelingForm(initial=begin),
    }


def eigen_afspraken_context(request, opgave: Opgave) -> dict | None:
    """On the hub, for a partner on the team: the afspraken with their own organisation."""
    if not request.user.has_perm("participatie.view_eigen_afspraken", opgave):
        return None
    koppeling = Partnerkoppeling.van(request.user)
    afspraken = Afspraak.objects.none()
    if koppeling is not None:
        afspraken = (
            Afspraak.objects.filter(opgave=opgave)
            .van_of_aan(koppeling.organisatie)
            .select_related("belover", "ontvanger")
            .order_by("deadline", "pk")
        )
    return {"opgave": opgave, "koppeling": koppeling, "afspraken": afspraken}


@login_required
@require_POST
def organisatie_koppelen(request: HtmxHttpRequest, pk: int):
    require_perm(request, PERM)
    persoon = get_object_or_404(User, pk=pk, rol=Rol.PARTNER)
    form = PartnerkoppelingForm(request.POST)
    if form.is_valid():
        _koppelen(persoon, form.cleaned_data["organisatie"])
        log_event("partnerorganisatie", request=request, obj=f"user:{persoon.pk}")
    return section_response(
        request,
        template=SECTIE,
        section="organisatie",
        context=lambda: organisatie_context(request, persoon, None if form.is_valid() else form),
        url=reverse("accounts:gebruiker-detail", args=[persoon.pk]),
        status=200 if form.is_valid() else 422,
    )


@transaction.atomic
def _koppelen(persoon: User, organisatie) -> None:
    if organisatie is None:
        Partnerkoppeling.objects.filter(user=persoon).delete()
    else:
        Partnerkoppeling.objects.update_or_create(
            user=persoon, defaults={"organisatie": organisatie}
        )
