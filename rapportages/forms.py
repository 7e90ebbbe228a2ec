from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin, datum_veld

from .models import Bijdrage, PcMoment


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
