from .models import Huisstijl


def gemeente(request):
    huisstijl = Huisstijl.huidige()
    return {"gemeente_naam": huisstijl.naam, "huisstijl": huisstijl}
