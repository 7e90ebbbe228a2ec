"""Linking a partner's account to their organisation in the register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin

from .register import organisatie_keuze


class PartnerkoppelingForm(NLDSFormMixin, forms.Form):
    prefix = "partner"

    organisatie = organisatie_keuze(
        label=_("Organisatie in het stakeholderregister"),
        help_text=_(
            "Typ een deel van de naam en kies uit de lijst; leeg laten ontkoppelt. De partner "
            "ziet de afspraken met deze organisatie in zijn opgaven."
        ),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
