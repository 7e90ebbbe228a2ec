"""Opgavesprints."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DATUM, NLDSFormMixin

from ..models import (
    Opgavesprint,
)


class SprintForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Opgavesprint
        fields = [
            "startdatum",
            "einddatum",
            "doel",
            "maatschappelijke_bedoeling",
            "aanpak_tot_nu_toe",
            "uitkomsten",
            "retrospectief",
        ]
        widgets = {
            "startdatum": DATUM,
            "einddatum": DATUM,
            **{
                veld: forms.Textarea(attrs={"rows": 3})
                for veld in [
                    "doel",
                    "maatschappelijke_bedoeling",
                    "aanpak_tot_nu_toe",
                    "uitkomsten",
                    "retrospectief",
                ]
            },
        }
        error_messages = {
            "startdatum": {"required": _("Vul in wanneer de sprint begint.")},
            "einddatum": {"required": _("Vul in wanneer de sprint eindigt.")},
            "doel": {"required": _("Beschrijf het sprintdoel.")},
        }

    def __init__(self, *args, nummer: int, **kwargs):
        super().__init__(*args, **kwargs)
        if nummer == 1:
            for veld in ("maatschappelijke_bedoeling", "aanpak_tot_nu_toe"):
                self.fields[veld].required = True
            self.fields["maatschappelijke_bedoeling"].help_text = _(
                "Sprint 1 maakt expliciet waarvoor we het doen."
            )
            self.fields["aanpak_tot_nu_toe"].help_text = _(
                "En wat er tot nu toe al gebeurt of gebeurd is."
            )
            self.fields["maatschappelijke_bedoeling"].error_messages["required"] = _(
                "Sprint 1 begint met de maatschappelijke bedoeling: vul die in."
            )
            self.fields["aanpak_tot_nu_toe"].error_messages["required"] = _(
                "Sprint 1 beschrijft ook de aanpak tot nu toe: vul die in."
            )
        else:
            del self.fields["maatschappelijke_bedoeling"]
            del self.fields["aanpak_tot_nu_toe"]

    def clean(self):
        cleaned = super().clean()
        start, einde = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and einde and einde < start:
            self.add_error("einddatum", _("De einddatum ligt vóór de startdatum."))
        return cleaned
