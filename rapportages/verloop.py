"""Per opgave the line of its published reports: fase, voortgang, budget and indicators as
the council read them each time, drawn as small multiples in the reading room (#16).

Built from the data kept with each published report (``Rapportage.gegevens``), so it shows
what was reported, not what the opgave says today.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from opgaven.models import Fase, Voortgang

from .models import Rapportage
from .wijzigingen import label

MAX_RAPPORTEN = 12
BREEDTE, HOOGTE, MARGE = 260, 80, 10


@dataclass
class Stand:
    titel: str
    datum: object
    fase: str
    voortgang: str
    begroot: Decimal
    realisatie: Decimal
    indicatoren: dict[str, str] = field(default_factory=dict)


@dataclass
class Verloop:
    opgave_id: int
    titel: str
    standen: list[Stand]
    begroot_lijn: str = ""  # SVG polyline points
    realisatie_lijn: str = ""
    punten: list[tuple[float, float, float]] = field(default_factory=list)  # x, y begr., y real.

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
                )
            )
        lijnen.append(_teken(Verloop(opgave["id"], opgave["titel"], standen)))
    return lijnen


def _teken(lijn: Verloop) -> Verloop:
    """Budget (begroot) and realisatie over the reports, on one scale from zero."""
    n = len(lijn.standen)
    hoogste = max([s.begroot for s in lijn.standen] + [s.realisatie for s in lijn.standen] + [1])

    def x(i):
        return MARGE + (BREEDTE - 2 * MARGE) * (i / (n - 1) if n > 1 else 0.5)

    def y(bedrag):
        return HOOGTE - MARGE - float(bedrag / hoogste) * (HOOGTE - 2 * MARGE)

    lijn.punten = [
        (round(x(i), 1), round(y(s.begroot), 1), round(y(s.realisatie), 1))
        for i, s in enumerate(lijn.standen)
    ]
    lijn.begroot_lijn = " ".join(f"{px},{pb}" for px, pb, _pr in lijn.punten)
    lijn.realisatie_lijn = " ".join(f"{px},{pr}" for px, _pb, pr in lijn.punten)
    return lijn
