"""Sections that other apps add to the hub page of an opgave.

The hub shows stakeholders, the canvas and reports, but ``opgaven`` imports no other
domain app: each app registers a section here (in its ``AppConfig.ready``) and renders
it itself. The app's own htmx partial view calls the same ``context`` function, so
the section on the hub and the swapped partial are always the same.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .models import Opgave


@dataclass(frozen=True)
class HubSectie:
    naam: str
    volgorde: int
    template_name: str
    context: Callable[[HttpRequest, Opgave], dict]


_secties: dict[str, HubSectie] = {}


def registreer(sectie: HubSectie) -> None:
    _secties[sectie.naam] = sectie


def render_secties(request: HttpRequest, opgave: Opgave) -> list[SafeString]:
    """Every registered section, rendered for this request and opgave, in order."""
    return [
        render_to_string(sectie.template_name, sectie.context(request, opgave), request=request)
        for sectie in sorted(_secties.values(), key=lambda s: s.volgorde)
    ]


@dataclass(frozen=True)
class StartSectie:
    """A section another app adds to everyone's start page (what is due for them)."""

    naam: str
    volgorde: int
    template_name: str
    context: Callable[[HttpRequest], dict | None]


_start_secties: dict[str, StartSectie] = {}


def registreer_start(sectie: StartSectie) -> None:
    _start_secties[sectie.naam] = sectie


def render_start_secties(request: HttpRequest) -> list[SafeString]:
    """Every registered start section that has something to say for this user."""
    result = []
    for sectie in sorted(_start_secties.values(), key=lambda s: s.volgorde):
        context = sectie.context(request)
        if context:
            result.append(render_to_string(sectie.template_name, context, request=request))
    return result
