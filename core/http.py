"""What every view shares: the request type, ids from user input, permission checks, files."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django_htmx.middleware import HtmxDetails

from .invoer import alleen_cijfers


class HtmxHttpRequest(HttpRequest):
    """A request as our views see it: with htmx details and the user (``accounts.User``)."""

    htmx: HtmxDetails
    user: AbstractBaseUser | AnonymousUser


def pk_of_404(value) -> int:
    """A primary key from user input, or 404: never a ValueError (a 500) from the ORM."""
    tekst = "" if value is None else str(value)
    if not alleen_cijfers(tekst):
        raise Http404
    return int(tekst)


def form_data(request: HttpRequest):
    """What a form is bound to: the POST (even an empty one, which then shows what is
    missing), or None on a GET (an empty form). Not ``form_data(request)``: that treats
    an empty POST as a GET and answers 200 with nothing said."""
    return request.POST if request.method == "POST" else None


class Geweigerd(PermissionDenied):
    """A refusal whose reason (in Dutch, for the user) the 403 page shows."""


_redenen: dict[str, str] = {}


def weigering(perm: str, reden) -> None:
    """Why ``perm`` is refused, said to whoever is refused (each app's ``rules.py`` says it
    next to the rule): who may do this, so the user knows whom to ask."""
    _redenen[perm] = reden


def reden_van(perm: str) -> str:
    return str(_redenen.get(perm, ""))


def require_perm(request: HttpRequest, perm: str, obj=None) -> None:
    """403 with the reason for ``perm`` unless the user has it (on ``obj``); the 403 page
    logs the denial."""
    if not request.user.has_perm(perm, obj):
        raise Geweigerd(reden_van(perm))


def download(inhoud: bytes, bestandsnaam: str, content_type: str) -> HttpResponse:
    """A file to save, not to show: attachment, and never cached on the way."""
    response = HttpResponse(inhoud, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, bestandsnaam)
    response["Cache-Control"] = "no-store"
    return response


def form_page(
    request: HttpRequest, *, form, titel: str, terug: tuple[str, str], knop: str, intro=""
):
    """A page with one form (create or edit something), 422 while it has errors."""
    return render(
        request,
        "components/formulier_pagina.html",
        {"form": form, "titel": titel, "terug": terug, "knop": knop, "intro": intro},
        status=422 if form.errors else 200,
    )


def pagina(request: HttpRequest, rijen, per_pagina: int = 50, param: str = "pagina") -> dict:
    """A page of ``rijen`` at ``?<param>=`` for components/paginering.html: ``page``, and
    ``querystring`` with the request's other parameters for its links (``param`` where a
    page has several lists, each paging on its own)."""
    overige = request.GET.copy()
    overige.pop(param, None)
    page = Paginator(rijen, per_pagina).get_page(request.GET.get(param))
    return {"page": page, "param": param, "querystring": overige.urlencode()}
