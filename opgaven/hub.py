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
