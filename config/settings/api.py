"""The open API (``config.api``): Django REST Framework, its schema, and the cache its rate
limit counts in. Part of ``config.settings.base``."""

from .omgeving import env
from .worker import REDIS_URL

# The open API (config.api, README "API"): integrations with a token (accounts.api), JSON
# only, pages of 100, a budget of requests per integration per minute counted in the "api"
# cache (Redis when there is one, so every web process shares it).
API_VERZOEKEN_PER_MINUUT = int(env("API_VERZOEKEN_PER_MINUUT", "600"))


def _gedeeld(naam: str) -> dict:
    """A cache every web process shares (Redis when there is one), under its own prefix."""
    if not REDIS_URL:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": naam}
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"opgavenregie-{naam}",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api": _gedeeld("api"),
    # The header's count of what waits for a person (core.werklijst).
    "werklijst": _gedeeld("werklijst"),
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.api.TokenAuthenticatie"],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.api.Scope"],
    "DEFAULT_THROTTLE_CLASSES": ["accounts.api.PerKoppeling"],
    "DEFAULT_PAGINATION_CLASS": "core.api.Pagina",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # Amounts and values as JSON numbers (two decimals), which BI tools read as numbers.
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Opgavenregie API",
    "DESCRIPTION": (
        "Opgaven, indicatoren met metingen, begrotingsregels, P&C-bijdragen en gepubliceerde "
        "rapportages. Authorization: Token <token> (een koppeling, gemaakt door de beheerder)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}
