"""The canvas on paper: one A3 landscape page, through the one safe PDF helper."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.models import Huisstijl
from opgaven.models import Opgave

from .models import Blok


def canvas_pdf(*, opgave: Opgave, stand: str, items: list[dict]) -> bytes:
    """``items`` as a snapshot (``CanvasItemQuerySet.momentopname`` or a frozen version)."""
    # WeasyPrint takes seconds to import: only a process that renders a PDF loads it.
    from core.pdf import render_pdf_op_een_pagina, static_css

    huisstijl = Huisstijl.huidige()
    per_blok: dict[str, list[dict]] = {code: [] for code in Blok.values}
    for item in sorted(items, key=lambda i: (i["volgorde"], i["id"])):
        per_blok.setdefault(item["blok"], []).append(item)
    blokken = [
        {"code": code, "label": label, "items": per_blok[code]} for code, label in Blok.choices
    ]
    html = render_to_string(
        "canvas/pdf/canvas.html",
        {
            "opgave": opgave,
            "stand": stand,
            # Two rows of five blocks, in canvas order.
            "rijen": [blokken[:5], blokken[5:]],
            "gemeente": huisstijl.naam,
            "logo": huisstijl.logo_data_uri(),
            "gemaakt_op": timezone.now(),
        },
    )
    return render_pdf_op_een_pagina(html, static_css("css/pdf-fonts.css", "css/canvas-a3.css"))
