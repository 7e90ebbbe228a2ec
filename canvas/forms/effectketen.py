"""Links in the effect chain."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from ..effectketen import TOEGESTAAN


class SchakelForm(NLDSFormMixin, forms.Form):
    """Link two items of one canvas in the effect chain, in a direction that makes sense."""

    prefix = "schakel"
    van = forms.TypedChoiceField(label=_("Dit item"), coerce=int)
    naar = forms.TypedChoiceField(label=_("draagt bij aan"), coerce=int)

    def __init__(self, *args, knopen: dict, bestaand: set, **kwargs):
        # Choices from the items already loaded: no query per field.
        super().__init__(*args, **kwargs)
        self.knopen, self.bestaand = knopen, bestaand
        keuzes = [(pk, f"{k.rol}: {k.item.tekst[:70]}") for pk, k in knopen.items()]
        for veld in ("van", "naar"):
            self.fields[veld].choices = keuzes
            self.fields[veld].error_messages["invalid_choice"] = _(
                "Kies een item uit de effectketen van dit canvas."
            )

    def clean(self):
        cleaned = super().clean()
        van, naar = cleaned.get("van"), cleaned.get("naar")
        if van is None or naar is None:
            return cleaned
        paar = (self.knopen[van].rol, self.knopen[naar].rol)
        if paar not in TOEGESTAAN:
            raise forms.ValidationError(
                _(
                    "Zo loopt de keten niet: een activiteit draagt bij aan een prestatie of "
                    "effect, een prestatie aan een effect, een effect aan een beleidsdoel."
                )
            )
        if (van, naar) in self.bestaand:
            raise forms.ValidationError(_("Deze schakel staat al in de keten."))
        return cleaned
