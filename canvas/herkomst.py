"""Where canvas items came from, as told by the apps that feed the canvas.

The canvas knows no app above it (ARCHITECTURE.md). Participatie takes inbreng over into
the canvas and registers a *bron* here: a function that, for a list of items, returns
where each came from. A page asks once for all its items: one query per bron, whatever
the number of items.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import CanvasItem


@dataclass(frozen=True)
class Herkomst:
    label: str
    url: str


Bron = Callable[[list[CanvasItem]], dict[int, Herkomst]]
_bronnen: list[Bron] = []


def registreer(bron: Bron) -> None:
    if bron not in _bronnen:
        _bronnen.append(bron)


def toevoegen(items: Iterable[CanvasItem]) -> list[CanvasItem]:
    """Give every item its ``herkomst`` (or None), and return them as a list."""
    items = list(items)
    gevonden: dict[int, Herkomst] = {}
    for bron in _bronnen:
        gevonden.update(bron(items))
    for item in items:
        item.herkomst = gevonden.get(item.pk)
    return items
