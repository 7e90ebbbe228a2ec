"""Tells the canvas which of its items came from inbreng (see canvas.herkomst)."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from canvas.herkomst import Herkomst

from .models import Inbreng


def uit_inbreng(items) -> dict[int, Herkomst]:
    """For each item taken over from inbreng: the thematafel and session it came from."""
    inbreng = Inbreng.objects.filter(canvas_item__in=[i.pk for i in items]).select_related(
        "bijeenkomst__thematafel"
    )
    return {
        i.canvas_item_id: Herkomst(
            label=_("Uit de inbreng van thematafel %(thema)s (%(datum)s)")
            % {
                "thema": i.bijeenkomst.thematafel.thema,
                "datum": formats.date_format(timezone.localtime(i.bijeenkomst.begint_op), "j F Y"),
            },
            url=i.get_absolute_url(),
        )
        for i in inbreng
    }
