# Production image: gunicorn (web), Celery (worker, beat); migrations run once in compose's
# `migrate` service. Build: docker compose build. Base images pinned by version.
FROM node:24.11.0-bookworm-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.13.9-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/venv \
    DJANGO_SETTINGS_MODULE=config.settings.base PATH="/venv/bin:$PATH" TZ=Europe/Amsterdam
# pg_dump/pg_restore of the server's version for manage.py backup/restore (PGDG's packages).
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl gnupg \
    && curl -fsSL https://www.postgresql.org/media/keys/ACCC4CF8.asc \
       | gpg --dearmor -o /usr/share/keyrings/pgdg.gpg \
    && echo "deb [signed-by=/usr/share/keyrings/pgdg.gpg] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" \
       > /etc/apt/sources.list.d/pgdg.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       postgresql-client-18 \
    && apt-get purge -y curl gnupg && apt-get autoremove -y \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv==0.13.9 \
    && useradd --create-home --uid 1000 opgavenregie
WORKDIR /app
COPY pyproject.toml uv.lock ./
# Without the dev group: no test tools, no embedded PostgreSQL (DATABASE_URL is required).
# Bytecode compiled once here: with PYTHONDONTWRITEBYTECODE and no .pyc, every new process
# compiled ~1,300 modules first (7 s of a 38 s profile, #17).
RUN uv sync --frozen --no-dev --no-install-project --compile-bytecode
COPY --from=frontend /app/node_modules ./node_modules
# .dockerignore keeps a developer's .venv, var/, .env, node_modules and tests out.
COPY . .
# Static files once, at build: only the package files in use (core.staticfiles).
RUN python -m compileall -q -j 0 accounts canvas config core demo opgaven participatie rapportages \
    && DJANGO_SECRET_KEY=build-only DATABASE_URL=postgres://build/build python manage.py collectstatic --noinput \
    && mkdir -p /app/var /app/media /app/backup && chown -R opgavenregie /app/var /app/media /app/backup
USER opgavenregie
EXPOSE 8000
# gunicorn is PID 1 (no shell in between): SIGTERM from compose ends it gracefully.
CMD ["gunicorn", "--config", "config/gunicorn.py", "config.wsgi"]
