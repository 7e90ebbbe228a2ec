"""The two ends of the live board that Django serves: the stream's address under WSGI (where
no stream can be held open) and what a person is editing."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET, require_POST

from core.http import HtmxHttpRequest
from opgaven.access import opgave_for

from .. import live
from ..models import Blok


@login_required
@require_GET
def stroom(request: HtmxHttpRequest, opgave_pk: int):
    """Reached only where the ASGI process does not serve /live/ (gunicorn alone, tests):
    204 tells the browser not to ask again, and the canvas works as a page that is read
    anew."""
    opgave_for(request, opgave_pk)
    return HttpResponse(status=204)


@login_required
@require_POST
def bewerkt(request: HtmxHttpRequest, opgave_pk: int):
    """The block this person's open canvas is editing now ("" for none), for the others."""
    opgave = opgave_for(request, opgave_pk)
    blok = request.POST.get("blok", "")
    if blok and blok not in Blok.values:
        return HttpResponse(status=400)
    if not live.bewerkt(opgave.pk, request.POST.get("verbinding", ""), request.user, blok):
        return HttpResponse(status=404)
    return HttpResponse(status=204)
