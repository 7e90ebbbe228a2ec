"""What rapportages puts in a person's calendar feed (core.agenda): the deadlines of the
P&C moments, for the municipality's people who direct or work on an opgave (its bijdrage
is due then)."""

from collections.abc import Iterable

import icalendar
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import Rol
from core.agenda import dag
from opgaven.models import Opgave

from .models import PcMoment


def deadlines(user, vanaf) -> Iterable[icalendar.Event]:
    # Partners work along on an opgave; its bijdragen are the municipality's to write.
    if user.rol == Rol.PARTNER:
        return
    if not Opgave.objects.filter(Q(opgaveregisseur=user) | Q(teamleden=user)).exists():
        return
    for moment in PcMoment.objects.filter(deadline__gte=vanaf):
        yield dag(
            f"pc-moment-{moment.pk}",
            moment.deadline,
            _("Deadline bijdragen: %(moment)s") % {"moment": moment},
            moment.get_absolute_url(),
            moment.updated_at,
        )
