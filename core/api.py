"""What every endpoint of the open API shares (config.api lists them): pages of 100,
``gewijzigd_sinds`` for synchronising, and ETags so an unchanged page costs no download.

The API serves the municipality's steering data to its own systems (BI, finance); who may
call it and how often is decided in accounts.api.
"""

import datetime
import hashlib

from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.pagination import PageNumberPagination
from rest_framework.relations import PrimaryKeyRelatedField

from core.invoer import alleen_cijfers


class Pagina(PageNumberPagination):
    page_size = 100
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 1000
    invalid_page_message = _("Deze pagina bestaat niet.")


class GewijzigdSinds(BaseFilterBackend):
    """``?gewijzigd_sinds=2026-11-01T00:00:00Z`` (or a date): rows changed at or after it,
    by the view's ``gewijzigd_veld``. A sync stores the time of its last run and asks for
    what changed since."""

    def filter_queryset(self, request, queryset, view):
        waarde = request.query_params.get("gewijzigd_sinds")
        if not waarde:
            return queryset
        return queryset.filter(**{f"{view.gewijzigd_veld}__gte": moment(waarde)})

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "gewijzigd_sinds",
                "in": "query",
                "required": False,
                "description": "Alleen wat op of na dit moment is gewijzigd (ISO 8601).",
                "schema": {"type": "string", "format": "date-time"},
            }
        ]


def moment(waarde: str) -> datetime.datetime:
    try:
        gelezen = parse_datetime(waarde.replace(" ", "+"))
        if gelezen is None and (dag := parse_date(waarde)) is not None:
            gelezen = datetime.datetime.combine(dag, datetime.time())
    except ValueError:
        gelezen = None
    if gelezen is None:
        raise ValidationError(
            {"gewijzigd_sinds": [_("Geef een datum of moment, zoals 2026-11-01T00:00:00Z.")]}
        )
    return gelezen if timezone.is_aware(gelezen) else timezone.make_aware(gelezen)


class ETagMixin:
    """An ETag on every successful read (a hash of the body); ``If-None-Match`` with the
    same tag gets 304 Not Modified without a body. Ids in URLs are numbers."""

    lookup_value_converter = "int"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.streaming:  # a file: its view sets the tag it knows (a checksum)
            return response
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response.render()
            etag = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
            response["ETag"] = etag
            return get_conditional_response(request, etag=etag, response=response)
        return response


class Verwijzing(PrimaryKeyRelatedField):
    """A reference to a row by its id, which must be a whole number a database id can be:
    ``1e999`` (infinity in JSON), ``true`` or ``"abc"`` is a 400 with a Dutch message, not a
    500 (an OverflowError in the database lookup)."""

    default_error_messages = {
        "does_not_exist": _("Er is geen rij met id {pk_value}."),
        "incorrect_type": _("Geef een id: een geheel getal."),
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        tekst = str(data)
        if not alleen_cijfers(tekst) or len(tekst) > 18:  # bigint holds 18 digits safely
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(int(tekst))
