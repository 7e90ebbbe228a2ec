from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import NLDSFormMixin, ZoekkeuzeField

from ..models import Opgave, Teamlidmaatschap


class PersoonTeamForm(NLDSFormMixin, forms.ModelForm):
    """Put one person on the team of an opgave (from their page in Beheer > Gebruikers)."""

    prefix = "team"

    opgave = ZoekkeuzeField(
        label=_("Opgave"),
        queryset=Opgave.objects.all(),
        url_name="opgaven:opgave-zoeken",
        zoek_op="titel",
        error_messages={
            "required": _("Kies de opgave."),
            "invalid_choice": _("Kies een opgave uit de lijst."),
        },
        help_text=_("Typ een deel van de titel en kies uit de lijst (pijltjes en Enter)."),
    )

    class Meta:
        model = Teamlidmaatschap
        fields = ["opgave", "rol"]

    def __init__(self, *args, persoon: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = persoon
        self.fields["opgave"].queryset = Opgave.objects.exclude(teamleden=persoon)
