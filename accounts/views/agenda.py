"""My calendar feed: make a secret link (shown once), revoke it, and the feed itself,
which a calendar app reads without a session (the secret is the key)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core import agenda
from core.http import HtmxHttpRequest
from core.security_log import log_event

from ..models import Agendafeed

PAGINA = "accounts/agenda/agendafeed.html"


@login_required
@require_http_methods(["GET", "POST"])
def agendafeed(request: HtmxHttpRequest):
    """GET: whether I have a link; POST: a new one (any old one stops working)."""
    if request.method == "GET":
        feed = Agendafeed.objects.filter(user=request.user).first()
        return render(request, PAGINA, {"feed": feed})
    feed, geheim = Agendafeed.nieuw(request.user)
    log_event("agendafeed_maken", request=request, obj=f"gebruiker:{request.user.pk}")
    pad = reverse("accounts:agendafeed-ics", args=[geheim])
    return render(request, PAGINA, {"feed": feed, "link": request.build_absolute_uri(pad)})


@login_required
@require_POST
def agendafeed_intrekken(request: HtmxHttpRequest):
    if Agendafeed.objects.filter(user=request.user).delete()[0]:
        log_event("agendafeed_intrekken", request=request, obj=f"gebruiker:{request.user.pk}")
        messages.success(request, _("De agendalink is ingetrokken; hij werkt niet meer."))
    return redirect("accounts:agendafeed")


@require_GET
def agendafeed_ics(request: HtmxHttpRequest, geheim: str):
    """The feed, for whoever holds the secret; 404 for any other (never says why)."""
    feed = Agendafeed.van(geheim)
    if feed is None:
        raise Http404
    Agendafeed.objects.filter(pk=feed.pk).update(laatst_gelezen_op=timezone.now())
    response = HttpResponse(agenda.feed(feed.user), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
