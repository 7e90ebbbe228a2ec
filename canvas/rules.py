import rules
from django.utils.translation import gettext_lazy as _

from core.http import weigering
from opgaven.rules import is_partner_in_team, kan_opgave_bewerken

# The canvas belongs to its opgave: its team fills it, partners on the team included.
rules.add_perm("canvas.change_canvas", kan_opgave_bewerken | is_partner_in_team)

weigering(
    "canvas.change_canvas",
    _("Alleen het opgaveteam (met de partners daarin) bewerkt het canvas van deze opgave."),
)
