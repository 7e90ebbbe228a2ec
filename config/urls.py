from django.urls import include, path

from config.views import home
from core import views as core_views

urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("api/v1/", include("config.api")),
    path("taal/", include("django.conf.urls.i18n")),
    path("beheer/huisstijl/", core_views.huisstijl, name="huisstijl"),
    path("huisstijl/logo/", core_views.logo, name="logo"),
    path("opgaven/", include("opgaven.urls")),
    path("", include("participatie.urls")),
    path("", include("canvas.urls")),
    path("rapportages/", include("rapportages.urls")),
    path("toegankelijkheid/", core_views.toegankelijkheid, name="toegankelijkheid"),
    path("gezondheid/live", core_views.gezondheid_live, name="gezondheid-live"),
    path("gezondheid/klaar", core_views.gezondheid_klaar, name="gezondheid-klaar"),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
