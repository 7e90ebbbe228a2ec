import factory

from opgaven.models import Fase, Gebied, GebiedSoort, Opgave, Schaal
from tests import hostile
from tests.accounts.factories import UserFactory


class GebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebied

    naam = factory.Sequence(lambda n: f"Kern {n} {hostile.SCRIPT}")
    soort = GebiedSoort.KERN


class OpgaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opgave

    titel = factory.Sequence(lambda n: f"Opgave {n} {hostile.IMG} {hostile.DUTCH}")
    maatschappelijke_bedoeling = factory.LazyFunction(lambda: hostile.text("Bedoeling"))
    schaal = Schaal.GEMEENTE
    fase = Fase.VERKENNEN
    opgaveregisseur = factory.SubFactory(UserFactory, rol="opgaveregisseur")
