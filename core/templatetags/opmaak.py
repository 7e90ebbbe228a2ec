"""Dutch formats that do not depend on USE_THOUSAND_SEPARATOR, and the data table."""

import re
from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils.html import format_html

register = template.Library()


@register.filter
def euro(bedrag) -> str:
    """€ 1.234,56 (exact for Decimal; empty for None)."""
    if bedrag is None or bedrag == "":
        return ""
    return f"€\u00a0{floatformat(Decimal(bedrag), '2g')}"


# A run of 40 characters without a space, which no column of a PDF can hold.
_LANG_WOORD = re.compile(r"\S{40,}")
ZACHTE_BREEK = "\u200b"  # zero-width space: a place a line may break, invisible in text


@register.filter
def breekbaar(tekst) -> str:
    """The text with a possible line break every 20 characters inside very long words.

    For PDFs: WeasyPrint breaks a word that does not fit a column character by character,
    which takes minutes for a few thousand characters without a space (a pasted link, a
    hostile canvas item); with break opportunities it takes milliseconds.
    """
    if not tekst:
        return tekst
    return _LANG_WOORD.sub(
        lambda m: ZACHTE_BREEK.join(m[0][i : i + 20] for i in range(0, len(m[0]), 20)), str(tekst)
    )


@register.simple_block_tag
def tabel(
    content,
    *kolommen,
    caption,
    leeg="",
    aantal=None,
    getallen="",
    caption_zichtbaar=False,
    klasse="",
    extra=(),
):
    """A data table: the NL Design System markup, a caption, column headings, and the
    empty state instead of an empty table (``leeg`` when ``aantal`` is 0).

    ``{% tabel _("Opgave") _("Begroot") caption=_("...") getallen="2" leeg=_("...")
    aantal=rijen|length %}<tbody>...</tbody>{% endtabel %}``; ``getallen`` numbers the
    columns (from 1) that hold amounts, aligned to the right; ``extra`` adds headings from
    a list (columns other apps registered, core.secties.kolommen).
    """
    if aantal == 0 and leeg:
        return format_html('<p class="utrecht-paragraph">{}</p>', leeg)
    rechts = {int(n) for n in str(getallen).split(",") if n.strip()}
    return render_to_string(
        "components/tabel.html",
        {
            "inhoud": content,
            "caption": caption,
            "caption_zichtbaar": caption_zichtbaar,
            "klasse": klasse,
            "kolommen": [
                (kolom, i in rechts) for i, kolom in enumerate([*kolommen, *extra], start=1)
            ],
        },
    )
