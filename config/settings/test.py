"""Tests: the same services as production (real PostgreSQL, real broker), faster hashing."""

import os
from pathlib import Path

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
# Each test gets a media folder of its own (tests/conftest.py, eigen_media); a worker process
# a test starts is told the test's folder through DJANGO_MEDIA_ROOT.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
