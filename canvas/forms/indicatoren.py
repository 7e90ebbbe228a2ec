"""Indicators, measurements and their CSV import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import GetalField, NLDSFormMixin, datum_veld

from ..models import (
    Indicator,
)

GETAL_FOUTEN = {
    "invalid": _("Vul een getal in, bijvoorbeeld 12,5."),
    "max_digits": _("Dat getal is te groot."),
    "max_whole_digits": _("Dat getal is te groot."),
    "max_decimal_places": _("Hoogstens twee cijfers achter de komma."),
}


def _getal(label, **kwargs):
    return GetalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages=GETAL_FOUTEN | {"required": _("Vul een getal in, bijvoorbeeld 12,5.")},
        **kwargs,
    )


class IndicatorForm(NLDSFormMixin, forms.ModelForm):
    prefix = "indicator"
    nulmeting = _getal(_("Nulmeting"))
    nulmeting_datum = datum_veld(_("Datum nulmeting"))
    streefwaarde = _getal(_("Streefwaarde"))
    streefdatum = datum_veld(_("Streefdatum"))

    class Meta:
        model = Indicator
        fields = [
            "item",
            "naam",
            "eenheid",
            "bron",
            "bron_toelichting",
            "nulmeting",
            "nulmeting_datum",
            "streefwaarde",
            "streefdatum",
        ]
        error_messages = {
            "item": {
                "required": _("Kies het effect of beleidsdoel dat deze indicator meet."),
                "invalid_choice": _("Kies een effect of beleidsdoel uit dit canvas."),
            },
            "naam": {"required": _("Geef de indicator een naam.")},
            "eenheid": {"required": _("Vul de eenheid in, bijvoorbeeld %.")},
            "bron": {"required": _("Kies de bron.")},
        }

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items

    def clean_eenheid(self):
        """A unit says what is counted: "5 kernen" reads, "5 aantal" does not."""
        eenheid = self.cleaned_data["eenheid"].strip()
        if eenheid.lower() in NIETSZEGGENDE_EENHEDEN:
            raise forms.ValidationError(
                _("Noem wat er geteld wordt, bijvoorbeeld kernen, deelnemers of %.")
            )
        return eenheid

    def clean(self):
        cleaned = super().clean()
        begin, eind = cleaned.get("nulmeting_datum"), cleaned.get("streefdatum")
        if begin and eind and eind <= begin:
            self.add_error("streefdatum", _("De streefdatum ligt na de datum van de nulmeting."))
        return cleaned


NIETSZEGGENDE_EENHEDEN = {"aantal", "aantallen", "getal", "stuks", "#", "n"}


def _indicator_veld():
    return forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=None,
        error_messages={
            "required": _("Kies de indicator."),
            "invalid_choice": _("Kies een indicator van deze opgave."),
        },
    )


class MetingForm(NLDSFormMixin, forms.Form):
    prefix = "meting"
    indicator = _indicator_veld()
    datum = datum_veld(_("Datum"))
    waarde = _getal(_("Waarde"))
    toelichting = forms.CharField(label=_("Toelichting"), max_length=200, required=False)

    def __init__(self, *args, indicatoren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicatoren


MAX_CSV = 1024 * 1024


class MetingenImportForm(NLDSFormMixin, forms.Form):
    prefix = "import"
    indicator = _indicator_veld()
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Per regel een datum en een waarde, gescheiden door ';', bijvoorbeeld "
            "15-03-2026;12,5. Een kopregel mag. Een datum die er al is, wordt bijgewerkt."
        ),
        error_messages={"required": _("Kies een CSV-bestand."), "empty": _("Het bestand is leeg.")},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, indicatoren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicatoren

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_CSV:
            raise forms.ValidationError(_("Het bestand is groter dan 1 MB."))
        return bestand
