from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.bijlagen import TOEGESTAAN, keur
from core.forms import NLDSFormMixin

from ..models import Opgave, OpgaveBijlage


class BijlageForm(NLDSFormMixin, forms.Form):
    """A document for an opgave, or (``reeks``) a new version of one of its documents."""

    prefix = "bijlage"

    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, Word, Excel, OpenDocument-tekst of een afbeelding (PNG, JPEG)."),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
            "invalid": _("Kies een bestand."),
        },
    )
    reeks = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(self, *args, opgave: Opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.opgave = opgave
        self.fields["bestand"].widget.attrs["accept"] = TOEGESTAAN

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        self.gekeurd = keur(bestand)
        return bestand

    def clean_reeks(self):
        reeks = self.cleaned_data["reeks"]
        if reeks and not OpgaveBijlage.objects.filter(opgave=self.opgave, reeks=reeks).exists():
            raise ValidationError(_("Dit document hoort niet bij deze opgave."))
        return reeks

    def save(self, *, door) -> OpgaveBijlage:
        return OpgaveBijlage.toevoegen(
            opgave=self.opgave,
            bestand=self.cleaned_data["bestand"],
            gekeurd=self.gekeurd,
            door=door,
            reeks=self.cleaned_data["reeks"],
        )
