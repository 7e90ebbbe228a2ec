"""The P&C cycle over the API (config.api): contributions per moment and the reports that
were published to the council. Who wrote or approved is left out (persons)."""

from rest_framework import serializers, viewsets

from core.api import ETagMixin, GewijzigdSinds

from .models import Bijdrage, PcMoment, Rapportage


class MomentSerializer(serializers.ModelSerializer):
    class Meta:
        model = PcMoment
        fields = ["id", "soort", "jaar", "deadline"]


class BijdrageSerializer(serializers.ModelSerializer):
    moment = MomentSerializer(read_only=True)

    class Meta:
        model = Bijdrage
        fields = [
            "id",
            "moment",
            "opgave",
            "bereiken",
            "doen",
            "kosten",
            "status",
            "versie",
            "updated_at",
        ]


class BijdrageViewSet(ETagMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = BijdrageSerializer
    queryset = Bijdrage.objects.select_related("moment").order_by("pk")
    filter_backends = [GewijzigdSinds]
    gewijzigd_veld = "updated_at"


class RapportageSerializer(serializers.ModelSerializer):
    titel = serializers.CharField(read_only=True)
    moment = MomentSerializer(read_only=True)

    class Meta:
        model = Rapportage
        fields = ["id", "titel", "opgave", "moment", "gepubliceerd_op", "checksum"]


class RapportageViewSet(ETagMixin, viewsets.ReadOnlyModelViewSet):
    """Published reports only (what the council has); concepts stay inside."""

    serializer_class = RapportageSerializer
    queryset = (
        Rapportage.objects.filter(gepubliceerd_op__isnull=False)
        .select_related("opgave", "moment")
        .order_by("pk")
    )
    filter_backends = [GewijzigdSinds]
    gewijzigd_veld = "gepubliceerd_op"
