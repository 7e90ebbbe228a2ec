from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.security_log import log_event

from . import gezondheid
from .forms import HuisstijlForm
from .http import Geweigerd, form_data, require_perm
from .logregels import VERZOEK_ID
from .models import Huisstijl


@require_GET
def gezondheid_live(request):
    """Liveness: the process answers; it asks no database or broker anything (a restart
    would not fix those). Also bench/'s bare view: the stack without the application."""
    return JsonResponse({"status": "ok"})


@require_GET
def gezondheid_klaar(request):
    """Readiness: database (migrations applied), queue, a worker that can make PDFs, and
    writable file storage; 200 when all answer, else 503 naming what fails. No login and
    no secrets in the body (core.gezondheid)."""
    goed, uitkomst = gezondheid.controleer()
    return JsonResponse(
        {"status": "ok" if goed else "fout", "controles": uitkomst}, status=200 if goed else 503
    )


def bad_request(request, exception=None):
    """400 in Dutch for a request no page of ours makes (a NUL character in a parameter, a
    form with thousands of fields, an unknown host name); a security event."""
    log_event("bad_request", request=request, obj=request.path[:200], outcome="denied")
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    """403 page with the reason, when it is ours to say; every denial is a security event."""
    log_event("permission_denied", request=request, obj=request.path[:200], outcome="denied")
    reden = str(exception) if isinstance(exception, Geweigerd) else ""
    return render(request, "403.html", {"reden": reden}, status=403)


def csrf_failure(request, reason=""):
    """A refused form post (no or a stale CSRF token): a Dutch page, and a security event."""
    log_event("csrf", request=request, obj=reason[:200], outcome="denied")
    return render(request, "403_csrf.html", status=403)


@require_GET
def toegankelijkheid(request):
    """The accessibility statement: public, linked from every page's footer."""
    return render(request, "core/toegankelijkheid.html")


def server_error(request):
    """500 with the request id, so a report of the error can be found in the log. Rendered
    without the request's context: whatever broke must not break the error page."""
    pagina = loader.get_template("500.html").render({"kenmerk": VERZOEK_ID.get()})
    return HttpResponse(pagina, status=500)


def page_not_found(request, exception=None):
    """404; for a signed-in user also a security event: ids typed or made by hand for
    objects out of their reach are answered this way."""
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        log_event("not_found", request=request, obj=request.path[:200], outcome="denied")
    return render(request, "404.html", status=404)


@login_required
@require_http_methods(["GET", "POST"])
def huisstijl(request):
    """The beheerder sets the municipality's name, logo and theme."""
    require_perm(request, "core.change_huisstijl")
    huidige = Huisstijl.huidige()
    form = HuisstijlForm(
        form_data(request),
        request.FILES if request.method == "POST" else None,
        initial={"naam": huidige.naam, "thema": huidige.thema},
    )
    if request.method == "POST" and form.is_valid():
        huisstijl = Huisstijl.objects.filter(pk=1).first() or Huisstijl(pk=1)
        huisstijl.naam = form.cleaned_data["naam"]
        huisstijl.thema = form.cleaned_data["thema"]
        if form.cleaned_data["logo"]:
            huisstijl.logo, huisstijl.logo_type = form.cleaned_data["logo"]
        elif form.cleaned_data["logo_verwijderen"]:
            huisstijl.logo, huisstijl.logo_type = b"", ""
        huisstijl.full_clean()
        huisstijl.save()
        messages.success(request, _("De huisstijl is opgeslagen."))
        return redirect("huisstijl")
    return render(
        request, "core/huisstijl.html", {"form": form}, status=422 if form.errors else 200
    )


@require_GET
def logo(request):
    """The municipality's logo; public like the login page it appears on."""
    huisstijl = Huisstijl.objects.filter(pk=1).exclude(logo_type="").first()
    if huisstijl is None:
        raise Http404
    response = HttpResponse(bytes(huisstijl.logo), content_type=huisstijl.logo_type)
    response["Cache-Control"] = "public, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response
