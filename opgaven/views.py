from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from core.http import HtmxHttpRequest

from . import hub
from .forms import OpgaveForm
from .history import geschiedenis
from .models import Opgave


@login_required
@require_GET
def opgave_list(request: HtmxHttpRequest):
    if not request.user.has_perm("opgaven.view_opgave"):
        raise PermissionDenied
    opgaven = (
        Opgave.objects.visible_to(request.user)
        .select_related("opgaveregisseur")
        .prefetch_related("gebieden")
        .order_by("titel")
    )
    return render(
        request,
        "opgaven/opgave_list.html",
        {"opgaven": opgaven, "kan_toevoegen": request.user.has_perm("opgaven.add_opgave")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def opgave_create(request: HtmxHttpRequest):
    if not request.user.has_perm("opgaven.add_opgave"):
        raise PermissionDenied
    form = OpgaveForm(request.POST or None, initial={"opgaveregisseur": request.user})
    if request.method == "POST" and form.is_valid():
        opgave = form.save()
        return redirect(opgave)
    status = 422 if form.errors else 200
    return render(request, "opgaven/opgave_form.html", {"form": form}, status=status)


@login_required
@require_GET
def opgave_detail(request: HtmxHttpRequest, pk: int):
    opgave = get_object_or_404(
        Opgave.objects.visible_to(request.user)
        .select_related("opgaveregisseur")
        .prefetch_related("teamleden", "gebieden"),
        pk=pk,
    )
    return render(
        request,
        "opgaven/opgave_detail.html",
        {
            "opgave": opgave,
            "kan_bewerken": request.user.has_perm("opgaven.change_opgave", opgave),
            "secties": hub.render_secties(request, opgave),
            "geschiedenis": geschiedenis(opgave),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def opgave_update(request: HtmxHttpRequest, pk: int):
    opgave = get_object_or_404(
        Opgave.objects.visible_to(request.user).prefetch_related("teamleden"), pk=pk
    )
    if not request.user.has_perm("opgaven.change_opgave", opgave):
        raise PermissionDenied
    form = OpgaveForm(request.POST or None, instance=opgave)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(opgave)
    status = 422 if form.errors else 200
    return render(
        request, "opgaven/opgave_form.html", {"form": form, "opgave": opgave}, status=status
    )
