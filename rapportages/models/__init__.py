"""Rapportages, a module per room: jobs, the P&C calendar, reports, exports, documents."""

from .bijlagen import BijdrageBijlage, MotieBijlage
from .document import Document, DocumentQuerySet
from .export import Export, ExportQuerySet
from .job import MAX_POGINGEN, Job, Status
from .kalender import GEEN_BIJDRAGE, STAPPEN, Bijdrage, BijdrageStatus, MomentSoort, PcMoment
from .motie import Motie, MotieQuerySet, MotieSoort, MotieStatus
from .rapportage import Rapportage, RapportageDeel, RapportageQuerySet, Stap, titel

__all__ = [
    "GEEN_BIJDRAGE",
    "MAX_POGINGEN",
    "STAPPEN",
    "Bijdrage",
    "BijdrageBijlage",
    "BijdrageStatus",
    "Document",
    "DocumentQuerySet",
    "Export",
    "ExportQuerySet",
    "Job",
    "MomentSoort",
    "Motie",
    "MotieBijlage",
    "MotieQuerySet",
    "MotieSoort",
    "MotieStatus",
    "PcMoment",
    "Rapportage",
    "RapportageDeel",
    "RapportageQuerySet",
    "Stap",
    "Status",
    "titel",
]
