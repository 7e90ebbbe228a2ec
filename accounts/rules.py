"""Role predicates shared by every app."""

import rules
from django.utils.translation import gettext_lazy as _

from core.http import weigering

from .models import Rol


def _has_rol(rol: str):
    @rules.predicate(name=f"heeft_rol_{rol}")
    def predicate(user) -> bool:
        return user.is_authenticated and user.is_active and getattr(user, "rol", None) == rol

    return predicate


is_beheerder = _has_rol(Rol.BEHEERDER)
is_bestuurder = _has_rol(Rol.BESTUURDER)
is_opgaveregisseur = _has_rol(Rol.OPGAVEREGISSEUR)
is_teamlid = _has_rol(Rol.TEAMLID)
is_medewerker = _has_rol(Rol.MEDEWERKER)
is_partner = _has_rol(Rol.PARTNER)
is_raadslid = _has_rol(Rol.RAADSLID)

is_ingelogd = rules.is_authenticated & rules.is_active
# The municipality's own people. Raadsleden only receive published reports; partners (from
# external organisations) work only inside the opgaven whose team they are on.
is_ambtelijk = is_ingelogd & ~is_raadslid & ~is_partner

# The kernel (core) knows no roles; the municipality's branding is set by the beheerder.
rules.add_perm("core.change_huisstijl", is_beheerder)
# People and their roles: invite, change role, switch off, the access review.
rules.add_perm("accounts.manage_gebruikers", is_beheerder)
# The security log kept in the app (Beheer > Beveiligingslog): the beheerder looks at it.
rules.add_perm("accounts.view_beveiligingslog", is_beheerder)
# Integrations with the API (a token each): made and revoked by the beheerder.
rules.add_perm("accounts.manage_koppelingen", is_beheerder)

weigering("core.change_huisstijl", _("Alleen de beheerder stelt de huisstijl in."))
weigering("accounts.manage_gebruikers", _("Alleen de beheerder beheert gebruikers en rollen."))
weigering("accounts.view_beveiligingslog", _("Alleen de beheerder bekijkt het beveiligingslog."))
weigering("accounts.manage_koppelingen", _("Alleen de beheerder beheert koppelingen met de API."))
