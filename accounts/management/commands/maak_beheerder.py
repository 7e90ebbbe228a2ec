"""The first beheerder of a fresh installation (or make an existing account beheerder).

    manage.py maak_beheerder naam@gemeente.nl --url https://opgavenregie.gemeente.nl

prints a one-time link (valid 72 hours) to choose a password: no password passes through
the shell or its history. After that the beheerder invites everyone else in the app.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from accounts.mail import wachtwoord_link
from accounts.models import Rol, User
from core.security_log import log_event


class Command(BaseCommand):
    help = (
        "Maakt een beheerder aan (of maakt een bestaand account beheerder) en toont een "
        "link om een wachtwoord te kiezen."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--voornaam", default="")
        parser.add_argument("--achternaam", default="")
        parser.add_argument(
            "--url",
            default=(settings.CSRF_TRUSTED_ORIGINS or ["http://127.0.0.1:8000"])[0],
            help="Het adres van de app, voor de link (standaard: het eerste van "
            "DJANGO_CSRF_TRUSTED_ORIGINS).",
        )

    def handle(self, *args, email, voornaam, achternaam, url, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as fout:
            raise CommandError(f"Geen geldig e-mailadres: {email}") from fout
        with transaction.atomic():
            user = (
                User.objects.filter(username__iexact=email).first()
                or User.objects.filter(email__iexact=email).first()
            )
            nieuw = user is None
            if nieuw:
                user = User(username=email, email=email)
                user.set_unusable_password()
            user.first_name = voornaam or user.first_name
            user.last_name = achternaam or user.last_name
            user.rol = Rol.BEHEERDER
            user.is_active = True
            user.save()
        log_event("maak_beheerder", obj=f"gebruiker:{user.pk}")
        self.stdout.write(
            f"{'Nieuwe' if nieuw else 'Bestaand'} beheerder: {user.username}.\n"
            "Kies binnen 72 uur een wachtwoord via deze link (hij werkt één keer):\n"
            f"{wachtwoord_link(user, url)}"
        )
