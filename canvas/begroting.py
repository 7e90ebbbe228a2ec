"""The shared budget: lines per year x activity x financier, totalled exactly (Decimal)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .models import Begrotingsregel, CanvasItem, Financier

NUL = Decimal("0.00")


@dataclass
class Bedrag:
    begroot: Decimal = NUL
    realisatie: Decimal = NUL

    def __iadd__(self, ander: "Bedrag | Begrotingsregel") -> "Bedrag":
        self.begroot += ander.begroot
        self.realisatie += ander.realisatie
        return self


@dataclass
class Rij:
    activiteit: CanvasItem
    cellen: list[Bedrag | None]  # one per financier, in the order of Begroting.financiers
    totaal: Bedrag


@dataclass
class Jaar:
    jaar: int
    rijen: list[Rij]
    per_financier: list[Bedrag]
    totaal: Bedrag


@dataclass
class Aandeel:
    financier: Financier
    bedrag: Bedrag
    procent: Decimal  # of everything planned, to one decimal


@dataclass
class Begroting:
    financiers: list[Financier]
    jaren: list[Jaar]
    aandelen: list[Aandeel]
    totaal: Bedrag


def overzicht(regels: list[Begrotingsregel], financiers: list[Financier]) -> Begroting:
    """Tables per year (activities x financiers) and each financier's share of the whole."""
    index = {f.pk: i for i, f in enumerate(financiers)}
    per_jaar: dict[int, dict[int, list]] = defaultdict(dict)
    activiteiten: dict[int, CanvasItem] = {}
    per_financier = [Bedrag() for _ in financiers]
    totaal = Bedrag()
    for regel in regels:
        activiteiten[regel.activiteit_id] = regel.activiteit
        cellen = per_jaar[regel.jaar].setdefault(regel.activiteit_id, [None] * len(financiers))
        i = index[regel.financier_id]
        cellen[i] = cellen[i] or Bedrag()
        cellen[i] += regel
        per_financier[i] += regel
        totaal += regel
    jaren = []
    for jaar in sorted(per_jaar):
        rijen, kolommen, jaartotaal = [], [Bedrag() for _ in financiers], Bedrag()
        for activiteit_id, cellen in per_jaar[jaar].items():
            rijtotaal = Bedrag()
            for kolom, cel in zip(kolommen, cellen, strict=True):
                if cel is not None:
                    rijtotaal += cel
                    kolom += cel
                    jaartotaal += cel
            rijen.append(Rij(activiteiten[activiteit_id], cellen, rijtotaal))
        rijen.sort(key=lambda r: (r.activiteit.volgorde, r.activiteit.pk))
        jaren.append(Jaar(jaar, rijen, kolommen, jaartotaal))
    aandelen = [
        Aandeel(
            f,
            per_financier[i],
            (per_financier[i].begroot * 100 / totaal.begroot).quantize(Decimal("0.1"))
            if totaal.begroot
            else Decimal("0.0"),
        )
        for i, f in enumerate(financiers)
    ]
    return Begroting(financiers, jaren, aandelen, totaal)


def van_opgave(opgave) -> Begroting:
    """The opgave's budget as the begroting page shows it (two queries): the one source of
    the amounts in the canvas block "Begroting", on A3 and in the council report."""
    regels = list(opgave.begrotingsregels.select_related("activiteit", "financier"))
    return overzicht(regels, list(opgave.financiers.all()))
