import rules

from opgaven.rules import kan_opgave_bewerken

# The canvas belongs to its opgave: the team that edits the opgave fills the canvas.
rules.add_perm("canvas.change_canvas", kan_opgave_bewerken)
