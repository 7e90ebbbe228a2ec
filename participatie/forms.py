from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol, User
from canvas.models import Blok
from core.forms import DATUM, BedragField, NLDSFormMixin

from .models import (
    Actiepunt,
    Afspraak,
    BetrokkenheidRol,
    Bijeenkomst,
    Contactmoment,
    Houding,
    Inbreng,
    Opgavesprint,
    Participatieladder,
    Persona,
    Reisstap,
    Signaal,
    Stakeholder,
    StakeholderSoort,
    Terugkoppeling,
    Thematafel,
    Vorm,
    schoon_html,
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
            "bewaren_tot": DATUM,
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
        widget=DATUM,
    )

    class Meta:
        model = Contactmoment
        fields = ["datum", "soort", "richting", "stakeholders", "deelnemers", "samenvatting"]
        widgets = {
            "datum": DATUM,
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
        field_classes = {"bijdrage": BedragField}
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 2}),
            "deadline": DATUM,
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


# --- Thematafels, bijeenkomsten, inbreng, sprints, beleving, signalen ------------------


def ambtelijke_mensen():
    return (
        User.objects.filter(is_active=True)
        .exclude(rol=Rol.RAADSLID)
        .order_by("first_name", "last_name")
    )


def stakeholders_van(opgaven):
    """Who may be invited, attend or speak at a session: the stakeholders of its opgaven."""
    return (
        Stakeholder.objects.filter(
            betrokkenheden__opgave__in=opgaven, geanonimiseerd_op__isnull=True
        )
        .distinct()
        .order_by("naam")
    )


NIET_VAN_DEZE_OPGAVE = _(
    "Deze stakeholder is niet betrokken bij de opgave(n) van deze thematafel. "
    "Voeg de stakeholder eerst toe aan de opgave."
)
DATUMTIJD = forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"})


class ThematafelForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Thematafel
        fields = ["thema", "opgaven", "gespreksleider", "doel"]
        widgets = {
            "opgaven": forms.CheckboxSelectMultiple,
            "doel": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "thema": {"required": _("Vul het thema van de thematafel in.")},
            "opgaven": {"required": _("Kies voor welke opgave(n) deze thematafel is.")},
            "doel": {"required": _("Beschrijf wat deze thematafel moet opleveren.")},
        }

    def __init__(self, *args, opgaven, **kwargs):
        super().__init__(*args, **kwargs)
        # Only opgaven this user works on: a thematafel is run by the opgaven's teams.
        self.fields["opgaven"].queryset = opgaven
        self.fields["gespreksleider"].queryset = ambtelijke_mensen()


