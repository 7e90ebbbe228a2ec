from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin, ZoekkeuzeMeerField, datum_veld
from opgaven.models import Opgave

from .models import Bijdrage, Motie, MotieStatus, PcMoment

MAX_MOTIES_CSV = 2 * 1024 * 1024


class PcMomentForm(NLDSFormMixin, forms.ModelForm):
    prefix = "moment"
    deadline = datum_veld(_("Deadline bijdragen"), leeg=_("Vul de deadline in."))

    class Meta:
        model = PcMoment
        fields = ["soort", "jaar", "deadline"]
        error_messages = {
            "soort": {"required": _("Kies het soort moment.")},
            "jaar": {"required": _("Vul het begrotingsjaar in."), "invalid": _("Vul een jaar in.")},
        }

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if not 2000 <= jaar <= 2100:
            raise forms.ValidationError(_("Kies een jaar tussen 2000 en 2100."))
        return jaar


TEKST = {"rows": 10}


class BijdrageForm(NLDSFormMixin, forms.ModelForm):
    """The texts of a contribution; its status changes through the governance steps."""

    prefix = "bijdrage"
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Bijdrage
        fields = ["bereiken", "doen", "kosten"]
        widgets = {
            "bereiken": forms.Textarea(attrs=TEKST),
            "doen": forms.Textarea(attrs=TEKST),
            "kosten": forms.Textarea(attrs=TEKST),
        }
        error_messages = {
            veld: {
                "max_length": _(
                    "Deze tekst is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
                )
            }
            for veld in ("bereiken", "doen", "kosten")
        }


class HeropenenForm(NLDSFormMixin, forms.Form):
    prefix = "heropenen"
    reden = forms.CharField(
        label=_("Waarom heropenen?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf op waarom de bijdrage weer open moet.")},
    )


class ZoekForm(NLDSFormMixin, forms.Form):
    """Search in what reports say (for the raadslid: published ones)."""

    q = forms.CharField(label=_("Zoek in de rapportages"), max_length=200, required=False)

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["q"].label = label


class MotieForm(NLDSFormMixin, forms.ModelForm):
    """A motie, amendement or toezegging as the griffie registered it; its stand is the
    team's (MotieStandForm)."""

    prefix = "motie"
    opgaven = ZoekkeuzeMeerField(
        queryset=Opgave.objects.order_by("rang", "titel", "pk"),
        url_name="opgaven:opgave-zoeken",
        zoek_op="titel",
        label=_("Opgaven"),
        required=False,
        help_text=_("De opgaven die deze motie of toezegging raakt."),
        error_messages={"invalid_choice": _("Kies opgaven uit de lijst.")},
    )
    datum = datum_veld(_("Datum"), leeg=_("Vul de datum in waarop de raad het besloot."))
    deadline = datum_veld(_("Uiterlijk afgedaan op"), required=False)

    class Meta:
        model = Motie
        fields = ["soort", "nummer", "datum", "titel", "indieners", "opgaven", "deadline", "link"]
        fields += ["tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "soort": {
                "required": _("Kies motie, amendement of toezegging."),
                "invalid_choice": _("Kies motie, amendement of toezegging."),
            },
            "nummer": {"required": _("Vul het nummer van de griffie in.")},
            "titel": {"required": _("Vul de titel in.")},
            "link": {"invalid": _("Vul een volledige link in, beginnend met https://.")},
        }


class MotieStandForm(NLDSFormMixin, forms.ModelForm):
    prefix = "stand"

    class Meta:
        model = Motie
        fields = ["status", "toelichting"]
        labels = {"status": _("Stand")}
        help_texts = {
            "toelichting": _(
                "Bij afgedaan: hoe, en met welk stuk (bijv. een raadsinformatiebrief)."
            )
        }
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"status": {"invalid_choice": _("Kies een stand uit de lijst.")}}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == MotieStatus.AFGEDAAN and not cleaned.get("toelichting"):
            self.add_error(
                "toelichting", _("Schrijf op hoe het is afgedaan: de raad leest het terug.")
            )
        return cleaned


class MotieImportForm(NLDSFormMixin, forms.Form):
    prefix = "import"
    bestand = forms.FileField(
        label=_("CSV-bestand van de griffie"),
        help_text=_(
            "Een kopregel met de kolommen soort, nummer, datum, titel en zo nodig indieners, "
            "opgaven (titels, gescheiden door |), deadline, link en tekst; gescheiden door ';' "
            "of ','. Een nummer dat er al is, wordt bijgewerkt; de stand blijft."
        ),
        error_messages={"required": _("Kies een CSV-bestand."), "empty": _("Het bestand is leeg.")},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_MOTIES_CSV:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB."))
        return bestand
