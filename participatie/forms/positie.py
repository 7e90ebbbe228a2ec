"""Positioning a stakeholder in an opgave, and re-assessing the position."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin, ZoekkeuzeField

from ..models import (
    BetrokkenheidRol,
    Houding,
    Participatieladder,
    Stakeholder,
    StakeholderSoort,
)

SCHAAL_1_5 = [(i, str(i)) for i in range(1, 6)]


class BetrokkenheidForm(NLDSFormMixin, forms.Form):
    """Position a stakeholder in an opgave: an existing one, or a new one by name."""

    stakeholder = ZoekkeuzeField(
        label=_("Bestaande stakeholder"),
        queryset=Stakeholder.objects.filter(geanonimiseerd_op__isnull=True),
        url_name="participatie:stakeholder-zoeken",
        required=False,
    )
    nieuwe_naam = forms.CharField(
        label=_("Of: naam van een nieuwe stakeholder"), max_length=200, required=False
    )
    nieuwe_soort = forms.ChoiceField(
        label=_("Soort (bij een nieuwe stakeholder)"),
        # Persons need a ground, purpose and retention date: they go through the register.
        choices=[
            ("", "—"),
            *[c for c in StakeholderSoort.choices if c[0] != StakeholderSoort.INWONER],
        ],
        required=False,
        help_text=_("Een inwoner (persoon) registreert u eerst in het stakeholderregister."),
    )
    rol = forms.ChoiceField(label=_("Rol in deze opgave"), choices=BetrokkenheidRol.choices)
    invloed = forms.TypedChoiceField(
        label=_("Invloed (1-5)"), choices=SCHAAL_1_5, coerce=int, initial=3
    )
    belang = forms.TypedChoiceField(
        label=_("Belang (1-5)"), choices=SCHAAL_1_5, coerce=int, initial=3
    )
    houding = forms.TypedChoiceField(
        label=_("Houding"),
        choices=Houding.choices,
        initial=Houding.ONBEKEND,
        required=False,
        empty_value=Houding.ONBEKEND,
    )
    ladder_nu = forms.TypedChoiceField(
        label=_("Participatieladder nu"),
        choices=Participatieladder.choices,
        coerce=int,
        initial=Participatieladder.INFORMEREN,
        required=False,
        empty_value=Participatieladder.INFORMEREN,
    )
    ladder_gewenst = forms.TypedChoiceField(
        label=_("Participatieladder gewenst"),
        choices=Participatieladder.choices,
        coerce=int,
        initial=Participatieladder.INFORMEREN,
        required=False,
        empty_value=Participatieladder.INFORMEREN,
    )

    def __init__(self, *args, opgave, **kwargs):
        self.opgave = opgave
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        stakeholder = cleaned.get("stakeholder")
        naam = (cleaned.get("nieuwe_naam") or "").strip()
        cleaned["nieuwe_naam"] = naam
        if stakeholder and naam:
            raise forms.ValidationError(
                _("Kies een bestaande stakeholder óf vul een nieuwe naam in, niet allebei.")
            )
        if not stakeholder and not naam:
            raise forms.ValidationError(
                _("Kies een bestaande stakeholder of vul de naam van een nieuwe in.")
            )
        if naam and not cleaned.get("nieuwe_soort"):
            self.add_error("nieuwe_soort", _("Kies wat voor stakeholder dit is."))
        if stakeholder and stakeholder.betrokkenheden.filter(opgave=self.opgave).exists():
            self.add_error("stakeholder", _("Deze stakeholder is al betrokken bij deze opgave."))
        return cleaned


class BeoordelingForm(NLDSFormMixin, forms.Form):
    invloed = forms.TypedChoiceField(label=_("Invloed (1-5)"), choices=SCHAAL_1_5, coerce=int)
    belang = forms.TypedChoiceField(label=_("Belang (1-5)"), choices=SCHAAL_1_5, coerce=int)
    houding = forms.ChoiceField(label=_("Houding"), choices=Houding.choices)
    ladder_nu = forms.TypedChoiceField(
        label=_("Participatieladder nu"), choices=Participatieladder.choices, coerce=int
    )
    ladder_gewenst = forms.TypedChoiceField(
        label=_("Participatieladder gewenst"), choices=Participatieladder.choices, coerce=int
    )
    acties = forms.CharField(
        label=_("Acties om in positie te brengen"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def clean(self):
        cleaned = super().clean()
        nu, gewenst = cleaned.get("ladder_nu"), cleaned.get("ladder_gewenst")
        if nu and gewenst and gewenst > nu and not cleaned.get("acties", "").strip():
            self.add_error(
                "acties", _("Beschrijf hoe u deze stakeholder naar de gewenste trede brengt.")
            )
        return cleaned


class ActiesForm(NLDSFormMixin, forms.Form):
    """From a gap on the ladder: the action planned to close it (one per stakeholder on the
    page, so the prefix names the betrokkenheid)."""

    acties = forms.CharField(
        label=_("Geplande actie"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Beschrijf welke actie u plant.")},
    )
