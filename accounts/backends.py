"""Signing in with a username and password: Django's ModelBackend without its permission
tables. Every permission comes from the role rules (``rules``' ObjectPermissionBackend,
accounts/rules.py and docs/security.md); nobody holds a permission in the database, so a
permission the rules refuse (the menu asks for a few on every page) costs no queries."""

from django.contrib.auth.backends import ModelBackend


class WachtwoordBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None) -> set:
        return set()
