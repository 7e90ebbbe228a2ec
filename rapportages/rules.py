import rules

from accounts.rules import is_ambtelijk, is_beheerder, is_opgaveregisseur
from opgaven.rules import kan_opgave_bewerken


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
rules.add_perm("rapportages.view_rapportage", is_beheerder | is_aanvrager)

# Anyone who reads the register may export it; contact details follow the same rule as on screen.
rules.add_perm("rapportages.add_export", is_ambtelijk)
