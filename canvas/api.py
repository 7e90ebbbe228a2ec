"""The canvas's figures over the API (config.api): indicators with their measurements, and
the budget lines. A finance or BI system writes measurements and realisatie amounts; each
write is in the history under the integration's name."""

import pghistory
from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from core.api import ETagMixin, GewijzigdSinds, Verwijzing
from core.invoer import alleen_cijfers

from .models import Begrotingsregel, Indicator, Meting

OPGAVE = OpenApiParameter("opgave", int, description="Alleen van deze opgave (id).")
INDICATOR = OpenApiParameter("indicator", int, description="Alleen van deze indicator (id).")


def _filter(queryset, request, **velden):
    """``?opgave=12`` and the like; a value that is not a number matches nothing."""
    for param, veld in velden.items():
        if (waarde := request.query_params.get(param)) is not None:
            queryset = (
                queryset.filter(**{veld: waarde}) if alleen_cijfers(waarde) else queryset.none()
            )
    return queryset


class IndicatorSerializer(serializers.ModelSerializer):
    opgave = serializers.IntegerField(source="item.opgave_id", read_only=True)
    item = serializers.IntegerField(source="item_id", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "opgave",
            "item",
            "naam",
            "eenheid",
            "bron",
            "nulmeting",
            "nulmeting_datum",
            "streefwaarde",
            "streefdatum",
            "updated_at",
        ]


@extend_schema_view(list=extend_schema(parameters=[OPGAVE]))
class IndicatorViewSet(ETagMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = IndicatorSerializer
    filter_backends = [GewijzigdSinds]
    gewijzigd_veld = "updated_at"

    def get_queryset(self):
        qs = Indicator.objects.select_related("item").order_by("pk")
        return _filter(qs, self.request, opgave="item__opgave")


class MetingSerializer(serializers.ModelSerializer):
    indicator = Verwijzing(queryset=Indicator.objects.all())

    class Meta:
        model = Meting
        fields = ["id", "indicator", "datum", "waarde", "toelichting", "updated_at"]
        read_only_fields = ["id", "updated_at"]
        # One per date: POSTing a date again updates it (see MetingViewSet.create).
        validators = []


@extend_schema_view(list=extend_schema(parameters=[INDICATOR, OPGAVE]))
class MetingViewSet(ETagMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Measurements; a POST for a date the indicator already has updates that one (200)."""

    serializer_class = MetingSerializer
    filter_backends = [GewijzigdSinds]
    gewijzigd_veld = "updated_at"

    def get_queryset(self):
        qs = Meting.objects.order_by("pk")
        return _filter(qs, self.request, indicator="indicator", opgave="indicator__item__opgave")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with transaction.atomic(), pghistory.context(bron=f"API: {request.auth.naam}"):
            meting, nieuw = Meting.objects.update_or_create(
                indicator=data["indicator"],
                datum=data["datum"],
                defaults={"waarde": data["waarde"], "toelichting": data.get("toelichting", "")},
            )
        antwoord = self.get_serializer(meting).data
        return Response(antwoord, status=status.HTTP_201_CREATED if nieuw else status.HTTP_200_OK)


class BegrotingsregelSerializer(serializers.ModelSerializer):
    activiteit_naam = serializers.CharField(source="activiteit.tekst", read_only=True)
    financier = serializers.CharField(source="financier.naam", read_only=True)
    financier_soort = serializers.CharField(source="financier.soort", read_only=True)

    class Meta:
        model = Begrotingsregel
        fields = [
            "id",
            "opgave",
            "jaar",
            "activiteit",
            "activiteit_naam",
            "financier",
            "financier_soort",
            "begroot",
            "realisatie",
            "updated_at",
        ]
        read_only_fields = [f for f in fields if f != "realisatie"]


@extend_schema_view(list=extend_schema(parameters=[OPGAVE]))
class BegrotingsregelViewSet(ETagMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Budget lines per year, activity and financier; ``realisatie`` is written here."""

    serializer_class = BegrotingsregelSerializer
    filter_backends = [GewijzigdSinds]
    gewijzigd_veld = "updated_at"
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        qs = Begrotingsregel.objects.select_related("activiteit", "financier").order_by("pk")
        return _filter(qs, self.request, opgave="opgave")

    def perform_update(self, serializer):
        with pghistory.context(bron=f"API: {self.request.auth.naam}"):
            serializer.save()
