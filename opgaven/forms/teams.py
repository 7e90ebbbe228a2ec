from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import NLDSFormMixin

from ..models import Opgave, Teamlidmaatschap


class PersoonTeamForm(NLDSFormMixin, forms.ModelForm):
    """Put one person on the team of an opgave (from their page in Beheer > Gebruikers)."""

    prefix = "team"

    class Meta:
        model = Teamlidmaatschap
        fields = ["opgave", "rol"]
        labels = {"opgave": _("Opgave")}
        error_messages = {
            "opgave": {
                "required": _("Kies de opgave."),
                "invalid_choice": _("Kies een opgave uit de lijst."),
            }
        }

    def __init__(self, *args, persoon: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = persoon
        self.fields["opgave"].queryset = Opgave.objects.exclude(teamleden=persoon).order_by("titel")
