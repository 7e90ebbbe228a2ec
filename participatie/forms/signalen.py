"""Signalen: sending one, answering it, forwarding it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin
from opgaven.forms.hub import opgave_keuze

from ..models import (
    Signaal,
)


class SignaalForm(NLDSFormMixin, forms.ModelForm):
    # Searchable: a province has thousands of opgaven (the view narrows the queryset).
    opgave = opgave_keuze(
        help_text=_(
            "Typ een deel van de titel en kies uit de lijst. Het team van deze opgave "
            "krijgt het signaal en antwoordt u."
        ),
        error_messages={
            "required": _("Kies bij welke opgave dit signaal hoort."),
            "invalid_choice": _("Kies een bestaande opgave."),
        },
    )

    class Meta:
        model = Signaal
        fields = ["opgave", "titel", "beschrijving"]
        widgets = {"beschrijving": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "titel": {"required": _("Geef het signaal een korte titel.")},
            "beschrijving": {"required": _("Beschrijf wat er in de praktijk misgaat.")},
        }


class AntwoordForm(NLDSFormMixin, forms.Form):
    prefix = "antwoord"
    antwoord = forms.CharField(
        label=_("Antwoord aan de indiener"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf een antwoord voordat u het signaal sluit.")},
    )


class DoorsturenForm(NLDSFormMixin, forms.Form):
    prefix = "doorsturen"
    opgave = opgave_keuze(
        label=_("Doorsturen naar opgave"),
        error_messages={
            "required": _("Kies naar welke opgave het signaal gaat."),
            "invalid_choice": _("Kies een bestaande opgave."),
        },
    )

    def __init__(self, *args, opgaven, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opgave"].queryset = opgaven
