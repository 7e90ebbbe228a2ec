"""The opgave as a workspace: on each of its pages the same header (title, fase,
voortgang, prioriteit, regisseur, and what higher apps add there: the next P&C deadline,
open actions) and the sub-navigation to its parts, each a page with its own URL.

A part another app owns (its stakeholders, the canvas) registers its tab in its
``AppConfig.ready`` (``core.secties.Tabblad``) and builds its page on
``opgaven/werkruimte.html`` with ``werkruimte(request, opgave, "canvas")`` in its context.
The header reloads itself after every change on the page (``OPGAVE_GEWIJZIGD``), so what
it shows is never stale. Its sections get the page they head as ``tab`` (the overview
shares its figures with the header)."""

from core import secties

from .models import Opgave


def werkruimte(request, opgave: Opgave, actief: str) -> dict:
    """What the workspace template needs around the page of part ``actief``."""
    return {
        "opgave": opgave,
        "tabbladen": secties.tabbladen(request, "opgave", opgave),
        "actief_tabblad": actief,
        "kop_secties": secties.render_secties(request, "opgave-kop", opgave=opgave, tab=actief),
    }
