"""The opgave's page for residents, as the team writes and publishes it."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from ..models import Publicatie

ZOUT = "participatie.aanmeldformulier"


class PublicatieForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Publicatie
        fields = ["titel", "slug", "tekst", "contact", "gepubliceerd"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 8})}

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug == "aanmelding":  # /meedoen/aanmelding/... is the residents' own link
            raise forms.ValidationError(_("Kies een ander adres."), code="gereserveerd")
        return slug


class AanmeldForm(NLDSFormMixin, forms.Form):
    """A resident's sign-up. Instead of a third party's captcha: a field people do not see
    (robots fill it) and a minimum time between showing the form and sending it."""

    naam = forms.CharField(
        label=_("Uw naam"), max_length=100, error_messages={"required": _("Vul uw naam in.")}
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen we de link om uw aanmelding te bevestigen."),
        error_messages={"required": _("Vul uw e-mailadres in.")},
    )
    opmerking = forms.CharField(
        label=_("Wensen of opmerkingen (niet verplicht)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: ik kom met een rolstoel, of ik heb een tolk nodig."),
    )
    website = forms.CharField(required=False, widget=forms.HiddenInput)
    begonnen = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begonnen"].initial = signing.dumps(time.time(), salt=ZOUT)

    def clean_begonnen(self) -> float:
        try:
            begonnen = signing.loads(self.cleaned_data["begonnen"], salt=ZOUT, max_age=86400)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Het formulier stond te lang open. Vul het opnieuw in."), code="verlopen"
            ) from None
        if time.time() - begonnen < settings.MEEDOEN_MIN_SECONDEN:
            raise forms.ValidationError(
                _("Dat ging erg snel. Kijk uw gegevens na en verstuur het formulier opnieuw."),
                code="te_snel",
            )
        return begonnen

    @property
    def robot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
