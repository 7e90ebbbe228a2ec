"""Tests: the same services as production (real PostgreSQL, real broker), faster hashing."""

import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("OPGAVENREGIE_DEMODATA", "true")
# The demo logins work without a second step; set MFA_REQUIRED_ROLES to try it.
os.environ.setdefault("MFA_REQUIRED_ROLES", "")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("OPGAVENREGIE_URL", "http://testserver")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "false")
_VAR_TEST = Path(__file__).resolve().parents[2] / "var" / "test"
os.environ.setdefault("OPGAVENREGIE_VAR_DIR", str(_VAR_TEST))

# pytest-xdist runs the suite in several processes (gw0, gw1, ...). Each gets a folder of
# its own (the file broker, logs) and a Redis database of its own (the broker's queue, the
# API's rate limit), so no process sees, takes or purges another's jobs; its own test
# database is pytest-django's doing (test_<name>_gw0). A worker process a test starts
# inherits the environment, already adjusted (OPGAVENREGIE_TESTPROCES says so).
_proces = os.environ.get("PYTEST_XDIST_WORKER", "")
if _proces and os.environ.get("OPGAVENREGIE_TESTPROCES") != _proces:
    os.environ["OPGAVENREGIE_TESTPROCES"] = _proces
    os.environ["OPGAVENREGIE_VAR_DIR"] = str(_VAR_TEST / _proces)
    if os.environ.get("REDIS_URL"):
        _url = urlsplit(os.environ["REDIS_URL"])
        _db = int(_url.path.strip("/") or 0) + 1 + int(_proces.removeprefix("gw"))
        os.environ["REDIS_URL"] = urlunsplit(_url._replace(path=f"/{_db}"))

from .base import *  # noqa: E402, F403
from .base import MAIL_IN_BESTANDEN, VAR_DIR  # noqa: E402

MAILERS = MAIL_IN_BESTANDEN

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test gets a media folder of its own (tests/conftest.py, eigen_media); a worker process
# a test starts is told the test's folder through DJANGO_MEDIA_ROOT.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT") or VAR_DIR / "media")
# A web process a test starts (uvicorn for the live canvas) serves the static files from
# their sources, as the test's own live server does; nothing is collected.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The header's count of what waits (core.werklijst) in the test process's memory, emptied
# before every test (tests/conftest.py): the demo data, put back for a browser test, gives
# its people the same ids every time, and a count kept from an earlier test is not theirs.
CACHES["werklijst"] = {  # noqa: F405
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "werklijst",
}
