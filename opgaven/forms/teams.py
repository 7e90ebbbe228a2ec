from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import NLDSFormMixin

from ..models import Opgave, Teamlidmaatschap
from .hub import opgave_keuze


class PersoonTeamForm(NLDSFormMixin, forms.ModelForm):
    """Put one person on the team of an opgave (from their page in Beheer > Gebruikers)."""

    prefix = "team"

    opgave = opgave_keuze(
        error_messages={
            "required": _("Kies de opgave."),
            "invalid_choice": _("Kies een opgave uit de lijst."),
        }
    )

    class Meta:
        model = Teamlidmaatschap
        fields = ["opgave", "rol"]

    def __init__(self, *args, persoon: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = persoon
        self.fields["opgave"].queryset = Opgave.objects.exclude(teamleden=persoon)
