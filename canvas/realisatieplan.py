"""The realisatieplan as a timeline: one bar per planned activity, milestones, today.

Pure geometry over loaded rows (no queries); the template draws it as SVG and lists the
same plan as a table.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import formats

BREEDTE = 880
LABEL_B = 240  # the activity names on the left
RIJ_H = 34
KOP_H = 28


@dataclass
class Mijlpunt:
    x: float
    y: float
    naam: str
    datum: datetime.date
    behaald: bool

    @property
    def ruit(self) -> str:
        """A diamond centred on the milestone's date."""
        x, y = self.x, self.y
        return f"{x:.1f},{y - 7:.1f} {x + 7:.1f},{y:.1f} {x:.1f},{y + 7:.1f} {x - 7:.1f},{y:.1f}"


@dataclass
class Balk:
    item: object
    y: int
    x: float
    breedte: float
    gedaan: float  # width of the progress fill
    mijlpalen: list[Mijlpunt] = field(default_factory=list)


@dataclass
class Tijdlijn:
    balken: list[Balk]
    maanden: list[tuple[float, str]]
    vandaag_x: float | None
    hoogte: int
    breedte: int = BREEDTE
    label_b: int = LABEL_B


def tijdlijn(activiteiten, vandaag: datetime.date) -> Tijdlijn | None:
    """``activiteiten``: canvas items with ``uitvoering`` and prefetched ``mijlpalen``.

    Only activities with a start and an end get a bar; None when none has both.
    """
    gepland = [a for a in activiteiten if _periode(a) is not None]
    if not gepland:
        return None
    datums = [d for a in gepland for d in _periode(a)]
    datums += [m.datum for a in gepland for m in a.mijlpalen.all()]
    begin = min(datums).replace(day=1)
    laatste = max(datums)
    eind = (laatste.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)  # next month
    dagen = (eind - begin).days

    def x(datum: datetime.date) -> float:
        return round(LABEL_B + (BREEDTE - LABEL_B - 8) * (datum - begin).days / dagen, 1)

    balken = []
    for rij, activiteit in enumerate(gepland):
        start, stop = _periode(activiteit)
        x0, x1 = x(start), x(stop + datetime.timedelta(days=1))
        balken.append(
            Balk(
                item=activiteit,
                y=KOP_H + rij * RIJ_H,
                x=x0,
                breedte=round(max(x1 - x0, 2), 1),
                gedaan=round(max(x1 - x0, 2) * activiteit.uitvoering.voortgang / 100, 1),
                mijlpalen=[
                    Mijlpunt(x(m.datum), KOP_H + rij * RIJ_H + 14, m.naam, m.datum, m.behaald)
                    for m in activiteit.mijlpalen.all()
                ],
            )
        )
    stap = max(1, round(_maanden(begin, eind) / 12))  # at most about a dozen labels
    maanden = []
    maand = begin
    while maand < eind:
        label = formats.date_format(maand, "b Y")
        maanden.append((x(maand), label))
        for _ in range(stap):
            maand = (maand.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return Tijdlijn(
        balken=balken,
        maanden=maanden,
        vandaag_x=x(vandaag) if begin <= vandaag <= eind else None,
        hoogte=KOP_H + len(gepland) * RIJ_H + 8,
    )


def _periode(activiteit) -> tuple[datetime.date, datetime.date] | None:
    uitvoering = getattr(activiteit, "uitvoering", None)
    if uitvoering is None or uitvoering.start is None or uitvoering.eind is None:
        return None
    return uitvoering.start, uitvoering.eind


def _maanden(begin: datetime.date, eind: datetime.date) -> int:
    return (eind.year - begin.year) * 12 + eind.month - begin.month
