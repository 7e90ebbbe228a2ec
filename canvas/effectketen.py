"""The effect chain: activiteit -> prestatie -> effect -> beleidsdoel, and where it breaks."""

import textwrap
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .models import Blok, CanvasItem, Schakel, Soort

ACTIVITEIT, PRESTATIE, EFFECT, DOEL = "activiteit", "prestatie", "effect", "beleidsdoel"
KOLOMMEN = [
    (ACTIVITEIT, _("Activiteiten")),
    (PRESTATIE, _("Prestaties")),
    (EFFECT, _("Effecten")),
    (DOEL, _("Beleidsdoelen")),
]
# Which links make sense: each step contributes to a later one (a prestatie may be skipped).
TOEGESTAAN = {(ACTIVITEIT, PRESTATIE), (ACTIVITEIT, EFFECT), (PRESTATIE, EFFECT), (EFFECT, DOEL)}

# A box holds three lines of about 27 characters (13px Noto Sans in 184px); the full text
# is its tooltip and stands in the list below the chart.
BREEDTE, KOLOM, VAK_B, RIJ, BOVEN = 960, 240, 200, 96, 40
REGELS, TEKENS, REGEL_H = 3, 27, 16
VAK_H = REGELS * REGEL_H + 30


def rol(item: CanvasItem) -> str | None:
    """The item's place in the chain, or None for blocks outside it."""
    if item.blok == Blok.ACTIVITEITEN:
        return ACTIVITEIT
    if item.blok == Blok.BELEIDSDOELEN:
        return DOEL
    if item.blok == Blok.PRESTATIES_EFFECTEN:
        return EFFECT if item.soort == Soort.EFFECT else PRESTATIE
    return None


def regels(tekst: str, tekens: int = TEKENS, aantal: int = REGELS) -> list[str]:
    """The text wrapped on words into at most ``aantal`` lines of ``tekens``; a cut shows
    an ellipsis. A word longer than a line is broken."""
    lines = textwrap.wrap(" ".join(tekst.split()), tekens, break_long_words=True) or [""]
    if len(lines) > aantal:
        lines = lines[:aantal]
        lines[-1] = lines[-1][: tekens - 1].rstrip() + "…"
    return lines


@dataclass
class Knoop:
    item: CanvasItem
    rol: str
    x: int = 0
    y: int = 0
    naar: list["Knoop"] = field(default_factory=list)
    van: list["Knoop"] = field(default_factory=list)

    @property
    def regels(self) -> list[tuple[int, str]]:
        """(y, line) of the label inside the box."""
        return [(self.y + 20 + i * REGEL_H, r) for i, r in enumerate(regels(self.item.tekst))]

    @property
    def meta_y(self) -> int:
        return self.y + VAK_H - 9


@dataclass
class Lijn:
    van: Knoop
    naar: Knoop
    schakel: Schakel


@dataclass
class Keten:
    knopen: dict[int, Knoop]
    kolommen: list[tuple[str, str, list[Knoop]]]
    lijnen: list[Lijn]
    hoogte: int
    losse_eindjes: list[str]


def bouw(items: list[CanvasItem], schakels: list[Schakel]) -> Keten:
    knopen = {i.pk: Knoop(i, r) for i in items if (r := rol(i))}
    lijnen = []
    for s in schakels:
        van, naar = knopen.get(s.van_id), knopen.get(s.naar_id)
        if van and naar:
            van.naar.append(naar)
            naar.van.append(van)
            lijnen.append(Lijn(van, naar, s))
    kolommen = []
    for index, (code, label) in enumerate(KOLOMMEN):
        in_kolom = [k for k in knopen.values() if k.rol == code]
        for rij, k in enumerate(in_kolom):
            k.x, k.y = index * KOLOM + 20, BOVEN + rij * RIJ
        kolommen.append((code, label, in_kolom))
    langste = max((len(k) for _, _, k in kolommen), default=0)
    return Keten(
        knopen=knopen,
        kolommen=kolommen,
        lijnen=lijnen,
        hoogte=BOVEN + max(langste, 1) * RIJ,
        losse_eindjes=losse_eindjes(list(knopen.values())),
    )


def _bereikt(knoop: Knoop, richting: str, doel: str) -> bool:
    """Whether following links (``naar`` or ``van``) from ``knoop`` reaches a ``doel`` item."""
    gezien, rand = set(), [knoop]
    while rand:
        k = rand.pop()
        for volgende in getattr(k, richting):
            if volgende.rol == doel:
                return True
            if volgende.item.pk not in gezien:
                gezien.add(volgende.item.pk)
                rand.append(volgende)
    return False


def losse_eindjes(knopen: list[Knoop]) -> list[str]:
    """Named gaps: effects nobody works on, work that serves no goal, goals nothing feeds."""
    meldingen = []
    for k in knopen:
        tekst = k.item.tekst[:80]
        if k.rol == EFFECT and not _bereikt(k, "van", ACTIVITEIT):
            meldingen.append(_("Effect zonder activiteiten: “%(t)s”") % {"t": tekst})
        elif k.rol == ACTIVITEIT and not _bereikt(k, "naar", DOEL):
            meldingen.append(_("Activiteit die geen beleidsdoel dient: “%(t)s”") % {"t": tekst})
        elif k.rol == PRESTATIE and not _bereikt(k, "naar", EFFECT):
            meldingen.append(_("Prestatie zonder effect: “%(t)s”") % {"t": tekst})
        elif k.rol == DOEL and not _bereikt(k, "van", EFFECT):
            meldingen.append(
                _("Beleidsdoel zonder effect dat eraan bijdraagt: “%(t)s”") % {"t": tekst}
            )
    return meldingen
