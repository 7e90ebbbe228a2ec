"""Linking a partner's account to their organisation in the register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from ..models import Stakeholder, Vorm


class PartnerkoppelingForm(NLDSFormMixin, forms.Form):
    prefix = "partner"

    organisatie = forms.ModelChoiceField(
        label=_("Organisatie in het stakeholderregister"),
        queryset=Stakeholder.objects.filter(
            vorm=Vorm.ORGANISATIE, geanonimiseerd_op__isnull=True
        ).order_by("naam"),
        required=False,
        empty_label=_("(geen organisatie)"),
        help_text=_("De partner ziet de afspraken met deze organisatie in zijn opgaven."),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
