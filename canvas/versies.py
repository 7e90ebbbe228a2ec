"""Comparing two states of a canvas, block by block: added, removed and changed items."""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Blok


@dataclass(frozen=True)
class Wijziging:
    soort: str  # "toegevoegd", "verwijderd" or "gewijzigd"
    oud: str
    nieuw: str

    @property
    def verschil(self) -> SafeString:
        return tekstverschil(self.oud, self.nieuw)


@dataclass(frozen=True)
class BlokVerschil:
    code: str
    label: str
    wijzigingen: list[Wijziging]


def vergelijk(oud: list[dict], nieuw: list[dict]) -> list[BlokVerschil]:
    """Per block, in canvas order, what changed from ``oud`` to ``nieuw``.

    Items are matched by their id, so an edited item shows as changed, not as one removed
    and one added; reordering alone is not a change.
    """
    oud_per_id = {i["id"]: i for i in oud}
    nieuw_per_id = {i["id"]: i for i in nieuw}
    per_blok: dict[str, list[Wijziging]] = {code: [] for code in Blok.values}
    for item in oud:
        ander = nieuw_per_id.get(item["id"])
        if ander is None:
            per_blok[item["blok"]].append(Wijziging("verwijderd", item["tekst"], ""))
        elif ander["tekst"] != item["tekst"] or ander["blok"] != item["blok"]:
            per_blok[ander["blok"]].append(Wijziging("gewijzigd", item["tekst"], ander["tekst"]))
    for item in nieuw:
        if item["id"] not in oud_per_id:
            per_blok[item["blok"]].append(Wijziging("toegevoegd", "", item["tekst"]))
    return [BlokVerschil(code, Blok(code).label, w) for code, w in per_blok.items() if w]


_WOORDEN = re.compile(r"\s+|[^\s]+")


def tekstverschil(oud: str, nieuw: str) -> SafeString:
    """The new text with removed words in <del> and added words in <ins>; all text escaped."""
    a, b = _WOORDEN.findall(oud), _WOORDEN.findall(nieuw)
    delen = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            delen.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            delen.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            delen.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(delen))  # every piece of user text above went through escape()
