"""Sections and links that the apps above ``opgaven`` put on its pages (and on each other's).

Dependencies point one way (ARCHITECTURE.md): ``opgaven`` imports no other domain app,
yet its hub shows stakeholders, the canvas and reports, and its start page shows what
waits for you. Each app registers what it adds in its ``AppConfig.ready`` and renders it
itself; a page asks for what was registered for its ``plek`` ("opgave", "start",
"samenhang", "stakeholders", ...). An app's own htmx view for a section calls the same
``context`` function, so the section on the page and the swapped one are always the same.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

# Announced after every change to an opgave on its hub; the hub's history listens for it
# and reloads itself, whichever app's section made the change.
OPGAVE_GEWIJZIGD = "opgave-gewijzigd"


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
    _secties[(sectie.plek, sectie.naam)] = sectie


def registreer_verwijzing(verwijzing: Verwijzing) -> None:
    _verwijzingen[(verwijzing.plek, verwijzing.url_name)] = verwijzing


def render_secties(request: HttpRequest, plek: str, **objects) -> list[SafeString]:
    """Every section registered for ``plek`` that has something to show, in order."""
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
    return [
        (str(v.label), reverse(v.url_name))
        for v in _verwijzingen.values()
        if v.plek == plek and request.user.has_perm(v.perm)
    ]
