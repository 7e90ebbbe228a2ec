"""The provider's people (with their groups) and the app registered as its client."""

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("--redirect-uri", required=True)
        parser.add_argument("--logout-uri", required=True)
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--client-secret", required=True)

    def handle(self, *args, **opts):
        for naam, email, groepen in [
            ("fatima", "fatima.bouali@maasdal.example", ["GG-Opgavenregie-Regisseurs"]),
            ("ruud", "ruud.smit@maasdal.example", ["GG-Personeel"]),  # no role in the app
        ]:
            user, _ = User.objects.get_or_create(
                username=naam,
                defaults={"email": email, "first_name": naam.title(), "last_name": "Test"},
            )
            user.set_password("provider-wachtwoord")
            user.save()
            user.groups.set([Group.objects.get_or_create(name=g)[0] for g in groepen])
        Application.objects.update_or_create(
            client_id=opts["client_id"],
            defaults={
                "name": "Opgavenregie",
                "client_secret": opts["client_secret"],
                "hash_client_secret": False,
                "client_type": Application.CLIENT_CONFIDENTIAL,
                "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
                "redirect_uris": opts["redirect_uri"],
                "post_logout_redirect_uris": opts["logout_uri"],
                "algorithm": Application.RS256_ALGORITHM,
                "skip_authorization": True,
            },
        )
