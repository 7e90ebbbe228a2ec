"""The reference lists the beheerder keeps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from ..models import (
    Domein,
    Gebied,
)


class DomeinForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Domein
        fields = ["naam"]
        error_messages = {
            "naam": {
                "required": _("Geef het domein een naam."),
                "unique": _("Dit domein bestaat al."),
            }
        }


class GebiedForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Gebied
        fields = ["naam", "soort", "cbs_code", "bovenliggend"]
        error_messages = {"naam": {"required": _("Geef het gebied een naam.")}}
