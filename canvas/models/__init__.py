"""The canvas, a module per room: items, versies, effectketen, begroting, indicatoren,
realisatieplan."""

from .begroting import Begrotingsregel, Financier, FinancierSoort
from .effectketen import Schakel
from .indicatoren import Bron, Indicator, Meting
from .items import (
    BLOK_UITLEG,
    W_VRAAG_BLOKKEN,
    ZONES,
    Blok,
    CanvasItem,
    CanvasItemQuerySet,
    ItemStatus,
    Reactie,
    Soort,
    WVraag,
    in_zones,
)
from .realisatieplan import Mijlpaal, Uitvoering, UitvoeringStatus
from .versies import CanvasVersie

__all__ = [
    "BLOK_UITLEG",
    "W_VRAAG_BLOKKEN",
    "ZONES",
    "Begrotingsregel",
    "Blok",
    "Bron",
    "CanvasItem",
    "CanvasItemQuerySet",
    "CanvasVersie",
    "Financier",
    "FinancierSoort",
    "Indicator",
    "ItemStatus",
    "Meting",
    "Mijlpaal",
    "Reactie",
    "Schakel",
    "Soort",
    "Uitvoering",
    "UitvoeringStatus",
    "WVraag",
    "in_zones",
]
