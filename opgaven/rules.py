import rules

from accounts.rules import is_ambtelijk, is_beheerder, is_opgaveregisseur


@rules.predicate
def is_regisseur_van(user, opgave) -> bool:
    return opgave is not None and user.is_authenticated and opgave.opgaveregisseur_id == user.pk


@rules.predicate
def is_teamlid_van(user, opgave) -> bool:
    return opgave is not None and opgave.heeft_teamlid(user)


# Who may change an opgave also changes what belongs to it (canvas, betrokkenheden):
# other apps import this predicate instead of repeating it.
kan_opgave_bewerken = is_ambtelijk & (is_beheerder | is_regisseur_van | is_teamlid_van)

rules.add_perm("opgaven.view_opgave", is_ambtelijk)
rules.add_perm("opgaven.add_opgave", is_beheerder | is_opgaveregisseur)
rules.add_perm("opgaven.change_opgave", kan_opgave_bewerken)
# The order of the beleidsagenda is set by those who steer it.
rules.add_perm("opgaven.change_agenda", is_beheerder | is_opgaveregisseur)
rules.add_perm("opgaven.manage_referentielijsten", is_beheerder)
# Who is on the team is decided by whoever directs the opgave (or the beheerder).
rules.add_perm("opgaven.change_team", is_ambtelijk & (is_beheerder | is_regisseur_van))
