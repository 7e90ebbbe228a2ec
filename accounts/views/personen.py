"""The searchable person choice (``core.forms.Zoekkeuze``) that forms across the apps offer."""

from django.http import HttpResponse

from core.forms import zoektekst
from core.htmx import zoekkeuze_opties

from ..models import User, UserQuerySet


def persoon_opties(request, kandidaten: UserQuerySet | None = None) -> HttpResponse:
    """The options for what was typed: people who can take on work (``ambtelijk``, of
    ``kandidaten`` where given) with every word in a name, login, e-mail or organisation,
    each with their role. The caller has checked that the user may choose a person here."""
    if kandidaten is None:
        kandidaten = User.objects.all()
    gevonden = kandidaten.ambtelijk().zoek(zoektekst(request))
    return zoekkeuze_opties(request, gevonden, toelichting=lambda u: u.get_rol_display())
