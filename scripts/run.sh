#!/usr/bin/env bash
# Starts the Celery worker in the background and the web server in the foreground.
# Without DATABASE_URL/REDIS_URL both use the embedded defaults (see config/settings/base.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

mkdir -p var/log
# -B: the worker runs the beat schedule too (the sweeper that offers stuck jobs again, the
# clean-ups), so a job whose worker died is finished after a restart also here.
.venv/bin/celery -A config worker -B --schedule var/celerybeat-schedule --loglevel=INFO \
  --concurrency=1 >var/log/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM

if [ -n "${EMAIL_HOST:-}" ]; then
  MAIL_TXT="E-mail gaat via $EMAIL_HOST."
else
  MAIL_TXT="E-mail (uitnodigingen, wachtwoordlinks) gaat niet de deur uit: elk bericht is een bestand in var/mail/."
fi

cat <<TXT

  Opgavenregie draait op http://$HOST:$PORT/
  Demo-logins (alleen demodata), wachtwoord "demo":
    regisseur   opgaveregisseur
    teamlid     teamlid van vier opgaven
    partner     partner (Woonstichting Maasdal) in het team van twee opgaven
    medewerker  leest alle opgaven
    bestuurder  wethouder: bepaalt prioriteit en agenda, bestuurlijk akkoord, stelt rapportages vast
    raadslid    ziet alleen gepubliceerde rapportages
    beheerder   beheert alles
  Worker-log: var/log/worker.log. Stoppen: Ctrl-C.
  $MAIL_TXT

TXT
# uvicorn, not runserver: one process serves the pages and holds the canvas's live streams
# (config/asgi.py), so what one person changes shows at once on another's open canvas. No
# persistent connections: under ASGI each request runs in a thread of its own.
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.dev}
DJANGO_CONN_MAX_AGE=0 .venv/bin/uvicorn config.asgi:application --host "$HOST" --port "$PORT" \
  --lifespan off --timeout-graceful-shutdown 2
