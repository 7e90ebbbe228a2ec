import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import is_ambtelijk, is_beheerder, is_bestuurder, is_opgaveregisseur, is_partner
from core.http import weigering


@rules.predicate
def is_regisseur_van(user, opgave) -> bool:
    return opgave is not None and user.is_authenticated and opgave.opgaveregisseur_id == user.pk


@rules.predicate
def is_teamlid_van(user, opgave) -> bool:
    return opgave is not None and opgave.heeft_teamlid(user)


@rules.predicate
def is_portefeuillehouder_van(user, opgave) -> bool:
    """A bestuurder whose portefeuille holds the opgave (or who holds all of them)."""
    return (
        opgave is not None
        and is_bestuurder(user)
        and (user.portefeuille_alle or opgave.portefeuillehouder_id == user.pk)
    )


# Who may change an opgave also changes what belongs to it (canvas, betrokkenheden):
# other apps import this predicate instead of repeating it.
kan_opgave_bewerken = is_ambtelijk & (is_beheerder | is_regisseur_van | is_teamlid_van)
# A partner on the team works along on the canvas and at the sessions, nothing more.
is_partner_in_team = is_partner & is_teamlid_van

# Every opgave, and the overviews across them: the municipality's own people.
rules.add_perm("opgaven.view_opgave", is_ambtelijk)
# A partner reads the opgaven whose team they are on, and nothing across opgaven.
rules.add_perm("opgaven.view_eigen_opgaven", is_partner)
# What the municipality thinks of stakeholders (positions, contacts) stays in the municipality,
# also in an opgave's history.
rules.add_perm("opgaven.view_vertrouwelijk", is_ambtelijk)
rules.add_perm("opgaven.add_opgave", is_beheerder | is_opgaveregisseur)
rules.add_perm("opgaven.change_opgave", kan_opgave_bewerken)
# The priority is the bestuurder's decision, on a proposal of the opgave's regisseur.
rules.add_perm("opgaven.change_prioriteit", is_bestuurder)
rules.add_perm("opgaven.voorstellen_prioriteit", is_ambtelijk & is_regisseur_van)
# The order of the beleidsagenda is the college's: the bestuurder sets it.
rules.add_perm("opgaven.change_agenda", is_bestuurder)
rules.add_perm("opgaven.manage_referentielijsten", is_beheerder)
# Who is on the team is decided by whoever directs the opgave (or the beheerder).
rules.add_perm("opgaven.change_team", is_ambtelijk & (is_beheerder | is_regisseur_van))

# What a refused user reads (core.http.weigering): who may do this.
for _perm, _reden in {
    "opgaven.view_opgave": _(
        "Alle opgaven en de overzichten daarover zijn er voor medewerkers van de gemeente."
    ),
    "opgaven.view_eigen_opgaven": _("Alleen partners in een opgaveteam zien hun opgaven."),
    "opgaven.view_vertrouwelijk": _("Dit is alleen voor medewerkers van de gemeente."),
    "opgaven.add_opgave": _("Alleen opgaveregisseurs en de beheerder voegen opgaven toe."),
    "opgaven.change_opgave": _(
        "Alleen het opgaveteam, de opgaveregisseur en de beheerder wijzigen deze opgave."
    ),
    "opgaven.change_agenda": _("De volgorde van de beleidsagenda bepaalt de bestuurder."),
    "opgaven.change_prioriteit": _(
        "De prioriteit stelt de bestuurder vast; de opgaveregisseur doet een voorstel."
    ),
    "opgaven.voorstellen_prioriteit": _(
        "Een prioriteit voorstellen doet de opgaveregisseur van deze opgave; de bestuurder besluit."
    ),
    "opgaven.manage_referentielijsten": _("Alleen de beheerder beheert de referentielijsten."),
    "opgaven.change_team": _(
        "Alleen de opgaveregisseur en de beheerder stellen het opgaveteam samen."
    ),
}.items():
    weigering(_perm, _reden)
