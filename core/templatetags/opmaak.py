"""Dutch formats that do not depend on USE_THOUSAND_SEPARATOR, and the data table."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils.html import format_html

from core import rijke_tekst

register = template.Library()


@register.filter
def euro(bedrag) -> str:
    """€ 1.234,56 (exact for Decimal; empty for None)."""
    if bedrag is None or bedrag == "":
        return ""
    return f"€\u00a0{floatformat(Decimal(bedrag), '2g')}"


@register.filter
def euro_kort(bedrag) -> str:
    """€ 660.000: whole euros, for an axis or a summary."""
    if bedrag is None or bedrag == "":
        return ""
    return f"€\u00a0{floatformat(Decimal(bedrag), '0g')}"


@register.filter
def getal(waarde) -> str:
    """1.234,5: a number in Dutch, rounded to at most two decimals and without trailing
    zeros (46,5; 48; 1.200); empty for None. The one formatter for numbers in every output."""
    if waarde is None or waarde == "":
        return ""
    bedrag = Decimal(str(waarde)).quantize(Decimal("0.01"))
    decimalen = max(0, -bedrag.normalize().as_tuple().exponent)
    return floatformat(bedrag, f"{decimalen}g")


@register.filter
def procent(waarde) -> str:
    """48,5 % (a no-break space before the sign, as Dutch style guides write it)."""
    tekst = getal(waarde)
    return f"{tekst}\u00a0%" if tekst else ""


@register.filter
def met_eenheid(waarde, eenheid: str) -> str:
    """5 kernen, 46,5 %, 7,2 rapportcijfer: a measured value with its unit, in Dutch."""
    tekst = getal(waarde)
    if not tekst or not eenheid:
        return tekst
    return f"{tekst}\u00a0{eenheid}"


@register.filter
def breekbaar(tekst) -> str:
    """The text with break opportunities inside very long words, for PDFs
    (core.rijke_tekst.breekbaar)."""
    if not tekst:
        return tekst
    return rijke_tekst.breekbaar(str(tekst))


@register.filter
def markdown(tekst) -> str:
    """Text typed with a little Markdown as clean HTML, the same on every page and in every
    PDF (core.rijke_tekst)."""
    return rijke_tekst.als_html(str(tekst or ""))


@register.filter
def gebruikte_velden(velden) -> int:
    """How many of these bound fields the request filled in: a folded "Meer filters" opens
    by itself when one of its filters is in use."""
    return sum(1 for veld in velden if veld.data not in (None, "", []))


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
