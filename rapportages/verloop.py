"""Per opgave the line of its published reports: fase, voortgang, budget and indicators as
the council read them each time, drawn as small multiples in the reading room, with a
euro axis and the reports along the bottom, and a table with the same figures.

Built from the data kept with each published report (``Rapportage.gegevens``), so it shows
what was reported, not what the opgave says today.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from opgaven.models import Fase, Voortgang

from .models import Rapportage
from .wijzigingen import label

MAX_RAPPORTEN = 12
# The chart's box (SVG units): room on the left for the euro axis, below for the reports.
BREEDTE, HOOGTE = 320, 130
LINKS, RECHTS, BOVEN, ONDER = 78, 12, 10, 34


@dataclass
class Stand:
    titel: str
    datum: object
    fase: str
    voortgang: str
    begroot: Decimal
    realisatie: Decimal
    indicatoren: dict[str, str] = field(default_factory=dict)
    moment: str = ""  # the P&C moment it was made for, if any


@dataclass
class Verloop:
    opgave_id: int
    titel: str
    standen: list[Stand]
    begroot_lijn: str = ""  # SVG polyline points
    realisatie_lijn: str = ""
    punten: list[tuple[float, float, float]] = field(default_factory=list)  # x, y begr., y real.
    y_as: list[tuple[float, Decimal]] = field(default_factory=list)  # y, amount
    x_as: list[tuple[float, str, str]] = field(default_factory=list)  # x, label, text-anchor

    @property
    def anker(self) -> str:
        return f"opgave-{self.opgave_id}"

    @property
    def indicatoren(self) -> list[tuple[str, list[str]]]:
        """Per indicator its reported value in each report ("—" when it was not there)."""
        namen = list(dict.fromkeys(n for s in self.standen for n in s.indicatoren))
        return [(naam, [s.indicatoren.get(naam, "—") for s in self.standen]) for naam in namen]


def _bedrag(tekst) -> Decimal:
    try:
        return Decimal(str(tekst))
    except (InvalidOperation, TypeError):
        return Decimal(0)


def verloop(rapportage: Rapportage) -> list[Verloop]:
    """For each opgave of ``rapportage``, its stand in the published reports up to this
    one (at most the last twelve), oldest first; a concept closes the line as itself."""
    gepubliceerd = Rapportage.objects.filter(gepubliceerd_op__isnull=False)
    if rapportage.gepubliceerd_op:
        gepubliceerd = gepubliceerd.filter(gepubliceerd_op__lte=rapportage.gepubliceerd_op)
    eerdere = (
        gepubliceerd.exclude(pk=rapportage.pk)
        .only("pk", "opgave", "moment", "gegevens", "gepubliceerd_op")
        .select_related("opgave", "moment")
        .order_by("-gepubliceerd_op", "-pk")[: MAX_RAPPORTEN - 1]
    )
    # Each report's opgaven by id, once: not a search through every report per opgave.
    rapporten = [
        (rapport, {o["id"]: o for o in rapport.gegevens.get("opgaven", [])})
        for rapport in [*reversed(eerdere), rapportage]
    ]
    lijnen = []
    for opgave in rapportage.gegevens.get("opgaven", []):
        standen = []
        for rapport, per_id in rapporten:
            if (oud := per_id.get(opgave["id"])) is None:
                continue
            standen.append(
                Stand(
                    titel=rapport.titel,
                    datum=rapport.gepubliceerd_op,
                    fase=label(Fase, oud.get("fase")),
                    voortgang=label(Voortgang, oud.get("voortgang")),
                    begroot=_bedrag(oud.get("begroot")),
                    realisatie=_bedrag(oud.get("realisatie")),
                    indicatoren={i["naam"]: i["waarde"] for i in oud.get("indicatoren", [])},
                    moment=str(rapport.moment) if rapport.moment_id else "",
                )
            )
        lijnen.append(_teken(Verloop(opgave["id"], opgave["titel"], standen)))
    return lijnen


def _rond_omhoog(bedrag: Decimal) -> Decimal:
    """A round top for the axis: 1, 2, 2.5 or 5 times a power of ten, at least ``bedrag``."""
    if bedrag <= 0:
        return Decimal(1000)
    macht = Decimal(10) ** (len(str(int(bedrag))) - 1)
    for stap in (1, 2, Decimal("2.5"), 5, 10):
        if bedrag <= stap * macht:
            return stap * macht
    return 10 * macht


def _kort(stand: Stand) -> str:
    """A report along the axis: its P&C moment ("Begroting 2027"), else the day it was
    published; a concept (not published) is "dit concept"."""
    if stand.moment:
        return stand.moment
    return f"{stand.datum:%d-%m-%Y}" if stand.datum else "dit concept"


def _teken(lijn: Verloop) -> Verloop:
    """Budget (begroot) and realisatie over the reports, on one scale from zero, with the
    euro axis (zero, half, top) and the first and last report named along the bottom."""
    n = len(lijn.standen)
    top = _rond_omhoog(
        max([s.begroot for s in lijn.standen] + [s.realisatie for s in lijn.standen])
    )
    breedte, hoogte = BREEDTE - LINKS - RECHTS, HOOGTE - BOVEN - ONDER

    def x(i):
        return LINKS + breedte * (i / (n - 1) if n > 1 else 0.5)

    def y(bedrag):
        return BOVEN + hoogte - float(bedrag / top) * hoogte

    lijn.punten = [
        (round(x(i), 1), round(y(s.begroot), 1), round(y(s.realisatie), 1))
        for i, s in enumerate(lijn.standen)
    ]
    lijn.begroot_lijn = " ".join(f"{px},{pb}" for px, pb, _pr in lijn.punten)
    lijn.realisatie_lijn = " ".join(f"{px},{pr}" for px, _pb, pr in lijn.punten)
    lijn.y_as = [(round(y(b), 1), b) for b in (Decimal(0), top / 2, top)]
    if n == 1:
        lijn.x_as = [(round(x(0), 1), _kort(lijn.standen[0]), "middle")]
    elif n > 1:
        lijn.x_as = [
            (round(x(0), 1), _kort(lijn.standen[0]), "start"),
            (round(x(n - 1), 1), _kort(lijn.standen[-1]), "end"),
        ]
    return lijn
