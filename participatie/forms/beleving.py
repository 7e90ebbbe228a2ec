"""Personas and their journey."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canvas.models import Blok
from core.forms import NLDSFormMixin

from ..models import (
    Persona,
    Reisstap,
)


class PersonaForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Persona
        fields = ["naam", "beschrijving", "doelgroepen"]
        widgets = {
            "beschrijving": forms.Textarea(attrs={"rows": 4}),
            "doelgroepen": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "naam": {"required": _("Geef de persona een naam.")},
            "beschrijving": {"required": _("Beschrijf wie deze persona is.")},
        }

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave
        self.fields["doelgroepen"].queryset = opgave.canvas_items.filter(blok=Blok.DOELGROEPEN)
        self.fields["doelgroepen"].error_messages["invalid_choice"] = _(
            "Kies doelgroepen uit het canvas van deze opgave."
        )
        self.fields["doelgroepen"].help_text = _(
            "De doelgroepen uit het blok Doelgroepen van het canvas."
        )


class ReisstapForm(NLDSFormMixin, forms.ModelForm):
    prefix = "stap"

    class Meta:
        model = Reisstap
        fields = ["omschrijving", "knelpunt"]
        widgets = {"knelpunt": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"omschrijving": {"required": _("Beschrijf wat de bewoner meemaakt.")}}
