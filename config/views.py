"""Site-level views: what ties the apps together and belongs to none of them."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from accounts.models import Rol
from core.http import HtmxHttpRequest
from opgaven.views.start import start


@login_required
@require_GET
def home(request: HtmxHttpRequest):
    """Each role starts where its work is: raadsleden at the reports they receive."""
    if request.user.rol == Rol.RAADSLID:
        return redirect("rapportages:rapportage-list")
    return start(request)
