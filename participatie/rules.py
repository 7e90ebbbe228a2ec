import rules

from opgaven.rules import kan_opgave_bewerken

# Betrokkenheden belong to an opgave: whoever may edit the opgave may position its stakeholders.
rules.add_perm("participatie.add_betrokkenheid", kan_opgave_bewerken)
rules.add_perm("participatie.delete_betrokkenheid", kan_opgave_bewerken)
