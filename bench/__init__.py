"""Benchmarks (not tests): they measure on this machine and print tables."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command


def statische_bestanden() -> None:
    """The production settings serve collected, hashed static files: collect them once."""
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", "--noinput", verbosity=0)
