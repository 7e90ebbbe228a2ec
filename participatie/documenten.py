"""The terugkoppeling document for participants, through the one safe PDF helper."""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from core.models import Huisstijl

from .models import Inbreng, Thematafel


def terugkoppeling_pdf(*, thematafel: Thematafel) -> bytes:
    """What participants brought in at each session and what was done with it.

    Residents are not named: participants get the answers, not each other's identities.
    """
    # WeasyPrint takes seconds to import: only a process that renders a PDF loads it.
    from core.pdf import render_pdf, static_css

    huisstijl = Huisstijl.huidige()
    bijeenkomsten = thematafel.bijeenkomsten.filter(begint_op__lte=timezone.now()).prefetch_related(
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
    return render_pdf(html, static_css("css/pdf-fonts.css", "css/rapport.css"))
