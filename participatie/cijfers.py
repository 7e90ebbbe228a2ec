"""Participation figures per opgave: one source for the screens and the council report.

A session counts as *held* when it has started, or when something was recorded on it
(inbreng, or who came): a session whose date was moved ahead after it took place still
counts, and its inbreng with it. Inbreng itself is accepted only on a session that has
started (InbrengForm), so every piece of inbreng belongs to a held session.
"""

from django.db.models import OuterRef, QuerySet

from core.aantal import aantal
from opgaven.models import Opgave

from .models import Bijeenkomst, Inbreng, Terugkoppeling


def met_participatiecijfers(opgaven: QuerySet[Opgave], nu=None) -> QuerySet[Opgave]:
    """``n_bijeenkomsten`` (held), ``n_inbreng`` and ``n_teruggekoppeld`` per opgave, one
    subquery each, whatever the number of sessions."""
    inbreng = Inbreng.objects.filter(bijeenkomst__thematafel__opgaven=OuterRef("pk"))
    return opgaven.annotate(
        n_bijeenkomsten=aantal(
            Bijeenkomst.objects.gehouden(nu).filter(thematafel__opgaven=OuterRef("pk"))
        ),
        n_inbreng=aantal(inbreng),
        n_teruggekoppeld=aantal(inbreng.exclude(terugkoppeling=Terugkoppeling.OPEN)),
    )
