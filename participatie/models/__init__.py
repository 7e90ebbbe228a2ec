"""Participatie, a module per room: register, positie, contact, thematafels, sprints,
beleving, signalen, partners. Imported here so Django finds every model."""

from .beleving import Persona, Reisstap
from .bijlagen import BijeenkomstBijlage
from .contact import (
    Afspraak,
    AfspraakQuerySet,
    AfspraakStatus,
    Contactmoment,
    ContactSoort,
    Richting,
    Vervolgactie,
)
from .meedoen import Aanmelding, AanmeldingStatus, Publicatie
from .partners import Partnerkoppeling
from .positie import (
    Beoordeling,
    Betrokkenheid,
    BetrokkenheidRol,
    Houding,
    Kwadrant,
    Participatieladder,
)
from .register import Grondslag, Stakeholder, StakeholderQuerySet, StakeholderSoort, Vorm
from .signalen import Signaal, SignaalStatus
from .sprints import Opgavesprint
from .thematafels import (
    Actiepunt,
    ActiepuntStatus,
    Bijeenkomst,
    Inbreng,
    InbrengSoort,
    Terugkoppeling,
    Thematafel,
)

__all__ = [
    "Aanmelding",
    "AanmeldingStatus",
    "Actiepunt",
    "ActiepuntStatus",
    "Afspraak",
    "AfspraakQuerySet",
    "AfspraakStatus",
    "Beoordeling",
    "Betrokkenheid",
    "BetrokkenheidRol",
    "Bijeenkomst",
    "BijeenkomstBijlage",
    "ContactSoort",
    "Contactmoment",
    "Grondslag",
    "Houding",
    "Inbreng",
    "InbrengSoort",
    "Kwadrant",
    "Opgavesprint",
    "Participatieladder",
    "Partnerkoppeling",
    "Persona",
    "Publicatie",
    "Reisstap",
    "Richting",
    "Signaal",
    "SignaalStatus",
    "Stakeholder",
    "StakeholderQuerySet",
    "StakeholderSoort",
    "Terugkoppeling",
    "Thematafel",
    "Vervolgactie",
    "Vorm",
]
