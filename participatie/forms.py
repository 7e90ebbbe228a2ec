from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from .models import BetrokkenheidRol, Stakeholder, StakeholderSoort

SCHAAL_1_5 = [(i, str(i)) for i in range(1, 6)]


class BetrokkenheidForm(NLDSFormMixin, forms.Form):
    """Position a stakeholder in an opgave: an existing one, or a new one by name."""

    stakeholder = forms.ModelChoiceField(
        label=_("Bestaande stakeholder"),
        queryset=Stakeholder.objects.order_by("naam"),
        required=False,
        empty_label=_("— kies of vul hieronder een nieuwe in —"),
    )
    nieuwe_naam = forms.CharField(
        label=_("Of: naam van een nieuwe stakeholder"), max_length=200, required=False
    )
    nieuwe_soort = forms.ChoiceField(
        label=_("Soort (bij een nieuwe stakeholder)"),
        choices=[("", "—"), *StakeholderSoort.choices],
        required=False,
    )
    rol = forms.ChoiceField(label=_("Rol in deze opgave"), choices=BetrokkenheidRol.choices)
    invloed = forms.TypedChoiceField(
        label=_("Invloed (1-5)"), choices=SCHAAL_1_5, coerce=int, initial=3
    )
    belang = forms.TypedChoiceField(
        label=_("Belang (1-5)"), choices=SCHAAL_1_5, coerce=int, initial=3
    )

    def __init__(self, *args, opgave, **kwargs):
        self.opgave = opgave
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        stakeholder = cleaned.get("stakeholder")
        naam = (cleaned.get("nieuwe_naam") or "").strip()
        cleaned["nieuwe_naam"] = naam
        if stakeholder and naam:
            raise forms.ValidationError(
                _("Kies een bestaande stakeholder óf vul een nieuwe naam in, niet allebei.")
            )
        if not stakeholder and not naam:
            raise forms.ValidationError(
                _("Kies een bestaande stakeholder of vul de naam van een nieuwe in.")
            )
        if naam and not cleaned.get("nieuwe_soort"):
            self.add_error("nieuwe_soort", _("Kies wat voor stakeholder dit is."))
        if stakeholder and stakeholder.betrokkenheden.filter(opgave=self.opgave).exists():
            self.add_error("stakeholder", _("Deze stakeholder is al betrokken bij deze opgave."))
        return cleaned
