"""Dutch formats that do not depend on USE_THOUSAND_SEPARATOR."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def euro(bedrag) -> str:
    """€ 1.234,56 (exact for Decimal; empty for None)."""
    if bedrag is None or bedrag == "":
        return ""
    return f"€\u00a0{floatformat(Decimal(bedrag), '2g')}"
