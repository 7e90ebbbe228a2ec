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
