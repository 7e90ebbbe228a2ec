import factory

from participatie.models import Betrokkenheid, BetrokkenheidRol, Stakeholder, StakeholderSoort
from tests import hostile
from tests.opgaven.factories import OpgaveFactory


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    naam = factory.Sequence(lambda n: f"Stichting {n} {hostile.SCRIPT} {hostile.FORMULA}")
    soort = StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE


class BetrokkenheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betrokkenheid

    opgave = factory.SubFactory(OpgaveFactory)
    stakeholder = factory.SubFactory(StakeholderFactory)
    rol = BetrokkenheidRol.PARTNER
    invloed = 4
    belang = 2
