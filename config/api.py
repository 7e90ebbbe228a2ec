"""The open API, version 1: the routes and the OpenAPI schema (README, "API")."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter

from canvas.api import BegrotingsregelViewSet, IndicatorViewSet, MetingViewSet
from opgaven.api import OpgaveViewSet
from rapportages.api import BijdrageViewSet, RapportageViewSet

router = SimpleRouter(trailing_slash=True, use_regex_path=False)
router.register("opgaven", OpgaveViewSet, basename="opgave")
router.register("indicatoren", IndicatorViewSet, basename="indicator")
router.register("metingen", MetingViewSet, basename="meting")
router.register("begrotingsregels", BegrotingsregelViewSet, basename="begrotingsregel")
router.register("bijdragen", BijdrageViewSet, basename="bijdrage")
router.register("rapportages", RapportageViewSet, basename="rapportage")

app_name = "api"
urlpatterns = [
    path(
        "schema/",
        SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[AllowAny]),
        name="schema",
    ),
    path("", include(router.urls)),
]
