"""Participation figures per opgave: one source for the screens and the council report.

A session counts as *held* when it has started, or when something was recorded on it
(inbreng, or who came): a session whose date was moved ahead after it took place still
counts, and its inbreng with it. Inbreng itself is accepted only on a session that has
started (InbrengForm), so every piece of inbreng belongs to a held session.

Sessions and action points are reached through the opgave's thematafels as their ids in
the link table (``_tafels``), not by joining the thematafels themselves: PostgreSQL spent
5 ms planning the hub's one query of these figures, eight times what running it took.
"""

from django.db.models import OuterRef, QuerySet
from django.utils import timezone

from core.aantal import aantal
from opgaven.models import Opgave

from .models import (
    Actiepunt,
    Afspraak,
    AfspraakStatus,
    Bijeenkomst,
    Inbreng,
    Signaal,
    SignaalStatus,
    Terugkoppeling,
    Thematafel,
    Vervolgactie,
)


def _tafels():
    """The ids of the thematafels of the opgave two levels out (inside an ``aantal``)."""
    koppeling = Thematafel.opgaven.through.objects
    return koppeling.filter(opgave=OuterRef(OuterRef("pk"))).values("thematafel_id")


def met_participatiecijfers(opgaven: QuerySet[Opgave], nu=None) -> QuerySet[Opgave]:
    """``n_bijeenkomsten`` (held), ``n_inbreng`` and ``n_teruggekoppeld`` per opgave, one
    subquery each, whatever the number of sessions."""
    inbreng = Inbreng.objects.filter(bijeenkomst__thematafel_id__in=_tafels())
    return opgaven.annotate(
        n_bijeenkomsten=aantal(
            Bijeenkomst.objects.gehouden(nu).filter(thematafel_id__in=_tafels())
        ),
        n_inbreng=aantal(inbreng),
        n_teruggekoppeld=aantal(inbreng.exclude(terugkoppeling=Terugkoppeling.OPEN)),
    )


def met_open_acties(opgaven: QuerySet[Opgave], vandaag=None) -> QuerySet[Opgave]:
    """Open actions per opgave, one subquery each: commitments (``n_afspraken``, of which
    ``n_te_laat`` past their date), follow-ups of contacts (``n_vervolgacties``) and action
    points of sessions (``n_actiepunten``). Their sum is ``open_acties``: a sum in SQL would
    run the three subqueries a second time."""
    vandaag = vandaag or timezone.localdate()
    afspraken = Afspraak.objects.filter(opgave=OuterRef("pk"), status=AfspraakStatus.OPEN)
    return opgaven.annotate(
        n_afspraken=aantal(afspraken),
        n_te_laat=aantal(afspraken.filter(deadline__lt=vandaag)),
        n_vervolgacties=aantal(
            Vervolgactie.objects.filter(contactmoment__opgave=OuterRef("pk"), afgerond=False)
        ),
        n_actiepunten=aantal(
            Actiepunt.objects.open().filter(bijeenkomst__thematafel_id__in=_tafels())
        ),
    )


def open_acties(cijfers) -> int:
    """The open actions of one opgave's figures (``met_open_acties``): the three together."""
    return cijfers.n_afspraken + cijfers.n_vervolgacties + cijfers.n_actiepunten


def met_open_werk(opgaven: QuerySet[Opgave], vandaag=None) -> QuerySet[Opgave]:
    """What still waits per opgave: the open actions (``met_open_acties``) and new signals
    (``n_signalen``)."""
    return met_open_acties(opgaven, vandaag).annotate(
        n_signalen=aantal(Signaal.objects.filter(opgave=OuterRef("pk"), status=SignaalStatus.NIEUW))
    )
