"""The P&C cycle over the API (config.api): contributions per moment and the reports that
were published to the council. Who wrote or approved is left out (persons)."""

from django.http import HttpResponseNotModified
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ETagMixin, GewijzigdSinds
from core.security_log import log_event

from . import services
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

    @extend_schema(
        summary="De PDF zoals de raad hem kreeg",
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            409: OpenApiResponse(description="Het bestand klopt niet meer met zijn checksum."),
        },
    )
    @action(detail=True, url_path="pdf", pagination_class=None, filter_backends=[])
    def pdf(self, request, pk=None):
        """Only while the file still matches the checksum taken when it was published."""
        rapportage = self.get_object()
        obj = f"rapportage:{rapportage.pk}"
        if not services.bestand_klopt(rapportage):
            log_event("download", request=request, obj=obj, outcome="integrity")
            fout = _("Het bestand klopt niet meer met zijn checksum; meld het de beheerder.")
            return Response({"detail": fout}, status=status.HTTP_409_CONFLICT)
        # The checksum is the file's SHA-256: the tag a client keeps to ask again cheaply.
        etag = f'"{rapportage.checksum}"'
        if request.headers.get("If-None-Match") == etag:
            return HttpResponseNotModified(headers={"ETag": etag})
        response = services.pdf_download(request, rapportage, kenmerk=obj)
        response["ETag"] = etag
        return response
