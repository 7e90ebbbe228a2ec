"""What participatie adds to a gebied's page (opgaven.views.gebieden): the stakeholders
involved in its opgaven, the sessions ahead and the signals that wait."""

from ..models import Bijeenkomst, Signaal, SignaalStatus, Stakeholder, Thematafel

TOON = 15


def gebied_context(request, gebied, opgaven) -> dict:
    stakeholders = None
    if request.user.has_perm("participatie.view_betrokkenheid"):
        stakeholders = Stakeholder.objects.meest_betrokken(opgaven, TOON)
    return {
        "gebied": gebied,
        "stakeholders": stakeholders,
        "bijeenkomsten": Bijeenkomst.objects.visible_to(request.user)
        .filter(thematafel__in=Thematafel.objects.filter(opgaven__in=opgaven.values("pk")))
        .select_related("thematafel")
        .only("begint_op", "locatie", "thematafel__thema")
        .komend()[:TOON],
        "signalen": Signaal.objects.filter(
            opgave__in=opgaven.values("pk"), status=SignaalStatus.NIEUW
        )
        .select_related("opgave")
        .only("titel", "opgave__titel")[:TOON],
    }
