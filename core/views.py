from django.shortcuts import redirect, render

from accounts.security_log import log_event


def permission_denied(request, exception=None):
    """403 page; every denial is also a security event."""
    log_event("permission_denied", request=request, obj=request.path[:200], outcome="denied")
    return render(request, "403.html", status=403)


def home(request):
    """Each role starts where its work is: raadsleden at the reports, others at the opgaven."""
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if request.user.rol == "raadslid":
        return redirect("rapportages:rapportage-list")
    return redirect("opgaven:opgave-list")
