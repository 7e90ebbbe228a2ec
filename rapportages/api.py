"""The P&C cycle over the API (config.api): contributions per moment and the reports that
were published to the council. Who wrote or approved is left out (persons). A
contribution's texts come as typed (Markdown), or rendered as HTML or plain text
(``?opmaak=``), the same way the screens and the report render them (core.rijke_tekst)."""

from django.http import HttpResponseNotModified
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core import rijke_tekst
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

    def to_representation(self, bijdrage):
        data = super().to_representation(bijdrage)
        maak = OPMAKEN[self.context.get("opmaak", "markdown")]
        if maak is not None:
            for veld in ("bereiken", "doen", "kosten"):
                data[veld] = str(maak(data[veld]))
        return data


OPMAKEN = {
    "markdown": None,
    "html": rijke_tekst.als_html,
    "tekst": rijke_tekst.als_platte_tekst,
}
OPMAAK = OpenApiParameter(
    "opmaak",
    str,
    enum=list(OPMAKEN),
    description=(
        "Hoe de teksten terugkomen: zoals getypt (markdown, standaard), als HTML (zoals in de "
        "rapportage) of als platte tekst."
    ),
)


@extend_schema_view(
    list=extend_schema(parameters=[OPMAAK]), retrieve=extend_schema(parameters=[OPMAAK])
)
class BijdrageViewSet(ETagMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = BijdrageSerializer
    queryset = Bijdrage.objects.select_related("moment").order_by("pk")
    filter_backends = [GewijzigdSinds]
    gewijzigd_veld = "updated_at"

    def get_serializer_context(self):
        opmaak = self.request.query_params.get("opmaak", "markdown")
        if opmaak not in OPMAKEN:
            raise serializers.ValidationError(
                {"opmaak": [_("Kies markdown, html of tekst.")]}, code="ongeldig"
            )
        return super().get_serializer_context() | {"opmaak": opmaak}


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
