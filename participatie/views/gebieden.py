"""What participatie adds to a gebied's page (opgaven.views.gebieden): the stakeholders
involved in its opgaven, the sessions ahead and the signals that wait."""

from django.db.models import Count

from ..models import Bijeenkomst, Signaal, SignaalStatus, Stakeholder, Thematafel

TOON = 15


def gebied_context(request, gebied, opgaven) -> dict:
    stakeholders = None
    if request.user.has_perm("participatie.view_betrokkenheid"):
        stakeholders = (
            Stakeholder.objects.filter(betrokkenheden__opgave__in=opgaven.values("pk"))
            .annotate(n_opgaven=Count("betrokkenheden__opgave", distinct=True))
            .order_by("-n_opgaven", "naam", "pk")[:TOON]
        )
    return {
        "gebied": gebied,
        "stakeholders": stakeholders,
        "bijeenkomsten": Bijeenkomst.objects.visible_to(request.user)
        .filter(thematafel__in=Thematafel.objects.filter(opgaven__in=opgaven.values("pk")))
        .select_related("thematafel")
        .komend()[:TOON],
        "signalen": Signaal.objects.filter(
            opgave__in=opgaven.values("pk"), status=SignaalStatus.NIEUW
        ).select_related("opgave")[:TOON],
    }
