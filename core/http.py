from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """A request as our views see it: with htmx details and our user model."""

    htmx: HtmxDetails
    user: User | AnonymousUser
