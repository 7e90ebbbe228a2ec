"""What waits for a person: their worklist on the start page.

Computed from the rules on every visit, never kept in a table of its own that could drift
from the data: each app registers a ``bron(user, vandaag)`` in its ``AppConfig.ready`` that
returns the ``Taak`` items waiting for that person in its part (opgaven: priority proposals
to decide; rapportages: bijdragen to write or approve, reports to vaststellen, late moties;
participatie: action points, commitments, inbreng without terugkoppeling, signals; accounts:
locked accounts and open invitations). A source costs a fixed number of queries, however
much waits.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

# At most this many items of one source on the start page.
PER_BRON = 20


@dataclass(frozen=True)
class Taak:
    soort: str  # what to do, as a label: "Bestuurlijk akkoord", "Actiepunt"
    tekst: str  # about what: the object's name
    url: str  # the exact place where it is done
    opgave: str = ""  # the opgave (or thematafel) it belongs to, if any
    uiterlijk: datetime.date | None = None  # its deadline, if it has one
    sinds: datetime.date | None = None  # since when it waits, if it has no deadline

    @property
    def te_laat(self) -> bool:
        return self.uiterlijk is not None and self.uiterlijk < timezone.localdate()


Bron = Callable[..., list[Taak]]

_bronnen: dict[str, Bron] = {}


def registreer(naam: str, bron: Bron) -> None:
    if naam in _bronnen:
        raise ValueError(f"Werklijstbron {naam!r} is al geregistreerd")
    _bronnen[naam] = bron


def voor(user) -> list[Taak]:
    """Everything that waits for ``user``: overdue first, then by deadline, then what has
    waited longest."""
    vandaag = timezone.localdate()
    taken = [taak for naam in sorted(_bronnen) for taak in _bronnen[naam](user, vandaag)]
    return sorted(
        taken,
        key=lambda t: (
            not t.te_laat,
            t.uiterlijk is None,
            t.uiterlijk or t.sinds or vandaag,
        ),
    )
