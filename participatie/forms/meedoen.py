"""The opgave's page for residents, as the team writes and publishes it."""

from django import forms

from core.forms import NLDSFormMixin

from ..models import Publicatie


class PublicatieForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Publicatie
        fields = ["titel", "slug", "tekst", "contact", "gepubliceerd"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 8})}
