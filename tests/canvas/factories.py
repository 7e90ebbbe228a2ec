import factory

from canvas.models import Blok, CanvasItem
from tests import hostile
from tests.opgaven.factories import OpgaveFactory


class CanvasItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CanvasItem

    opgave = factory.SubFactory(OpgaveFactory)
    blok = Blok.BELEIDSDOELEN
    tekst = factory.Sequence(lambda n: f"Item {n}: {hostile.text()}")
    volgorde = factory.Sequence(lambda n: n)
