"""Beheer > Koppelingen: the systems that use the API, each with its own token (shown once)
and scope; revoking one stops its token at once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.http import HtmxHttpRequest, form_data, require_perm
from core.security_log import log_event

from ..forms import KoppelingForm
from ..models import Koppeling

PAGINA = "accounts/beheer/koppelingen.html"


@login_required
@require_http_methods(["GET", "POST"])
def koppeling_list(request: HtmxHttpRequest):
    """The integrations; a POST makes one and shows its token this once."""
    require_perm(request, "accounts.manage_koppelingen")
    form = KoppelingForm(form_data(request))
    context = {"form": form, "nieuw": None}
    if request.method == "POST" and form.is_valid():
        koppeling, token = Koppeling.maken(door=request.user, **form.cleaned_data)
        log_event("koppeling_maken", request=request, obj=f"koppeling:{koppeling.pk}")
        context = {"form": KoppelingForm(), "nieuw": koppeling, "token": token}
    context["koppelingen"] = Koppeling.objects.all()
    return render(request, PAGINA, context, status=422 if form.errors else 200)


@login_required
@require_POST
def koppeling_intrekken(request: HtmxHttpRequest, pk: int):
    require_perm(request, "accounts.manage_koppelingen")
    koppeling = get_object_or_404(Koppeling, pk=pk, ingetrokken_op__isnull=True)
    koppeling.intrekken()
    log_event("koppeling_intrekken", request=request, obj=f"koppeling:{koppeling.pk}")
    messages.success(
        request,
        _("De koppeling %(naam)s is ingetrokken op %(op)s; haar token werkt niet meer.")
        % {"naam": koppeling.naam, "op": timezone.localtime().strftime("%d-%m-%Y %H:%M")},
    )
    return redirect("accounts:koppeling-list")
