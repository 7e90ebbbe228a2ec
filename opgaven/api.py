"""Opgaven over the API (config.api): the profile, fase, voortgang, prioriteit, gebieden and
domeinen. No person: not the regisseur, the team, the portefeuillehouder or the
opdrachtgevers (their names are personal data)."""

from rest_framework import serializers, viewsets

from core.api import ETagMixin, GewijzigdSinds

from .models import Opgave


class OpgaveSerializer(serializers.ModelSerializer):
    gebieden = serializers.SlugRelatedField(many=True, read_only=True, slug_field="naam")
    domeinen = serializers.SlugRelatedField(many=True, read_only=True, slug_field="naam")

    class Meta:
        model = Opgave
        fields = [
            "id",
            "titel",
            "maatschappelijke_bedoeling",
            "schaal",
            "fase",
            "voortgang",
            "prioriteit",
            "rang",
            "startdatum",
            "einddatum",
            "gebieden",
            "domeinen",
            "created_at",
            "updated_at",
        ]


class OpgaveViewSet(ETagMixin, viewsets.ReadOnlyModelViewSet):
    """Every opgave, in the order of the beleidsagenda."""

    serializer_class = OpgaveSerializer
    queryset = Opgave.objects.prefetch_related("gebieden", "domeinen").order_by("rang", "pk")
    filter_backends = [GewijzigdSinds]
    gewijzigd_veld = "updated_at"
