"""Log lines: the security log as JSON lines (one event per line), the rest as plain text.

Referenced from LOGGING in config/settings/base.py; no Django imports, since logging is
configured before the apps load.
"""

import logging

from pythonjsonlogger.json import JsonFormatter

BEVEILIGING = "opgavenregie.security"


def json_regels() -> JsonFormatter:
    """One JSON object per line: the logger's name, the action, and the event's fields."""
    return JsonFormatter("%(name)s %(message)s", json_ensure_ascii=False)


class ZonderBeveiliging(logging.Filter):
    """Keeps security events out of the plain console log: they have their own JSON lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith(BEVEILIGING)
