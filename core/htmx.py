"""The answer to an action on one section of a page, with and without htmx.

A page is a template with an inline partial per section (``{% partialdef naam inline %}``,
the element's id is the partial's name). Every action posts to its own URL; its view
checks permissions, writes, and answers with ``section_response``:

- htmx: the section again (the partial), 422 or 409 when the action was refused, plus
  any other section of the same page the action changed (``also``), swapped out of band,
  and an event (``event``) that other parts of the page listen for;
- without JavaScript: after success back to the page at the section (POST, redirect,
  GET); after a refusal the whole page with the form and its errors.

Messages (``django.contrib.messages``) reach the page through
``core.middleware.HtmxMessagesMiddleware``.
"""

import re
from collections.abc import Callable, Iterable
from urllib.parse import urlencode, urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django_htmx.http import trigger_client_event

from .http import HtmxHttpRequest


def section_response(
    request: HttpRequest,
    *,
    template: str,
    section: str,
    context: Callable[[], dict],
    url: str,
    status: int = 200,
    also: Iterable[str] = (),
    anchor: str | None = None,
    event: str | None = None,
) -> HttpResponse:
    """Render ``template#section`` for htmx, else redirect to ``url#section`` (or, after a
    refusal, render the whole page). ``context`` is called only when something renders;
    ``anchor`` is the element's id where a partial serves several (``blok-doelgroepen``);
    ``event`` is announced to the page after a change (``HX-Trigger-After-Settle``), for
    parts of it another app renders and refreshes itself (the hub's history)."""
    if request.htmx:
        data = context()
        response = render(request, f"{template}#{section}", data, status=status)
        for naam in also:
            oob = render_to_string(f"{template}#{naam}", data | {"oob": True}, request=request)
            response.content += oob.encode()
        if event and status < 400:
            trigger_client_event(response, event, after="settle")
        return response
    if status < 400:
        return redirect(f"{url}#{anchor or section}")
    return render(request, template, context(), status=status)


def pagina_naar(request: HtmxHttpRequest, doel: str) -> HttpResponse:
    """Send the whole page to ``doel`` (the login, the second step), with ?next= the page the
    user was on. An htmx request asked for a part of a page: it gets HX-Redirect, and the
    page it came from (HX-Current-URL) as the way back."""
    terug = request.get_full_path()
    if request.htmx and request.htmx.current_url:
        try:
            huidige = urlsplit(request.htmx.current_url)
        except ValueError:  # "http://[x": not an address; the request's own path, then
            huidige = urlsplit(terug)
        terug = huidige.path + (f"?{huidige.query}" if huidige.query else "")
    url = f"{doel}?{urlencode({'next': terug})}"
    if request.htmx:
        response = HttpResponse(status=204)  # nothing to swap; htmx follows HX-Redirect
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def zoekkeuze_opties(request: HttpRequest, gevonden, *, toelichting=None) -> HttpResponse:
    """The answer to a searchable choice (``core.forms.Zoekkeuze``): the first 20 of
    ``gevonden`` (already filtered and ordered) as options of the listbox that asked."""
    keuzes = [
        {"pk": obj.pk, "label": str(obj), "toelichting": toelichting(obj) if toelichting else ""}
        for obj in gevonden[:21]
    ]
    doel = request.htmx.target
    lijst = doel if doel and re.fullmatch(r"[\w-]{1,100}", doel) else "zoekkeuze_lijst"
    context = {"lijst": lijst, "keuzes": keuzes[:20], "meer": len(keuzes) > 20}
    return render(request, "components/zoekkeuze_opties.html", context)
