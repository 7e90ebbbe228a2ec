"""The canvas on paper: one A3 landscape page, through the one safe PDF helper.

``canvas_bron`` is cheap (a template); ``canvas_pdf`` lays it out and runs in a worker
(rapportages.Document), never in a web request.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Huisstijl
from core.pdfbron import Bron, static_css
from opgaven.models import Opgave

from .begroting import van_opgave
from .models import Blok, CanvasVersie, in_zones

CSS = ("css/pdf-fonts.css", "css/canvas-a3.css")


def canvas_bron(*, opgave: Opgave, versie: CanvasVersie | None = None) -> Bron:
    """The canvas as it is now, or a frozen ``versie`` of it."""
    if versie is None:
        stand, items = _("Huidige stand"), opgave.canvas_items.momentopname()
    else:
        stand, items = _("Versie: %(naam)s") % {"naam": versie.naam}, versie.items
    huisstijl = Huisstijl.huidige()
    per_blok: dict[str, list[dict]] = {code: [] for code in Blok.values}
    for item in sorted(items, key=lambda i: (i["volgorde"], i["id"])):
        per_blok.setdefault(item["blok"], []).append(item)
    zones = in_zones(lambda b: {"code": b, "label": Blok(b).label, "items": per_blok[b]})
    html = render_to_string(
        "canvas/pdf/canvas.html",
        {
            "opgave": opgave,
            "stand": stand,
            # As on screen: why, for whom, what; then how and what it costs (5 + 5 blocks).
            "rijen": [zones[:3], zones[3:]],
            # The amounts of "Wat het kost" from the begroting; a version keeps only texts.
            "begroting": van_opgave(opgave) if versie is None else None,
            "gemeente": huisstijl.naam,
            "logo": huisstijl.logo_data_uri(),
            "gemaakt_op": timezone.now(),
        },
    )
    return Bron(html, static_css(*CSS))


def canvas_pdf(bron: Bron) -> bytes:
    # WeasyPrint takes seconds to import: only a process that renders a PDF loads it.
    from core.pdf import render_pdf_op_een_pagina

    return render_pdf_op_een_pagina(bron.html, bron.css)
