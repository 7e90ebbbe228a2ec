"""Signing in with a username and password: Django's ModelBackend without its permission
tables. Every permission comes from the role rules (``rules``' ObjectPermissionBackend,
accounts/rules.py and docs/security.md); nobody holds a permission in the database, so a
permission the rules refuse (the menu asks for a few on every page) costs no queries."""

from django.contrib.auth.backends import ModelBackend

from .models import User


class WachtwoordBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set:
        return set()

    def get_user(self, user_id):
        """The user of a request, with the header's count of unread meldingen."""
        user = User.objects.met_ongelezen().filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
