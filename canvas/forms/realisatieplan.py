"""The plan of one activity and its milestones."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin, datum_veld

from ..models import (
    Mijlpaal,
    Uitvoering,
    UitvoeringStatus,
)


class UitvoeringForm(NLDSFormMixin, forms.ModelForm):
    """The plan of one activity; the owner is the canvas item's eigenaar (a team member)."""

    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar uit het team"),
        queryset=None,
        required=False,
        empty_label=_("(nog niemand)"),
        error_messages={"invalid_choice": _("Kies een eigenaar uit het opgaveteam.")},
    )
    start = datum_veld(_("Start"), required=False)
    eind = datum_veld(_("Eind"), required=False)
    voortgang = forms.IntegerField(
        label=_("Voortgang (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "required": _("Vul de voortgang in, van 0 tot 100."),
            "invalid": _("Vul de voortgang in als een heel getal van 0 tot 100."),
            "min_value": _("De voortgang ligt tussen 0 en 100."),
            "max_value": _("De voortgang ligt tussen 0 en 100."),
        },
    )

    prefix = "uitvoering"

    class Meta:
        model = Uitvoering
        fields = ["eigenaar", "partner", "start", "eind", "status", "voortgang"]
        error_messages = {"status": {"invalid_choice": _("Kies een status uit de lijst.")}}

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = team

    def clean(self):
        cleaned = super().clean()
        start, eind = cleaned.get("start"), cleaned.get("eind")
        if start and eind and eind < start:
            self.add_error("eind", _("Het eind ligt niet voor de start."))
        if cleaned.get("status") == UitvoeringStatus.AFGEROND and cleaned.get("voortgang") != 100:
            self.add_error("voortgang", _("Een afgeronde activiteit staat op 100%."))
        return cleaned


class MijlpaalForm(NLDSFormMixin, forms.ModelForm):
    prefix = "mijlpaal"
    datum = datum_veld(_("Datum"))

    class Meta:
        model = Mijlpaal
        fields = ["naam", "datum"]
        error_messages = {"naam": {"required": _("Geef de mijlpaal een naam.")}}
