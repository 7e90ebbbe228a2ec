"""Freezing the canvas under a name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin


class VersieForm(NLDSFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van de versie"),
        max_length=100,
        help_text=_("Bijvoorbeeld 'na sprint 2' of 'begroting 2027'."),
        error_messages={
            "required": _("Geef de versie een naam, bijvoorbeeld 'na sprint 2'."),
            "max_length": _("Een naam is hoogstens %(limit_value)d tekens."),
        },
    )

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.opgave = opgave

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if not naam:
            raise forms.ValidationError(self.fields["naam"].error_messages["required"])
        if self.opgave.canvasversies.filter(naam=naam).exists():
            raise forms.ValidationError(_("Er is al een versie met deze naam; kies een andere."))
        return naam
