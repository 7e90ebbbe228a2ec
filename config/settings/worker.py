"""The worker: Celery's broker (Redis, or a folder when there is none), how tasks are
handled, and the schedule of beat. Part of ``config.settings.base``."""

from celery.schedules import crontab

from .omgeving import VAR_DIR, env

# Celery. The job row in PostgreSQL is the source of truth; the broker only carries ids.
REDIS_URL = env("REDIS_URL")
REDIS_TRANSPORT_OPTIONS = {
    # Above the longest job (hard limit 6 minutes), so a slow render is not redelivered.
    "visibility_timeout": 3600,
    # A page must not wait for a broker that is down: one quick retry, then the job row
    # stays "wachtrij" and the sweeper sends it when the broker is back (measured: a report
    # request with Redis stopped answers in well under a second, tests/rapportages).
    "socket_connect_timeout": 1,
    "socket_timeout": 5,
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.1,
    "interval_max": 0.2,
}
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = REDIS_TRANSPORT_OPTIONS
else:
    # No Redis server: a broker on the local file system, shared by web and worker.
    _queue = VAR_DIR / "celery-queue"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue),
        "data_folder_out": str(_queue),
        "processed_folder": str(VAR_DIR / "celery-processed"),
        "control_folder": str(VAR_DIR / "celery-control"),
        "store_processed": False,
    }
    _queue.mkdir(parents=True, exist_ok=True)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Seconds a worker may spend laying out a canvas A3 or terugkoppeling PDF; past it the
# document fails with a message asking to shorten the texts (rapportages.tasks).
DOCUMENT_TIJDSLIMIET = int(env("DOCUMENT_TIJDSLIMIET", "120"))
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.1,
    "interval_max": 0.2,
}
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 600_000  # KiB

# A running job renews its heartbeat every JOB_HARTSLAG seconds; one silent for
# JOB_HARTSLAG_STIL lost its worker (killed, out of memory, the host went down) and the
# sweeper, every JOBS_NAKIJKEN seconds, offers it again: a report is picked up again within
# a minute, not after the twelve minutes that no job may take.
JOB_HARTSLAG = float(env("JOB_HARTSLAG", "5"))
JOB_HARTSLAG_STIL = float(env("JOB_HARTSLAG_STIL", "20"))
JOBS_NAKIJKEN = float(env("JOBS_NAKIJKEN", "15"))

# The schedule file in dbm.dumb files (config/beat.py: the sqlite3 default failed under load).
CELERY_BEAT_SCHEDULER = "config.beat:Planning"
CELERY_BEAT_SCHEDULE = {
    "jobs-opnieuw-aanbieden": {
        "task": "rapportages.tasks.jobs_opnieuw_aanbieden",
        "schedule": JOBS_NAKIJKEN,
    },
    "bestanden-opruimen": {
        "task": "rapportages.tasks.bestanden_opruimen",
        "schedule": 6 * 60 * 60,
    },
    "imports-opruimen": {"task": "participatie.tasks.imports_opruimen", "schedule": 6 * 60 * 60},
    "bewaartermijn": {"task": "participatie.tasks.bewaartermijn", "schedule": 24 * 60 * 60},
    # Meldingen (accounts.meldingen): found once a day by the apps that own the events,
    # mailed at once (and swept every five minutes), or bundled in the morning.
    "meldingen-termijnen": {
        "task": "participatie.tasks.meldingen_zoeken",
        "schedule": crontab(hour=6, minute=30),
    },
    "aanmeldingen-herinneren": {
        "task": "participatie.tasks.aanmeldingen_herinneren",
        "schedule": crontab(hour=9, minute=0),
    },
    "meldingen-pc-deadlines": {
        "task": "rapportages.tasks.meldingen_zoeken",
        "schedule": crontab(hour=6, minute=35),
    },
    "meldingen-opruimen": {"task": "accounts.tasks.meldingen_opruimen", "schedule": 24 * 60 * 60},
    "beveiligingslog-opruimen": {
        "task": "core.tasks.beveiligingslog_opruimen",
        "schedule": 24 * 60 * 60,
    },
    "meldingen-mailen": {"task": "accounts.tasks.meldingen_mailen", "schedule": 5 * 60},
    "meldingen-dagelijks": {
        "task": "accounts.tasks.meldingen_bundelen",
        "schedule": crontab(hour=7, minute=0),
        "args": ["dagelijks"],
    },
    "meldingen-wekelijks": {
        "task": "accounts.tasks.meldingen_bundelen",
        "schedule": crontab(hour=7, minute=0, day_of_week="monday"),
        "args": ["wekelijks"],
    },
    "conceptrapportages": {
        "task": "rapportages.tasks.conceptrapportages_klaarzetten",
        "schedule": 6 * 60 * 60,  # idempotent: a moment gets one draft
    },
}
