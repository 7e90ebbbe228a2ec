from django.shortcuts import render

from accounts.security_log import log_event


def permission_denied(request, exception=None):
    """403 page; every denial is also a security event."""
    log_event("permission_denied", request=request, obj=request.path[:200], outcome="denied")
    return render(request, "403.html", status=403)
