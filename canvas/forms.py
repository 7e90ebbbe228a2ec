from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from .models import CanvasItem

MAX_TEKST = CanvasItem._meta.get_field("tekst").max_length


class CanvasItemForm(NLDSFormMixin, forms.Form):
    tekst = forms.CharField(
        label=_("Tekst"),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Vul een tekst in; een leeg canvasitem kan niet worden opgeslagen."),
            "max_length": _(
                "De tekst is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["tekst"].label = label

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"].strip()
        if not tekst:
            raise forms.ValidationError(self.fields["tekst"].error_messages["required"])
        return tekst


class CanvasItemEditForm(CanvasItemForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The form replaces the item in place: put the cursor where the editing happens.
        self.fields["tekst"].widget.attrs["autofocus"] = True


class VersieForm(NLDSFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van de versie"),
        max_length=100,
        help_text=_("Bijvoorbeeld 'na sprint 2' of 'begroting 2027'."),
        error_messages={
            "required": _("Geef de versie een naam, bijvoorbeeld 'na sprint 2'."),
            "max_length": _("Een naam is hoogstens %(limit_value)d tekens."),
        },
    )

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.opgave = opgave

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if not naam:
            raise forms.ValidationError(self.fields["naam"].error_messages["required"])
        if self.opgave.canvasversies.filter(naam=naam).exists():
            raise forms.ValidationError(_("Er is al een versie met deze naam; kies een andere."))
        return naam


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
        from .keten import TOEGESTAAN

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
