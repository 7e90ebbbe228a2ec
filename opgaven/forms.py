from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol, User
from core.forms import NLDSFormMixin

from .models import Opgave


class OpgaveForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Opgave
        fields = [
            "titel",
            "maatschappelijke_bedoeling",
            "schaal",
            "fase",
            "gebieden",
            "opgaveregisseur",
        ]
        widgets = {
            "maatschappelijke_bedoeling": forms.Textarea(attrs={"rows": 5}),
            "gebieden": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "titel": {"required": _("Geef de opgave een titel.")},
            "maatschappelijke_bedoeling": {
                "required": _(
                    "Beschrijf de maatschappelijke bedoeling: waarom doet deze opgave ertoe?"
                )
            },
            "opgaveregisseur": {"required": _("Kies wie de opgave regisseert.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opgaveregisseur"].queryset = User.objects.filter(
            is_active=True, rol__in=[Rol.OPGAVEREGISSEUR, Rol.BEHEERDER]
        ).order_by("first_name", "last_name", "username")
        self.fields["titel"].widget.attrs["maxlength"] = 200

    def clean_titel(self):
        titel = self.cleaned_data["titel"].strip()
        if not titel:
            raise forms.ValidationError(_("Geef de opgave een titel."))
        return titel
