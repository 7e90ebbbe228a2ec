"""Linking a partner's account to their organisation in the register."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin, ZoekkeuzeField

from ..models import Stakeholder, Vorm


class PartnerkoppelingForm(NLDSFormMixin, forms.Form):
    prefix = "partner"

    # Searchable: the register holds up to 100,000 stakeholders.
    organisatie = ZoekkeuzeField(
        label=_("Organisatie in het stakeholderregister"),
        queryset=Stakeholder.objects.filter(vorm=Vorm.ORGANISATIE, geanonimiseerd_op__isnull=True),
        url_name="participatie:stakeholder-zoeken",
        required=False,
        help_text=_(
            "Typ een deel van de naam en kies uit de lijst; leeg laten ontkoppelt. De partner "
            "ziet de afspraken met deze organisatie in zijn opgaven."
        ),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )
