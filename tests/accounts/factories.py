import factory

from accounts.models import Rol, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Zoë"
    last_name = factory.Sequence(lambda n: f"<b>de Vriës</b> {n}")
    rol = Rol.MEDEWERKER
    password = factory.django.Password("geheim-wachtwoord")
