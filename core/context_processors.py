from django.conf import settings


def gemeente(request):
    return {"gemeente_naam": settings.GEMEENTE_NAAM}
