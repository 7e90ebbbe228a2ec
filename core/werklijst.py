"""What waits for a person: their worklist on the start page.

Computed from the rules on every visit, never kept in a table of its own that could drift
from the data: each app registers a ``bron(user, vandaag)`` in its ``AppConfig.ready`` that
returns the ``Taak`` items waiting for that person in its part (opgaven: priority proposals
to decide; rapportages: bijdragen to write or approve, reports to vaststellen, late moties;
participatie: action points, commitments, inbreng without terugkoppeling, signals; accounts:
locked accounts and open invitations). A source costs a fixed number of queries, however
much waits.

The header shows how many items wait on every page, where the whole list (10-25 ms) would
double a page's cost: the count is kept in the ``werklijst`` cache (Redis when there is one,
so every web process shares it) for at most ``BEWAREN`` seconds. The start page counts anew
every visit; a melding to a person (a hand-off: accounts.meldingen) and the person's own
writes (core.middleware.WerklijstMiddleware) forget their count, so it is counted anew on
their next page. What changes by the date alone shows within ``BEWAREN`` seconds. Without
the cache (Redis down) every page counts for itself: slower, never broken.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# At most this many items of one source on the start page.
PER_BRON = 20
# How long the header's count may be kept, in seconds.
BEWAREN = 120


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
    try:
        caches["werklijst"].set(_sleutel(user.pk), len(taken), BEWAREN)
    except Exception:  # the cache is down: the next page counts again
        logger.warning("Werklijst: aantal niet bewaard", exc_info=True)
    return sorted(
        taken,
        key=lambda t: (
            not t.te_laat,
            t.uiterlijk is None,
            t.uiterlijk or t.sinds or vandaag,
        ),
    )


def aantal(user) -> int:
    """How many items wait for ``user``: the header's count, kept for a while."""
    try:
        gehouden = caches["werklijst"].get(_sleutel(user.pk))
    except Exception:  # the cache is down: count (voor) rather than fail the page
        logger.warning("Werklijst: aantal niet gelezen", exc_info=True)
        gehouden = None
    return len(voor(user)) if gehouden is None else gehouden


def vergeten(user_pks) -> None:
    """Count anew for these people on their next page, once the current transaction (the
    write that changed what waits for them) is committed."""
    sleutels = [_sleutel(pk) for pk in set(user_pks)]
    if sleutels:
        transaction.on_commit(lambda: caches["werklijst"].delete_many(sleutels), robust=True)


def _sleutel(user_pk) -> str:
    return f"aantal:{user_pk}"
