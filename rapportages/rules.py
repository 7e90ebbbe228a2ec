import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import (
    is_ambtelijk,
    is_beheerder,
    is_bestuurder,
    is_opgaveregisseur,
    is_partner,
)
from core.http import weigering
from opgaven.rules import (
    is_partner_in_team,
    is_portefeuillehouder_van,
    is_regisseur_van,
    kan_opgave_bewerken,
)


@rules.predicate
def is_aanvrager(user, rapportage) -> bool:
    return rapportage is not None and rapportage.aangevraagd_door_id == user.pk


@rules.predicate
def is_alle_opgaven(user, opgave) -> bool:
    return opgave is None


# A report of one opgave: its team. A report of all opgaven: beheerder or a regisseur.
rules.add_perm(
    "rapportages.add_rapportage",
    (is_alle_opgaven & (is_beheerder | is_opgaveregisseur))
    | (~is_alle_opgaven & kan_opgave_bewerken),
)


@rules.predicate
def is_gepubliceerd(user, rapportage) -> bool:
    return rapportage is not None and rapportage.gepubliceerd_op is not None


@rules.predicate
def mag_rapport_vaststellen(user, rapportage) -> bool:
    """What goes to the council the college vaststelt: a report of all opgaven any
    bestuurder, a report of one opgave the bestuurder in whose portefeuille it is."""
    if rapportage is None:
        return False
    if rapportage.opgave_id is None:
        return is_bestuurder(user)
    return is_portefeuillehouder_van(user, rapportage.opgave)


@rules.predicate
def van_eigen_opgave(user, rapportage) -> bool:
    return (
        rapportage is not None
        and rapportage.opgave_id is not None
        and kan_opgave_bewerken(user, rapportage.opgave)
    )


@rules.predicate
def van_opgave_als_partner(user, rapportage) -> bool:
    return (
        rapportage is not None
        and rapportage.opgave_id is not None
        and is_partner_in_team(user, rapportage.opgave)
    )


# Mirrors RapportageQuerySet.visible_to: a partner reads the published reports of their own
# opgaven only; everyone else what has been published, and their own work.
rules.add_perm(
    "rapportages.view_rapportage",
    is_beheerder
    | is_bestuurder
    | is_aanvrager
    | van_eigen_opgave
    | (is_gepubliceerd & (van_opgave_als_partner | ~is_partner)),
)
rules.add_perm("rapportages.vaststellen_rapportage", mag_rapport_vaststellen)

# Anyone who reads the register may export it; contact details follow the same rule as on screen.
rules.add_perm("rapportages.add_export", is_ambtelijk)

# A contribution to a P&C moment is written by the opgave's team; its regisseur gives the
# ambtelijk akkoord, the bestuurder whose portefeuille holds the opgave the bestuurlijk
# akkoord (which locks it). That bestuurder or the beheerder reopens it, with a reason.
rules.add_perm("rapportages.change_bijdrage", kan_opgave_bewerken)
rules.add_perm("rapportages.ambtelijk_akkoord_bijdrage", is_ambtelijk & is_regisseur_van)
rules.add_perm("rapportages.bestuurlijk_akkoord_bijdrage", is_portefeuillehouder_van)
rules.add_perm("rapportages.heropenen_bijdrage", is_beheerder | is_portefeuillehouder_van)
rules.add_perm("rapportages.add_pcmoment", is_beheerder)

# What a refused user reads (core.http.weigering): who may do this.
for _perm, _reden in {
    "rapportages.add_rapportage": _(
        "Een rapportage van een opgave maakt het opgaveteam; een rapportage van alle opgaven "
        "maken de opgaveregisseurs en de beheerder."
    ),
    "rapportages.view_rapportage": _("Deze rapportage is (nog) niet voor u."),
    "rapportages.vaststellen_rapportage": _(
        "Een rapportage voor de raad stelt het college vast: een rapportage van alle opgaven "
        "een bestuurder, een rapportage van een opgave de portefeuillehouder."
    ),
    "rapportages.add_export": _("Exporteren is er voor medewerkers van de gemeente."),
    "rapportages.change_bijdrage": _("Alleen het opgaveteam schrijft de bijdrage van deze opgave."),
    "rapportages.ambtelijk_akkoord_bijdrage": _(
        "Ambtelijk akkoord op een bijdrage geeft de opgaveregisseur."
    ),
    "rapportages.bestuurlijk_akkoord_bijdrage": _(
        "Bestuurlijk akkoord geeft de bestuurder in wiens portefeuille de opgave zit."
    ),
    "rapportages.heropenen_bijdrage": _(
        "Een bijdrage met akkoord heropenen de portefeuillehouder en de beheerder."
    ),
    "rapportages.add_pcmoment": _("Alleen de beheerder beheert de P&C-kalender."),
}.items():
    weigering(_perm, _reden)


@rules.predicate
def is_team_van_motie(user, motie) -> bool:
    """On the team of an opgave the motie concerns (or the beheerder)."""
    if motie is None:
        return False
    return is_beheerder(user) or any(kan_opgave_bewerken(user, o) for o in motie.opgaven.all())


# The griffie's list is kept by the beheerder; the stand is reported by the opgave's team.
rules.add_perm("rapportages.add_motie", is_beheerder)
rules.add_perm("rapportages.change_motie_stand", is_ambtelijk & is_team_van_motie)
weigering("rapportages.add_motie", _("Moties en toezeggingen registreert de beheerder."))
weigering(
    "rapportages.change_motie_stand",
    _("De stand van een motie meldt het team van een opgave die de motie raakt."),
)
