from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django_htmx.middleware import HtmxDetails

from accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """A request as our views see it: with htmx details and our user model."""

    htmx: HtmxDetails
    user: User | AnonymousUser


def pk_of_404(value) -> int:
    """A primary key from user input, or 404: never a ValueError (a 500) from the ORM."""
    tekst = "" if value is None else str(value)
    if not tekst.isdigit():
        raise Http404
    return int(tekst)
