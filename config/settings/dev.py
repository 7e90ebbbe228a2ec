"""Development: debug on, embedded defaults, demo data allowed."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-not-secret-change-me-in-production")
os.environ.setdefault("OPGAVENREGIE_DEMODATA", "true")
# The demo logins work without a second step; set MFA_REQUIRED_ROLES to try it.
os.environ.setdefault("MFA_REQUIRED_ROLES", "")
# Links in mails and feeds point at the development server (`make run`).
os.environ.setdefault("OPGAVENREGIE_URL", "http://127.0.0.1:8000")

from .base import *  # noqa: F403
from .base import MAIL_IN_BESTANDEN

if not os.environ.get("EMAIL_HOST"):
    MAILERS = MAIL_IN_BESTANDEN
