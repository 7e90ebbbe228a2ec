"""A count per row as a correlated subquery: the page's rows are counted, not the table."""

from django.db.models import IntegerField, Subquery


class _Aantal(Subquery):
    template = "(SELECT count(*) FROM (%(subquery)s) AS aantal)"
    output_field = IntegerField()


def aantal(queryset) -> Subquery:
    """COUNT(*) of ``queryset`` (filtered on OuterRef("pk")) as a subquery per row; 0 for
    none. The rows' ids in a plain count: Django builds it in two thirds of the time of a
    count grouped on a constant (the hub's figures: 7.0 -> 4.5 ms of CPU a request)."""
    return _Aantal(queryset.order_by().values("pk"))
