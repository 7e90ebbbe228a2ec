"""Which opgaven a request may reach: the one home of the visibility rule other apps follow
(docs/security.md, "Who may do what")."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from .models import Opgave


def opgave_for(request: HttpRequest, pk: int) -> Opgave:
    """An opgave this user may read, with its team loaded for the permission rules; else 404."""
    return get_object_or_404(
        Opgave.objects.visible_to(request.user).prefetch_related("teamleden"), pk=pk
    )
