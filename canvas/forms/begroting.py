"""Financiers and budget lines."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BedragField, NLDSFormMixin

from ..models import (
    Financier,
)


class FinancierForm(NLDSFormMixin, forms.ModelForm):
    prefix = "financier"

    class Meta:
        model = Financier
        fields = ["naam", "soort", "begrotingsprogramma"]
        error_messages = {
            "naam": {"required": _("Vul de naam van de financier in.")},
            "soort": {"required": _("Kies wat voor financier dit is.")},
        }

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if self.instance.opgave.financiers.filter(naam=naam).exists():
            raise forms.ValidationError(_("Deze financier staat al in de begroting."))
        return naam


class BegrotingsregelForm(NLDSFormMixin, forms.Form):
    """One line; a line for the same year, activity and financier is updated, not doubled."""

    prefix = "regel"
    jaar = forms.IntegerField(
        label=_("Jaar"),
        error_messages={
            "required": _("Vul het jaar in."),
            "invalid": _("Vul een jaar in, bijvoorbeeld 2027."),
        },
    )
    activiteit = forms.ModelChoiceField(
        label=_("Activiteit"),
        queryset=None,
        error_messages={
            "required": _("Kies de activiteit."),
            "invalid_choice": _("Kies een activiteit uit het canvas van deze opgave."),
        },
    )
    financier = forms.ModelChoiceField(
        label=_("Financier"),
        queryset=None,
        error_messages={
            "required": _("Kies de financier."),
            "invalid_choice": _("Kies een financier van deze opgave."),
        },
    )
    begroot = BedragField(
        label=_("Begroot"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        help_text=_("In euro's, bijvoorbeeld 12.500,00."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    realisatie = BedragField(
        label=_("Realisatie"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, opgave, activiteiten, financiers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteit"].queryset = activiteiten
        self.fields["financier"].queryset = financiers
        self.fields["begroot"].error_messages["required"] = _(
            "Vul het begrote bedrag in, bijvoorbeeld 12.500,00."
        )
        for veld in ("begroot", "realisatie"):
            self.fields[veld].error_messages.update(
                {
                    "invalid": _("Vul een bedrag in euro's in, bijvoorbeeld 12.500,00."),
                    "min_value": _("Een bedrag kan niet negatief zijn."),
                    "max_digits": _("Dat bedrag is te groot."),
                    "max_whole_digits": _("Dat bedrag is te groot."),
                    "max_decimal_places": _(
                        "Een bedrag heeft hoogstens twee cijfers achter de komma."
                    ),
                }
            )

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if not 2000 <= jaar <= 2100:
            raise forms.ValidationError(_("Kies een jaar tussen 2000 en 2100."))
        return jaar

    def clean_realisatie(self):
        return self.cleaned_data.get("realisatie") or 0
