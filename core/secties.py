"""Sections and links that higher apps put on the pages of lower ones.

Dependencies point one way (ARCHITECTURE.md): ``opgaven`` imports no other domain app,
yet its hub shows stakeholders, the canvas and reports; ``accounts`` knows no opgaven,
yet a person's page in Beheer shows their teams. Each app registers what it adds in its
``AppConfig.ready`` and renders it itself; a page asks for what was registered for its
``plek`` ("opgave", "start", "samenhang", "stakeholders", "gebruiker", ...). An app's own
htmx view for a section calls the same ``context`` function, so the section on the page
and the swapped one are always the same.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString


class Plek(StrEnum):
    """The pages that take what other apps add. A page or a registration naming a place not
    listed here raises (a typo would otherwise show nothing, and say nothing)."""

    OPGAVE = "opgave"  # the overview of an opgave's workspace
    OPGAVE_ZIJ = "opgave-zij"  # its side column
    OPGAVE_KOP = "opgave-kop"  # a fact in the workspace header
    START = "start"
    SAMENHANG = "samenhang"
    STAKEHOLDERS = "stakeholders"
    GEBIED = "gebied"
    THEMATAFEL = "thematafel"
    CANVAS = "canvas"
    CANVASVERSIES = "canvasversies"
    GEBRUIKER = "gebruiker"  # a person's page in Beheer
    GEBRUIKERS = "gebruikers"  # the list of accounts


def _nieuw(register: dict, sleutel: tuple, waarde) -> None:
    """Register ``waarde`` once: a second registration under the same key raises, as does
    a place that does not exist."""
    Plek(sleutel[0])
    if sleutel in register:
        raise ValueError(f"Al geregistreerd: {sleutel}")
    register[sleutel] = waarde


@dataclass(frozen=True)
class Sectie:
    """A section on page ``plek``; ``context(request, **objects)`` returns None to stay away."""

    plek: str
    naam: str
    volgorde: int
    template_name: str
    context: Callable[..., dict | None]


@dataclass(frozen=True)
class Verwijzing:
    """A link on page ``plek`` to a page of another app, for who has ``perm``."""

    plek: str
    label: str
    url_name: str
    perm: str


_secties: dict[tuple[str, str], Sectie] = {}
_verwijzingen: dict[tuple[str, str], Verwijzing] = {}


def registreer(sectie: Sectie) -> None:
    _nieuw(_secties, (sectie.plek, sectie.naam), sectie)


def registreer_verwijzing(verwijzing: Verwijzing) -> None:
    _nieuw(_verwijzingen, (verwijzing.plek, verwijzing.url_name), verwijzing)


def render_secties(request: HttpRequest, plek: str, **objects) -> list[SafeString]:
    """Every section registered for ``plek`` that has something to show, in order."""
    plek = Plek(plek)
    result = []
    for sectie in sorted(_secties.values(), key=lambda s: s.volgorde):
        if sectie.plek != plek:
            continue
        context = sectie.context(request, **objects)
        if context is not None:
            result.append(render_to_string(sectie.template_name, context, request=request))
    return result


def verwijzingen(request: HttpRequest, plek: str) -> list[tuple[str, str]]:
    """(label, url) of the links registered for ``plek`` that this user may follow."""
    plek = Plek(plek)
    return [
        (str(v.label), reverse(v.url_name))
        for v in _verwijzingen.values()
        if v.plek == plek and request.user.has_perm(v.perm)
    ]


@dataclass(frozen=True)
class Kolom:
    """A column in a table on page ``plek``: ``waarden(objects)`` gives the text per pk,
    for all rows at once (one query per column, whatever the number of rows)."""

    plek: str
    label: str
    volgorde: int
    waarden: Callable[[list], dict[int, str]]


_kolommen: dict[tuple[str, str], Kolom] = {}


def registreer_kolom(kolom: Kolom) -> None:
    _nieuw(_kolommen, (kolom.plek, str(kolom.label)), kolom)


def kolommen(plek: str, objecten: list) -> tuple[list[str], list[tuple[object, list[str]]]]:
    """The registered columns of ``plek``: their labels, and per object its values."""
    plek = Plek(plek)
    gekozen = sorted((k for k in _kolommen.values() if k.plek == plek), key=lambda k: k.volgorde)
    waarden = [k.waarden(objecten) for k in gekozen]
    rijen = [(o, [w.get(o.pk, "") for w in waarden]) for o in objecten]
    return [str(k.label) for k in gekozen], rijen


@dataclass(frozen=True)
class Tabblad:
    """A part of a workspace page (``plek`` "opgave"): a page of its own at ``url_name``
    (taking the object's pk), in the workspace's sub-navigation where ``toon(request, obj)``."""

    plek: str
    naam: str
    label: str
    volgorde: int
    url_name: str
    toon: Callable[[HttpRequest, object], bool] = lambda request, obj: True


_tabbladen: dict[tuple[str, str], Tabblad] = {}


def registreer_tabblad(tabblad: Tabblad) -> None:
    _nieuw(_tabbladen, (tabblad.plek, tabblad.naam), tabblad)


def tabbladen(request: HttpRequest, plek: str, obj) -> list[tuple[str, str, str]]:
    """(naam, label, url) of the parts of ``plek`` this user may open for ``obj``, in order."""
    plek = Plek(plek)
    gekozen = sorted((t for t in _tabbladen.values() if t.plek == plek), key=lambda t: t.volgorde)
    return [
        (t.naam, str(t.label), reverse(t.url_name, args=[obj.pk]))
        for t in gekozen
        if t.toon(request, obj)
    ]


def geregistreerd() -> dict[str, list]:
    """Everything registered, by kind (for the test that each one can render)."""
    return {
        "secties": list(_secties.values()),
        "verwijzingen": list(_verwijzingen.values()),
        "kolommen": list(_kolommen.values()),
        "tabbladen": list(_tabbladen.values()),
    }
