"""Opgaven, a module per room: the opgave, its verloop, samenhang, the reference lists."""

from .bijlagen import OpgaveBijlage
from .opgave import (
    Fase,
    Herkomst,
    Opgave,
    OpgaveQuerySet,
    Prioriteit,
    Schaal,
    Teamlidmaatschap,
    TeamRol,
    Voortgang,
)
from .referentielijsten import Domein, Gebied, GebiedSoort
from .samenhang import OpgaveRelatie, RelatieSoort
from .verloop import AgendaWijziging, Besluit, FaseWijziging, Prioriteitsvoorstel, VoortgangMelding

__all__ = [
    "AgendaWijziging",
    "Besluit",
    "Domein",
    "Fase",
    "FaseWijziging",
    "Gebied",
    "GebiedSoort",
    "Herkomst",
    "Opgave",
    "OpgaveBijlage",
    "OpgaveQuerySet",
    "OpgaveRelatie",
    "Prioriteit",
    "Prioriteitsvoorstel",
    "RelatieSoort",
    "Schaal",
    "TeamRol",
    "Teamlidmaatschap",
    "Voortgang",
    "VoortgangMelding",
]