class BijeenkomstForm(NLDSFormMixin, forms.ModelForm):
    al_gehouden = forms.BooleanField(
        label=_("Deze bijeenkomst is al gehouden (achteraf vastleggen)"), required=False
    )

    class Meta:
        model = Bijeenkomst
        fields = ["begint_op", "eindigt_op", "locatie", "agenda", "uitgenodigd", "sprint"]
        widgets = {
            "begint_op": DATUMTIJD,
            "eindigt_op": DATUMTIJD,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "uitgenodigd": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "begint_op": {
                "required": _("Vul in wanneer de bijeenkomst begint."),
                "invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 2027-03-14 19:30."),
            },
            "eindigt_op": {
                "required": _("Vul in wanneer de bijeenkomst eindigt."),
                "invalid": _("Vul een geldige datum en tijd in, bijvoorbeeld 2027-03-14 21:00."),
            },
            "locatie": {"required": _("Vul in waar de bijeenkomst is.")},
            "uitgenodigd": {"invalid_choice": NIET_VAN_DEZE_OPGAVE},
        }

    def __init__(self, *args, thematafel, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.thematafel = thematafel
        opgaven = thematafel.opgaven.all()
        self.fields["uitgenodigd"].queryset = stakeholders_van(opgaven)
        self.fields["uitgenodigd"].error_messages["invalid_choice"] = NIET_VAN_DEZE_OPGAVE
        self.fields["uitgenodigd"].help_text = _(
            "Stakeholders die bij de opgave(n) van deze thematafel betrokken zijn."
        )
        self.fields["sprint"].queryset = Opgavesprint.objects.filter(
            opgave__in=opgaven
        ).select_related("opgave")
        self.fields["sprint"].label_from_instance = lambda s: f"{s.opgave} — {s}"
        self.fields["sprint"].required = False
        if self.instance.pk:
            del self.fields["al_gehouden"]

    def clean(self):
        cleaned = super().clean()
        begin, einde = cleaned.get("begint_op"), cleaned.get("eindigt_op")
        if begin and einde and einde <= begin:
            self.add_error("eindigt_op", _("De bijeenkomst moet eindigen nadat ze begint."))
        if (
            begin
            and not self.instance.pk
            and begin < timezone.now()
            and not cleaned.get("al_gehouden")
        ):
            self.add_error(
                "begint_op",
                _(
                    "Deze datum ligt in het verleden: een bijeenkomst plant u in de toekomst. "
                    "Legt u een eerdere bijeenkomst vast? Vink dan 'al gehouden' aan."
                ),
            )
        return cleaned


class AanwezigheidForm(NLDSFormMixin, forms.ModelForm):
    prefix = "aanwezig"

    class Meta:
        model = Bijeenkomst
        fields = ["aanwezig", "aantal_niet_geregistreerd"]
        widgets = {"aanwezig": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanwezig"].queryset = stakeholders_van(self.instance.thematafel.opgaven.all())
        self.fields["aanwezig"].error_messages["invalid_choice"] = NIET_VAN_DEZE_OPGAVE
        veld = self.fields["aantal_niet_geregistreerd"]
        veld.error_messages["min_value"] = _("Een aantal bewoners kan niet negatief zijn.")
        veld.error_messages["invalid"] = _("Vul een heel aantal in, bijvoorbeeld 12.")


class VerslagForm(NLDSFormMixin, forms.ModelForm):
    prefix = "verslag"

    class Meta:
        model = Bijeenkomst
        fields = ["verslag"]
        widgets = {"verslag": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "verslag": _(
                "Opmaak mag met eenvoudige HTML: <p>, <strong>, <em>, lijsten en links. "
                "Al het andere wordt verwijderd."
            )
        }

    def clean_verslag(self):
        return str(schoon_html(self.cleaned_data["verslag"]))


def _stemmen_veld(**kwargs):
    return forms.IntegerField(
        label=_("Stemmen"),
        min_value=0,
        max_value=100000,
        error_messages={
            "min_value": _("Het aantal stemmen kan niet negatief zijn."),
            "max_value": _("Dat zijn meer stemmen dan er mensen in de gemeente wonen."),
            "invalid": _("Vul een heel aantal stemmen in, bijvoorbeeld 7."),
            "required": _("Vul het aantal stemmen in (0 als er niet gestemd is)."),
        },
        **kwargs,
    )


class InbrengForm(NLDSFormMixin, forms.ModelForm):
    prefix = "inbreng"
    stemmen = _stemmen_veld(initial=0)
    blokken = forms.MultipleChoiceField(
        label=_("Raakt aan de canvasblokken"),
        choices=Blok.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies alleen blokken van het canvas.")},
    )

    class Meta:
        model = Inbreng
        fields = ["soort", "tekst", "stakeholder", "blokken", "stemmen"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "soort": {"required": _("Kies of dit een idee, zorg, signaal of kans is.")},
            "tekst": {"required": _("Schrijf op wat er werd ingebracht.")},
        }

    def __init__(self, *args, bijeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.bijeenkomst = bijeenkomst
        veld = self.fields["stakeholder"]
        veld.queryset = stakeholders_van(bijeenkomst.thematafel.opgaven.all())
        veld.required = False
        veld.empty_label = _("— anoniem of niet geregistreerd —")
        veld.error_messages["invalid_choice"] = NIET_VAN_DEZE_OPGAVE


class StemmenForm(NLDSFormMixin, forms.Form):
    stemmen = _stemmen_veld()


class ActiepuntForm(NLDSFormMixin, forms.ModelForm):
    prefix = "actiepunt"

    class Meta:
        model = Actiepunt
        fields = ["omschrijving", "eigenaar", "deadline"]
        widgets = {"deadline": DATUM}
        error_messages = {
            "omschrijving": {"required": _("Beschrijf wat er moet gebeuren.")},
            "eigenaar": {"required": _("Kies wie het actiepunt oppakt.")},
            "deadline": {"required": _("Vul in wanneer het uiterlijk klaar moet zijn.")},
        }

    def __init__(self, *args, bijeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.bijeenkomst = bijeenkomst
        self.fields["eigenaar"].queryset = ambtelijke_mensen()


class TerugkoppelingForm(NLDSFormMixin, forms.Form):
    terugkoppeling = forms.ChoiceField(
        label=_("Wat doen we ermee?"),
        choices=[
            (Terugkoppeling.IN_ONDERZOEK, Terugkoppeling.IN_ONDERZOEK.label),
            (Terugkoppeling.NIET_OVERGENOMEN, Terugkoppeling.NIET_OVERGENOMEN.label),
        ],
        error_messages={"invalid_choice": _("Kies 'in onderzoek' of 'niet overgenomen'.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting voor de deelnemers"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("terugkoppeling") == Terugkoppeling.NIET_OVERGENOMEN
            and not cleaned.get("toelichting", "").strip()
        ):
            self.add_error(
                "toelichting",
                _("Leg de deelnemers uit waarom hun inbreng niet is overgenomen."),
            )
        return cleaned


class OvernemenForm(NLDSFormMixin, forms.Form):
    blok = forms.ChoiceField(
        label=_("In canvasblok"),
        choices=Blok.choices,
        error_messages={"invalid_choice": _("Kies een blok van het canvas.")},
    )
    opgave = forms.TypedChoiceField(
        label=_("In het canvas van"),
        coerce=int,
        error_messages={"invalid_choice": _("Kies een opgave van deze thematafel.")},
    )

    def __init__(self, *args, opgaven: list, **kwargs):
        # A list, not a queryset: one form per inbreng row must not query per row.
        super().__init__(*args, **kwargs)
        self.opgaven = {o.pk: o for o in opgaven}
        self.fields["opgave"].choices = [(o.pk, o.titel) for o in opgaven]

    def clean_opgave(self):
        return self.opgaven[self.cleaned_data["opgave"]]


class SprintForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Opgavesprint
        fields = [
            "startdatum",
            "einddatum",
            "doel",
            "maatschappelijke_bedoeling",
            "aanpak_tot_nu_toe",
            "uitkomsten",
            "retrospectief",
        ]
        widgets = {
            "startdatum": DATUM,
            "einddatum": DATUM,
            **{
                veld: forms.Textarea(attrs={"rows": 3})
                for veld in [
                    "doel",
                    "maatschappelijke_bedoeling",
                    "aanpak_tot_nu_toe",
                    "uitkomsten",
                    "retrospectief",
                ]
            },
        }
        error_messages = {
            "startdatum": {"required": _("Vul in wanneer de sprint begint.")},
            "einddatum": {"required": _("Vul in wanneer de sprint eindigt.")},
            "doel": {"required": _("Beschrijf het sprintdoel.")},
        }

    def __init__(self, *args, nummer: int, **kwargs):
        super().__init__(*args, **kwargs)
        if nummer == 1:
            for veld in ("maatschappelijke_bedoeling", "aanpak_tot_nu_toe"):
                self.fields[veld].required = True
            self.fields["maatschappelijke_bedoeling"].help_text = _(
                "Sprint 1 maakt expliciet waarvoor we het doen."
            )
            self.fields["aanpak_tot_nu_toe"].help_text = _(
                "En wat er tot nu toe al gebeurt of gebeurd is."
            )
            self.fields["maatschappelijke_bedoeling"].error_messages["required"] = _(
                "Sprint 1 begint met de maatschappelijke bedoeling: vul die in."
            )
            self.fields["aanpak_tot_nu_toe"].error_messages["required"] = _(
                "Sprint 1 beschrijft ook de aanpak tot nu toe: vul die in."
            )
        else:
            del self.fields["maatschappelijke_bedoeling"]
            del self.fields["aanpak_tot_nu_toe"]

    def clean(self):
        cleaned = super().clean()
        start, einde = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and einde and einde < start:
            self.add_error("einddatum", _("De einddatum ligt vóór de startdatum."))
        return cleaned


class PersonaForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Persona
        fields = ["naam", "beschrijving", "doelgroepen"]
        widgets = {
            "beschrijving": forms.Textarea(attrs={"rows": 4}),
            "doelgroepen": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "naam": {"required": _("Geef de persona een naam.")},
            "beschrijving": {"required": _("Beschrijf wie deze persona is.")},
        }

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave
        self.fields["doelgroepen"].queryset = opgave.canvas_items.filter(blok=Blok.DOELGROEPEN)
        self.fields["doelgroepen"].error_messages["invalid_choice"] = _(
            "Kies doelgroepen uit het canvas van deze opgave."
        )
        self.fields["doelgroepen"].help_text = _(
            "De doelgroepen uit het blok Doelgroepen van het canvas."
        )


class ReisstapForm(NLDSFormMixin, forms.ModelForm):
    prefix = "stap"

    class Meta:
        model = Reisstap
        fields = ["omschrijving", "knelpunt"]
        widgets = {"knelpunt": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"omschrijving": {"required": _("Beschrijf wat de bewoner meemaakt.")}}


class SignaalForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Signaal
        fields = ["opgave", "titel", "beschrijving"]
        widgets = {"beschrijving": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "opgave": {
                "required": _("Kies bij welke opgave dit signaal hoort."),
                "invalid_choice": _("Kies een bestaande opgave."),
            },
            "titel": {"required": _("Geef het signaal een korte titel.")},
            "beschrijving": {"required": _("Beschrijf wat er in de praktijk misgaat.")},
        }
        help_texts = {
            "opgave": _("Het team van deze opgave krijgt het signaal en antwoordt u."),
        }


class AntwoordForm(NLDSFormMixin, forms.Form):
    prefix = "antwoord"
    antwoord = forms.CharField(
        label=_("Antwoord aan de indiener"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf een antwoord voordat u het signaal sluit.")},
    )


class DoorsturenForm(NLDSFormMixin, forms.Form):
    prefix = "doorsturen"
    opgave = forms.ModelChoiceField(
        label=_("Doorsturen naar opgave"),
        queryset=None,
        error_messages={
            "required": _("Kies naar welke opgave het signaal gaat."),
            "invalid_choice": _("Kies een bestaande opgave."),
        },
    )

    def __init__(self, *args, opgaven, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opgave"].queryset = opgaven
