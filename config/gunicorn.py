"""gunicorn's settings for the image and bench/load.py, from the environment.

Measured on 2 cores (docs/performance.md): a page is CPU work in Python, so throughput
follows the number of processes up to the number of cores; threads cover the waits on
PostgreSQL and Redis. Default: two workers per core with two threads each."""

import os

from gunicorn.http import wsgi

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20  # compose waits 30 s between SIGTERM and SIGKILL
accesslog = "-"
# A request that ends a worker's life (max_requests) releases memory a long report or
# export may have taken; jitter keeps the workers from restarting together.
max_requests = 2000
max_requests_jitter = 200
# gunicorn's own lines as JSON too (core.logregels), with the request id from the response
# header in the access line: one format and one time zone (UTC) with the app and Celery.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s'
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.logregels.json_regels"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}


# No "Server: gunicorn" in the answers: what runs the site is nobody's business (a probe
# flagged it). gunicorn has no setting for it, so its default headers go without that one.
_standaard_koppen = wsgi.Response.default_headers


def _zonder_server(self):
    return [kop for kop in _standaard_koppen(self) if not kop.startswith("Server:")]


wsgi.Response.default_headers = _zonder_server
