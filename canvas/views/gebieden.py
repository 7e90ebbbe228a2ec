"""What the canvas adds to a gebied's page (opgaven.views.gebieden): the indicators of its
opgaven, on track or not."""

from ..indicatoren import OORDEEL_VELDEN, oordeel
from ..models import Indicator

TOON = 20


def gebied_context(request, gebied, opgaven) -> dict:
    indicatoren = (
        Indicator.objects.filter(item__opgave__in=opgaven.values("pk"))
        .met_laatste_meting()
        .select_related("item__opgave")
        .only(*OORDEEL_VELDEN, "naam", "item__opgave__titel")
        .order_by("item__opgave__titel", "naam", "pk")[:TOON]
    )
    return {"indicatoren": [(i, oordeel(i, i.laatste_meting)) for i in indicatoren]}
