"""The power/interest grid as coordinates for a server-side SVG (pages and PDFs alike)."""

import math
from dataclasses import dataclass

from .models import Betrokkenheid

SIZE = 420  # px, the square plot area
MARGIN = 48
CELL = SIZE / 5


@dataclass
class Punt:
    x: float
    y: float
    betrokkenheid: Betrokkenheid

    @property
    def label(self) -> str:
        """The dot's initials ("Dorpsraad Oosterhout": "DO"); the table gives the full name."""
        woorden = [w for w in self.betrokkenheid.stakeholder.naam.split() if w[:1].isalnum()]
        return "".join(w[0] for w in woorden[:2]).upper() or "?"


def punten(betrokkenheden: list[Betrokkenheid]) -> list[Punt]:
    """One point per stakeholder: belang to the right, invloed upwards; stakeholders in the
    same cell are spread on a small circle so every one stays visible and clickable."""
    per_cel: dict[tuple[int, int], list[Betrokkenheid]] = {}
    for b in betrokkenheden:
        per_cel.setdefault((b.belang, b.invloed), []).append(b)
    result = []
    for (belang, invloed), groep in per_cel.items():
        cx = MARGIN + (belang - 0.5) * CELL
        cy = MARGIN + (5 - invloed + 0.5) * CELL
        straal = 0 if len(groep) == 1 else min(CELL / 2 - 8, 7 + 2.2 * len(groep))
        for i, b in enumerate(groep):
            hoek = 2 * math.pi * i / len(groep)
            result.append(
                Punt(
                    x=round(cx + straal * math.cos(hoek), 1),
                    y=round(cy + straal * math.sin(hoek), 1),
                    betrokkenheid=b,
                )
            )
    return result
