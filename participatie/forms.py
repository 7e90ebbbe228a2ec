from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol, User
from core.forms import NLDSFormMixin

from .models import (
    Afspraak,
    BetrokkenheidRol,
    Contactmoment,
    Houding,
    Participatieladder,
    Stakeholder,
    StakeholderSoort,
    Vorm,
)

SCHAAL_1_5 = [(i, str(i)) for i in range(1, 6)]


class BetrokkenheidForm(NLDSFormMixin, forms.Form):
    """Position a stakeholder in an opgave: an existing one, or a new one by name."""

    stakeholder = forms.ModelChoiceField(
        label=_("Bestaande stakeholder"),
        queryset=Stakeholder.objects.order_by("naam"),
        required=False,
        empty_label=_("— kies of vul hieronder een nieuwe in —"),
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


class StakeholderForm(NLDSFormMixin, forms.ModelForm):
    """Register an organisation or a person; a likely duplicate must be confirmed first."""

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
        ]
        widgets = {
            "toelichting": forms.Textarea(attrs={"rows": 3}),
            "bewaren_tot": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "vorm": forms.RadioSelect,
        }
        error_messages = {
            "naam": {"required": _("Vul de naam in.")},
            "email": {"invalid": _("Dit is geen geldig e-mailadres.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dubbelen: list[Stakeholder] = []
        self.fields["organisatie"].queryset = Stakeholder.objects.filter(
            vorm=Vorm.ORGANISATIE, geanonimiseerd_op__isnull=True
        ).order_by("naam")
        self.fields["kvk_nummer"].help_text = _("Acht cijfers; alleen voor organisaties.")

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if not naam:
            raise forms.ValidationError(_("Vul de naam in."))
        return naam

    def clean_kvk_nummer(self):
        kvk = self.cleaned_data["kvk_nummer"].replace(" ", "")
        if kvk and not (kvk.isdigit() and len(kvk) == 8):
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
        elif cleaned.get("organisatie"):
            self.add_error("organisatie", _("Alleen een persoon hoort bij een organisatie."))
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


class ContactmomentForm(NLDSFormMixin, forms.ModelForm):
    vervolg_omschrijving = forms.CharField(
        label=_("Vervolgactie (optioneel)"), max_length=300, required=False
    )
    vervolg_eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar van de vervolgactie"), queryset=None, required=False
    )
    vervolg_deadline = forms.DateField(
        label=_("Vervolgactie uiterlijk"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    class Meta:
        model = Contactmoment
        fields = ["datum", "soort", "richting", "stakeholders", "deelnemers", "samenvatting"]
        widgets = {
            "datum": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "stakeholders": forms.CheckboxSelectMultiple,
            "deelnemers": forms.CheckboxSelectMultiple,
            "samenvatting": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "stakeholders": {"required": _("Kies met welke stakeholder(s) er contact was.")},
            "samenvatting": {"required": _("Vat samen wat er besproken is.")},
            "datum": {"required": _("Vul de datum van het contact in.")},
        }

    prefix = "contact"

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave
        self.fields["stakeholders"].queryset = Stakeholder.objects.filter(
            betrokkenheden__opgave=opgave, geanonimiseerd_op__isnull=True
        ).order_by("naam")
        self.fields["stakeholders"].help_text = _(
            "Alleen stakeholders die bij deze opgave betrokken zijn."
        )
        self.fields["datum"].initial = timezone.localdate
        mensen = (
            User.objects.filter(is_active=True)
            .exclude(rol=Rol.RAADSLID)
            .order_by("first_name", "last_name")
        )
        self.fields["deelnemers"].queryset = mensen
        self.fields["vervolg_eigenaar"].queryset = mensen

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(
                _("Een contactmoment legt u vast als het geweest is: de datum ligt in de toekomst.")
            )
        return datum

    def clean(self):
        cleaned = super().clean()
        vervolg = [
            cleaned.get("vervolg_omschrijving"),
            cleaned.get("vervolg_eigenaar"),
            cleaned.get("vervolg_deadline"),
        ]
        if any(vervolg) and not all(vervolg):
            raise forms.ValidationError(
                _("Vul bij een vervolgactie de omschrijving, de eigenaar en de uiterste datum in.")
            )
        return cleaned


class AfspraakForm(NLDSFormMixin, forms.ModelForm):
    prefix = "afspraak"

    class Meta:
        model = Afspraak
        fields = ["omschrijving", "belover", "ontvanger", "eigenaar", "deadline", "bijdrage"]
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 2}),
            "deadline": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            # Text, not number: Dutch amounts are typed as 1.234,56.
            "bijdrage": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        error_messages = {
            "omschrijving": {"required": _("Beschrijf wat er is afgesproken.")},
            "deadline": {
                "required": _("Vul in wanneer de afspraak uiterlijk nagekomen moet zijn.")
            },
            "eigenaar": {"required": _("Kies wie deze afspraak bewaakt.")},
        }

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave
        betrokken = Stakeholder.objects.filter(betrokkenheden__opgave=opgave).order_by("naam")
        for veld in ("belover", "ontvanger"):
            self.fields[veld].queryset = betrokken
            self.fields[veld].empty_label = _("De gemeente")
        self.fields["eigenaar"].queryset = (
            User.objects.filter(is_active=True)
            .exclude(rol=Rol.RAADSLID)
            .order_by("first_name", "last_name")
        )
        self.fields["bijdrage"].localize = True
        self.fields["bijdrage"].widget.is_localized = True
        self.fields["bijdrage"].help_text = _("Bijvoorbeeld 12.500,00 (optioneel).")

    def clean(self):
        cleaned = super().clean()
        belover, ontvanger = cleaned.get("belover"), cleaned.get("ontvanger")
        if "belover" in cleaned and "ontvanger" in cleaned:
            if belover is None and ontvanger is None:
                raise forms.ValidationError(
                    _(
                        "Een afspraak is tussen de gemeente en een stakeholder: "
                        "kies wie belooft of aan wie."
                    )
                )
            if belover is not None and belover == ontvanger:
                self.add_error("ontvanger", _("Iemand doet geen belofte aan zichzelf."))
        bijdrage = cleaned.get("bijdrage")
        if bijdrage is not None and bijdrage < 0:
            self.add_error("bijdrage", _("Een bijdrage kan niet negatief zijn."))
        return cleaned
