"""Text that must be shown literally and never executed or evaluated (docs/security.md)."""

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HTMX = '<a hx-get="/accounts/uitloggen/" hx-trigger="load">x</a>'
FORMULA = '=HYPERLINK("http://x","y")'
CMD = "+cmd|' /C calc'!A0"
SUM = "@SUM(1)"
RTL = "\u202eRTL-tekst"
DUTCH = "Zoë coördineert de ĳsbaan 🚲"

ALL = [SCRIPT, IMG, HTMX, FORMULA, CMD, SUM, RTL, DUTCH]


def text(label: str = "") -> str:
    """One string with every payload, for fields that show free text."""
    return f"{label} {SCRIPT} {IMG} {HTMX} {FORMULA} {CMD} {SUM} {RTL} {DUTCH}".strip()
