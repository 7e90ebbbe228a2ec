"""Forms of the canvas items: text (with its version), owner and status, comments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from ..models import (
    Blok,
    CanvasItem,
    ItemStatus,
    Reactie,
)

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


class NaarBlokForm(forms.Form):
    """Another block for an item (the keyboard and no-JS way to move it between blocks)."""

    blok = forms.ChoiceField(
        label=_("Verplaats naar"),
        choices=Blok.choices,
        error_messages={
            "required": _("Kies een ander blok van het canvas."),
            "invalid_choice": _("Kies een ander blok van het canvas."),
        },
    )


class ItemEigenschappenForm(NLDSFormMixin, forms.Form):
    """Owner and status of an item; separate from the text, so it never conflicts with it."""

    prefix = "eigenschappen"
    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=None,
        required=False,
        empty_label=_("(nog niemand)"),
        error_messages={"invalid_choice": _("Kies een eigenaar uit het opgaveteam.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ItemStatus.choices,
        error_messages={"invalid_choice": _("Kies een van de statussen uit de lijst.")},
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = team


class ReactieForm(NLDSFormMixin, forms.Form):
    prefix = "reactie"
    tekst = forms.CharField(
        label=_("Uw reactie"),
        max_length=Reactie._meta.get_field("tekst").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf eerst uw reactie."),
            "max_length": _(
                "De reactie is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"].strip()
        if not tekst:
            raise forms.ValidationError(self.fields["tekst"].error_messages["required"])
        return tekst
