#!/usr/bin/env bash
# Runs the whole suite. Never skips: what the suite needs and cannot find fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=("chromium")
command -v pdftotext >/dev/null 2>&1 || missing+=("poppler-utils (pdftotext, pdftoppm)")
# Tests start a Redis of their own (stopped and started again) and validate the compose file.
command -v redis-server >/dev/null 2>&1 || missing+=("redis-server")
command -v docker-compose >/dev/null 2>&1 || missing+=("docker-compose")
if ((${#missing[@]})); then
  echo "De tests hebben nodig, maar vinden niet: ${missing[*]}" >&2
  echo "Installeer op Debian/Ubuntu: sudo apt-get install -y chromium poppler-utils redis-server docker-compose" >&2
  exit 1
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python manage.py makemigrations --check --dry-run --settings=config.settings.test
# In parallel, four processes: each has its own test database, Redis database, folders and
# browser (config/settings/test.py). Four, not one per core: with two processes on the
# two-core CI machine the CPU was busy 56 % of the time (the suite waits on browsers, the
# worker, pg_dump, WeasyPrint subprocesses); four took pytest from 548-588 s to 496 s there.
# Tests go out one at a time to whichever process is free, the slowest first
# (tests/conftest.py orders them); worksteal handed each process a quarter of the ordered
# list, so one process got all the slow tests and the others stole from its tail.
# The slowest tests at the end of the log: where CI time goes.
exec .venv/bin/pytest -n 4 --dist load --maxschedchunk 1 --durations=25 "$@"
