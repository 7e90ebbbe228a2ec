from django.urls import include, path

from opgaven.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("opgaven/", include("opgaven.urls")),
    path("", include("participatie.urls")),
    path("", include("canvas.urls")),
    path("rapportages/", include("rapportages.urls")),
]

handler403 = "core.views.permission_denied"
