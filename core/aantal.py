"""A count per row as a correlated subquery: the page's rows are counted, not the table."""

from django.db.models import Count, Subquery, Value
from django.db.models.functions import Coalesce


def aantal(queryset) -> Coalesce:
    """COUNT(*) of ``queryset`` (filtered on OuterRef("pk")) as a subquery per row, 0 for none."""
    return Coalesce(
        Subquery(
            queryset.order_by()
            .annotate(groep=Value(1))
            .values("groep")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )
