from .gebruikers import ROL_UITLEG, AccountManager, MisluktePoging, Rol, User, UserQuerySet
from .koppelingen import Agendafeed, Koppeling, Scope
from .meldingen import (
    STANDAARD_FREQUENTIE,
    Frequentie,
    Melding,
    MeldingQuerySet,
    Meldingsoort,
    Meldingvoorkeur,
)

__all__ = [
    "ROL_UITLEG",
    "STANDAARD_FREQUENTIE",
    "AccountManager",
    "Agendafeed",
    "Frequentie",
    "Koppeling",
    "Melding",
    "MeldingQuerySet",
    "Meldingsoort",
    "Meldingvoorkeur",
    "MisluktePoging",
    "Rol",
    "Scope",
    "User",
    "UserQuerySet",
]
