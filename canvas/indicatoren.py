"""Indicators: the line from nulmeting to streefwaarde, the judgement, the chart, CSV import.

Plain functions over loaded rows (no queries), so pages stay cheap and tests stay simple.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, DecimalException

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import nl_getal
from core.tekstbestand import OnleesbaarBestand, lees_datum, lees_regels


class Oordeel(models.TextChoices):
    GEEN_METING = "geen_meting", gettext_lazy("Nog geen meting")
    OP_KOERS = "op_koers", gettext_lazy("Op koers")
    ACHTER = "achter", gettext_lazy("Achter op koers")


# What verwacht and oordeel read of an indicator: a list that shows judgements loads these.
OORDEEL_VELDEN = ("nulmeting", "nulmeting_datum", "streefwaarde", "streefdatum")


def verwacht(indicator, datum: datetime.date) -> Decimal:
    """Where the straight line from nulmeting to streefwaarde is on ``datum``."""
    if datum <= indicator.nulmeting_datum:
        return indicator.nulmeting
    if datum >= indicator.streefdatum:
        return indicator.streefwaarde
    gedaan = (datum - indicator.nulmeting_datum).days
    totaal = (indicator.streefdatum - indicator.nulmeting_datum).days
    stap = (indicator.streefwaarde - indicator.nulmeting) * gedaan / totaal
    return (indicator.nulmeting + stap).quantize(Decimal("0.01"))


def oordeel(indicator, metingen) -> Oordeel:
    """On track when the latest measurement is at or beyond the line, in the intended direction.

    A target below the nulmeting (less loneliness) means lower is better; an equal target
    means holding the level.
    """
    metingen = [m for m in metingen if m.datum >= indicator.nulmeting_datum]
    if not metingen:
        return Oordeel.GEEN_METING
    laatste = max(metingen, key=lambda m: m.datum)
    lijn = verwacht(indicator, laatste.datum)
    if indicator.streefwaarde < indicator.nulmeting:
        return Oordeel.OP_KOERS if laatste.waarde <= lijn else Oordeel.ACHTER
    return Oordeel.OP_KOERS if laatste.waarde >= lijn else Oordeel.ACHTER


# --- the chart (server-side SVG) ---------------------------------------------------------

BREEDTE, HOOGTE = 520, 220
LINKS, RECHTS, BOVEN, ONDER = 56, 16, 14, 30


@dataclass
class Punt:
    x: float
    y: float
    datum: datetime.date
    waarde: Decimal


@dataclass
class Grafiek:
    punten: list[Punt]
    lijn: tuple[float, float, float, float]  # x1, y1, x2, y2: nulmeting -> streefwaarde
    y_ticks: list[tuple[float, Decimal]] = field(default_factory=list)
    x_ticks: list[tuple[float, int]] = field(default_factory=list)
    breedte: int = BREEDTE
    hoogte: int = HOOGTE
    links: int = LINKS
    rechts_x: int = BREEDTE - RECHTS
    onder_y: int = HOOGTE - ONDER

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.punten)


def grafiek(indicator, metingen) -> Grafiek:
    metingen = sorted(metingen, key=lambda m: m.datum)
    datums = [indicator.nulmeting_datum, indicator.streefdatum, *(m.datum for m in metingen)]
    waarden = [indicator.nulmeting, indicator.streefwaarde, *(m.waarde for m in metingen)]
    d0, d1 = min(datums), max(datums)
    laag, hoog = min(waarden), max(waarden)
    marge = (hoog - laag) / 10 or Decimal(1)
    laag, hoog = laag - marge, hoog + marge
    dagen = max((d1 - d0).days, 1)

    def x(datum):
        return LINKS + (BREEDTE - LINKS - RECHTS) * (datum - d0).days / dagen

    def y(waarde):
        return BOVEN + float((hoog - waarde) / (hoog - laag)) * (HOOGTE - BOVEN - ONDER)

    y_ticks = [(y(laag + (hoog - laag) * i / 4), laag + (hoog - laag) * i / 4) for i in range(5)]
    x_ticks = [(x(datetime.date(j, 1, 1)), j) for j in range(d0.year + 1, d1.year + 1)]
    return Grafiek(
        punten=[Punt(x(m.datum), y(m.waarde), m.datum, m.waarde) for m in metingen],
        lijn=(
            x(indicator.nulmeting_datum),
            y(indicator.nulmeting),
            x(indicator.streefdatum),
            y(indicator.streefwaarde),
        ),
        y_ticks=[(round(py, 1), waarde.quantize(Decimal("0.1"))) for py, waarde in y_ticks],
        x_ticks=[(round(px, 1), jaar) for px, jaar in x_ticks],
    )


# --- CSV import ------------------------------------------------------------------------------

MAX_REGELS = 2000


@dataclass
class Inlezing:
    rijen: list[tuple[datetime.date, Decimal, str]]
    fouten: list[str]


def lees_csv(inhoud: bytes) -> Inlezing:
    """Rows of datum;waarde[;toelichting], a header line optional, ';' or ',' separated.

    Dutch dates (15-03-2026) and numbers (12,5) are read as typed; every problem is named
    with its line number, and the caller saves nothing unless there are none.
    """
    try:
        regels = lees_regels(inhoud)
    except OnleesbaarBestand as fout:
        return Inlezing(rijen=[], fouten=[str(fout)])
    rijen, fouten, gezien = [], [], {}
    for nummer, rij in enumerate(regels, start=1):
        if not any(cel.strip() for cel in rij):
            continue
        if nummer == 1 and lees_datum(rij[0]) is None and not rij[0].strip()[:1].isdigit():
            continue  # a header line
        if len(rijen) + len(fouten) >= MAX_REGELS:
            fouten.append(_("Meer dan %(max)d regels: splits het bestand.") % {"max": MAX_REGELS})
            break
        if len(rij) < 2:
            fouten.append(
                _("Regel %(n)d: verwacht een datum en een waarde, gescheiden door ';'.")
                % {"n": nummer}
            )
            continue
        datum, waarde = lees_datum(rij[0]), _waarde(rij[1])
        if datum is None:
            fouten.append(
                _("Regel %(n)d: '%(tekst)s' is geen datum (bijvoorbeeld 15-03-2026).")
                % {"n": nummer, "tekst": rij[0].strip()[:40]}
            )
        if waarde is None:
            fouten.append(
                _("Regel %(n)d: '%(tekst)s' is geen getal (bijvoorbeeld 12,5).")
                % {"n": nummer, "tekst": rij[1].strip()[:40]}
            )
        if datum is not None and datum in gezien:
            fouten.append(
                _("Regel %(n)d: de datum %(datum)s staat ook op regel %(eerder)d.")
                % {"n": nummer, "datum": rij[0].strip(), "eerder": gezien[datum]}
            )
        elif datum is not None and waarde is not None:
            gezien[datum] = nummer
            rijen.append((datum, waarde, rij[2].strip()[:200] if len(rij) > 2 else ""))
    if not rijen and not fouten:
        fouten.append(_("Het bestand bevat geen metingen."))
    return Inlezing(rijen=rijen, fouten=fouten)


def _waarde(tekst: str) -> Decimal | None:
    """A finite number below 10 billion in magnitude, to the cent (never -0.00)."""
    try:
        waarde = Decimal(nl_getal(tekst.replace("%", "")[:100]))
        if not waarde.is_finite() or waarde.copy_abs() >= Decimal("1e10"):
            return None
        return waarde.quantize(Decimal("0.01")) + Decimal("0.00")
    except DecimalException:  # e.g. Overflow on 1e9999999999999
        return None
