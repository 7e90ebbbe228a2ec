import os

from celery import Celery
from celery.worker.control import control_command

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("opgavenregie")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@control_command()
def gezondheid(state):
    """For /gezondheid/klaar (core.gezondheid): this worker answers, and WeasyPrint with its
    system libraries loads in it, so it can make PDFs."""
    import weasyprint  # noqa: F401

    return {"weasyprint": "ok"}
