"""Tests: the same services as production (real PostgreSQL, real broker), faster hashing."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("OPGAVENREGIE_DEMODATA", "true")
# The demo logins work without a second step; set MFA_REQUIRED_ROLES to try it.
os.environ.setdefault("MFA_REQUIRED_ROLES", "")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("OPGAVENREGIE_URL", "http://testserver")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
os.environ.setdefault(
    "OPGAVENREGIE_VAR_DIR",
    str(__import__("pathlib").Path(__file__).resolve().parents[2] / "var" / "test"),
)

from .base import *  # noqa: F403
from .base import MAIL_IN_BESTANDEN, VAR_DIR

MAILERS = MAIL_IN_BESTANDEN

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
