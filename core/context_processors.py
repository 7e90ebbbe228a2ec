from django.conf import settings

from .models import Huisstijl


def gemeente(request):
    huisstijl = Huisstijl.huidige()
    return {
        "gemeente_naam": huisstijl.naam,
        "huisstijl": huisstijl,
        # The warning before a session ends for lack of activity (static/js/sessie.js).
        "sessie_idle": settings.SESSION_IDLE_SECONDS,
        "sessie_waarschuwing": min(120, settings.SESSION_IDLE_SECONDS // 4),
    }
