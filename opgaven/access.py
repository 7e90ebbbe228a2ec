"""Which opgaven a request may reach: the one home of the visibility rule other apps follow
(docs/security.md, "Who may do what")."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from core.http import require_perm

from .models import Opgave


def opgave_for(request: HttpRequest, pk: int) -> Opgave:
    """An opgave this user may read, with its team loaded for the permission rules; else 404."""
    return get_object_or_404(
        Opgave.objects.visible_to(request.user)
        .select_related("opgaveregisseur")
        .prefetch_related("teamleden"),
        pk=pk,
    )


def opgave_to_change(request: HttpRequest, pk: int, perm: str) -> Opgave:
    """An opgave this user may read (else 404) and change as ``perm`` says (else 403)."""
    opgave = opgave_for(request, pk)
    require_perm(request, perm, opgave)
    return opgave
