import datetime

import factory
from django.utils import timezone

from participatie.models import (
    Actiepunt,
    Betrokkenheid,
    BetrokkenheidRol,
    Bijeenkomst,
    Inbreng,
    InbrengSoort,
    Publicatie,
    Signaal,
    Stakeholder,
    StakeholderSoort,
    Thematafel,
    Vorm,
)
from tests import hostile
from tests.accounts.factories import UserFactory
from tests.opgaven.factories import OpgaveFactory


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    naam = factory.Sequence(lambda n: f"Stichting {n} {hostile.SCRIPT} {hostile.FORMULA}")
    soort = StakeholderSoort.MAATSCHAPPELIJKE_ORGANISATIE


class PersoonFactory(StakeholderFactory):
    """A resident in the register, with what the AVG asks of a person: a ground, a purpose
    and a retention date."""

    vorm = Vorm.PERSOON
    soort = StakeholderSoort.INWONER
    grondslag = "publieke_taak"
    doel = "Thematafel"
    bewaren_tot = datetime.date(2030, 1, 1)


class BetrokkenheidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betrokkenheid

    opgave = factory.SubFactory(OpgaveFactory)
    stakeholder = factory.SubFactory(StakeholderFactory)
    rol = BetrokkenheidRol.PARTNER
    invloed = 4
    belang = 2


class ThematafelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thematafel
        skip_postgeneration_save = True

    thema = factory.Sequence(lambda n: f"Samen ouder worden {n} {hostile.SCRIPT}")
    doel = hostile.text("Doel")

    @factory.post_generation
    def opgaven(self, create, extracted, **kwargs):
        if create and extracted:
            self.opgaven.set(extracted)


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    thematafel = factory.SubFactory(ThematafelFactory)
    begint_op = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    eindigt_op = factory.LazyAttribute(lambda o: o.begint_op + datetime.timedelta(hours=2))
    locatie = f"Dorpshuis De Kern {hostile.IMG}"
    agenda = hostile.text("Agenda")


class InbrengFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inbreng

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    soort = InbrengSoort.IDEE
    tekst = factory.Sequence(lambda n: f"Inbreng {n} {hostile.text()}")


class ActiepuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actiepunt

    bijeenkomst = factory.SubFactory(BijeenkomstFactory)
    omschrijving = factory.Sequence(lambda n: f"Actie {n} {hostile.FORMULA}")
    eigenaar = factory.SubFactory(UserFactory)
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signaal

    opgave = factory.SubFactory(OpgaveFactory)
    titel = factory.Sequence(lambda n: f"Signaal {n} {hostile.SCRIPT}")
    beschrijving = hostile.text("Praktijk")
    ingediend_door = factory.SubFactory(UserFactory, rol="medewerker")


class PublicatieFactory(factory.django.DjangoModelFactory):
    """An opgave's page for residents, published, with hostile text in every field."""

    class Meta:
        model = Publicatie

    opgave = factory.SubFactory(OpgaveFactory)
    slug = factory.Sequence(lambda n: f"opgave-{n}")
    titel = factory.Sequence(lambda n: hostile.text(f"Meedoen {n}")[:120])
    tekst = hostile.text("Waar het over gaat")
    contact = f"Team {hostile.IMG} info@gemeente.example"
    gepubliceerd = True
