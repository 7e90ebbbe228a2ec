import rules

from accounts.rules import is_beheerder

rules.add_perm("core.change_huisstijl", is_beheerder)
