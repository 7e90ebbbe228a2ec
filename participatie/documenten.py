"""The terugkoppeling document for participants, through the one safe PDF helper.

``terugkoppeling_bron`` is cheap (a template); ``terugkoppeling_pdf`` lays it out and runs
in a worker (rapportages.Document), never in a web request.
"""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from core.models import Huisstijl
from core.pdfbron import Bron, static_css

from .models import Inbreng, Thematafel

CSS = ("css/pdf-fonts.css", "css/rapport.css")


def terugkoppeling_bron(*, thematafel: Thematafel) -> Bron:
    """What participants brought in at each session and what was done with it.

    Residents are named only with their recorded consent (participatie.openbaar): participants
    get the answers, not each other's identities.
    """
    huisstijl = Huisstijl.huidige()
    bijeenkomsten = thematafel.bijeenkomsten.gehouden().prefetch_related(
        Prefetch("inbreng", queryset=Inbreng.objects.select_related("stakeholder", "canvas_item")),
        "actiepunten",
        "aanwezig",
    )
    html = render_to_string(
        "participatie/pdf/terugkoppeling.html",
        {
            "thematafel": thematafel,
            "opgaven": thematafel.opgaven.order_by("titel"),
            "bijeenkomsten": bijeenkomsten,
            "gemeente": huisstijl.naam,
            "logo": huisstijl.logo_data_uri(),
            "gemaakt_op": timezone.now(),
        },
    )
    return Bron(html, static_css(*CSS))


def terugkoppeling_pdf(bron: Bron) -> bytes:
    # WeasyPrint takes seconds to import: only a process that renders a PDF loads it.
    from core.pdf import render_pdf

    return render_pdf(bron.html, bron.css)
