"""Registering stakeholders, and finding them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DATUM, NLDSFormMixin, ZoekkeuzeField
from core.invoer import alleen_cijfers

from ..models import (
    Stakeholder,
    StakeholderSoort,
    Vorm,
)


def organisatie_keuze(**kwargs) -> ZoekkeuzeField:
    """A searchable choice of an organisation in the register: it holds up to 100,000
    stakeholders, and a select of its organisations made the form 3.7 MB."""
    veld = ZoekkeuzeField(
        queryset=Stakeholder.objects.filter(vorm=Vorm.ORGANISATIE, geanonimiseerd_op__isnull=True),
        url_name="participatie:stakeholder-zoeken",
        required=False,
        **kwargs,
    )
    veld.widget.params = {"vorm": Vorm.ORGANISATIE}
    return veld


class StakeholderForm(NLDSFormMixin, forms.ModelForm):
    """Register an organisation or a person; a likely duplicate must be confirmed first."""

    organisatie = organisatie_keuze(
        label=_("Werkt bij / hoort bij"),
        error_messages={"invalid_choice": _("Kies een organisatie uit de lijst.")},
    )

    # Longer than a KvK number on purpose: a wrong one gets one clear message from clean_kvk_nummer.
    kvk_nummer = forms.CharField(label=_("KvK-nummer"), max_length=20, required=False)
    dubbel_bevestigd = forms.BooleanField(
        label=_("Ik heb de mogelijke dubbelen bekeken: dit is een andere stakeholder."),
        required=False,
    )

    class Meta:
        model = Stakeholder
        fields = [
            "vorm",
            "naam",
            "soort",
            "organisatie",
            "kvk_nummer",
            "email",
            "telefoon",
            "toelichting",
            "grondslag",
            "doel",
            "bewaren_tot",
            "openbaar_noemen",
            "openbaar_noemen_op",
            "openbaar_noemen_bron",
        ]
        widgets = {
            "toelichting": forms.Textarea(attrs={"rows": 3}),
            "bewaren_tot": DATUM,
            "openbaar_noemen_op": DATUM,
            "vorm": forms.RadioSelect,
        }
        error_messages = {
            "naam": {"required": _("Vul de naam in.")},
            "email": {"invalid": _("Dit is geen geldig e-mailadres.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dubbelen: list[Stakeholder] = []
        self.fields["kvk_nummer"].help_text = _("Acht cijfers; alleen voor organisaties.")

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if not naam:
            raise forms.ValidationError(_("Vul de naam in."))
        return naam

    def clean_kvk_nummer(self):
        kvk = self.cleaned_data["kvk_nummer"].replace(" ", "")
        if kvk and not (alleen_cijfers(kvk) and len(kvk) == 8):
            raise forms.ValidationError(_("Een KvK-nummer bestaat uit acht cijfers."))
        return kvk

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("vorm") == Vorm.PERSOON:
            # AVG: no person without a ground, a purpose and a retention date.
            for veld, melding in [
                ("grondslag", _("Kies de grondslag waarop we deze persoonsgegevens verwerken.")),
                ("doel", _("Beschrijf waarvoor we de gegevens van deze persoon nodig hebben.")),
                ("bewaren_tot", _("Geef aan tot wanneer we de gegevens bewaren.")),
            ]:
                if not cleaned.get(veld):
                    self.add_error(veld, melding)
            if cleaned.get("kvk_nummer"):
                self.add_error("kvk_nummer", _("Een persoon heeft geen KvK-nummer."))
            if cleaned.get("openbaar_noemen"):
                for veld, melding in [
                    ("openbaar_noemen_op", _("Geef aan wanneer de persoon toestemming gaf.")),
                    ("openbaar_noemen_bron", _("Beschrijf hoe de persoon toestemming gaf.")),
                ]:
                    if not cleaned.get(veld):
                        self.add_error(veld, melding)
            else:
                # Without consent nothing about it is kept: withdrawing it clears both.
                cleaned["openbaar_noemen_op"], cleaned["openbaar_noemen_bron"] = None, ""
        else:
            if cleaned.get("organisatie"):
                self.add_error("organisatie", _("Alleen een persoon hoort bij een organisatie."))
            # An organisation is always named; consent is a person's.
            cleaned["openbaar_noemen"] = False
            cleaned["openbaar_noemen_op"], cleaned["openbaar_noemen_bron"] = None, ""
        if not self.errors and not cleaned.get("dubbel_bevestigd"):
            self.dubbelen = list(
                Stakeholder.objects.mogelijke_dubbelen(
                    naam=cleaned.get("naam", ""),
                    email=cleaned.get("email", ""),
                    kvk_nummer=cleaned.get("kvk_nummer", ""),
                    behalve=self.instance,
                )[:5]
            )
            if self.dubbelen:
                raise forms.ValidationError(
                    _(
                        "Deze stakeholder staat mogelijk al in het register. Kijk de lijst na en "
                        "bevestig dat het een andere is, of kies de bestaande."
                    )
                )
        return cleaned


class StakeholderFilter(NLDSFormMixin, forms.Form):
    q = forms.CharField(label=_("Naam"), required=False, max_length=100)
    soort = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("Alle")), *StakeholderSoort.choices]
    )
    vorm = forms.ChoiceField(
        label=_("Organisatie of persoon"), required=False, choices=[("", _("Alle")), *Vorm.choices]
    )
