from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BedragField, GetalField, NLDSFormMixin, datum_veld

from .models import (
    CanvasItem,
    Financier,
    Indicator,
    ItemStatus,
    Mijlpaal,
    Reactie,
    Uitvoering,
    UitvoeringStatus,
)

MAX_TEKST = CanvasItem._meta.get_field("tekst").max_length


class CanvasItemForm(NLDSFormMixin, forms.Form):
    tekst = forms.CharField(
        label=_("Tekst"),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Vul een tekst in; een leeg canvasitem kan niet worden opgeslagen."),
            "max_length": _(
                "De tekst is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["tekst"].label = label

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"].strip()
        if not tekst:
            raise forms.ValidationError(self.fields["tekst"].error_messages["required"])
        return tekst


class CanvasItemEditForm(CanvasItemForm):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The form replaces the item in place: put the cursor where the editing happens.
        self.fields["tekst"].widget.attrs["autofocus"] = True


class ItemEigenschappenForm(NLDSFormMixin, forms.Form):
    """Owner and status of an item; separate from the text, so it never conflicts with it."""

    prefix = "eigenschappen"
    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar"),
        queryset=None,
        required=False,
        empty_label=_("(nog niemand)"),
        error_messages={"invalid_choice": _("Kies een eigenaar uit het opgaveteam.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ItemStatus.choices,
        error_messages={"invalid_choice": _("Kies een van de statussen uit de lijst.")},
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = team


class ReactieForm(NLDSFormMixin, forms.Form):
    prefix = "reactie"
    tekst = forms.CharField(
        label=_("Uw reactie"),
        max_length=Reactie._meta.get_field("tekst").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Schrijf eerst uw reactie."),
            "max_length": _(
                "De reactie is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d)."
            ),
        },
    )

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"].strip()
        if not tekst:
            raise forms.ValidationError(self.fields["tekst"].error_messages["required"])
        return tekst


class VersieForm(NLDSFormMixin, forms.Form):
    naam = forms.CharField(
        label=_("Naam van de versie"),
        max_length=100,
        help_text=_("Bijvoorbeeld 'na sprint 2' of 'begroting 2027'."),
        error_messages={
            "required": _("Geef de versie een naam, bijvoorbeeld 'na sprint 2'."),
            "max_length": _("Een naam is hoogstens %(limit_value)d tekens."),
        },
    )

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.opgave = opgave

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if not naam:
            raise forms.ValidationError(self.fields["naam"].error_messages["required"])
        if self.opgave.canvasversies.filter(naam=naam).exists():
            raise forms.ValidationError(_("Er is al een versie met deze naam; kies een andere."))
        return naam


class SchakelForm(NLDSFormMixin, forms.Form):
    """Link two items of one canvas in the effect chain, in a direction that makes sense."""

    prefix = "schakel"
    van = forms.TypedChoiceField(label=_("Dit item"), coerce=int)
    naar = forms.TypedChoiceField(label=_("draagt bij aan"), coerce=int)

    def __init__(self, *args, knopen: dict, bestaand: set, **kwargs):
        # Choices from the items already loaded: no query per field.
        super().__init__(*args, **kwargs)
        self.knopen, self.bestaand = knopen, bestaand
        keuzes = [(pk, f"{k.rol}: {k.item.tekst[:70]}") for pk, k in knopen.items()]
        for veld in ("van", "naar"):
            self.fields[veld].choices = keuzes
            self.fields[veld].error_messages["invalid_choice"] = _(
                "Kies een item uit de effectketen van dit canvas."
            )

    def clean(self):
        from .keten import TOEGESTAAN

        cleaned = super().clean()
        van, naar = cleaned.get("van"), cleaned.get("naar")
        if van is None or naar is None:
            return cleaned
        paar = (self.knopen[van].rol, self.knopen[naar].rol)
        if paar not in TOEGESTAAN:
            raise forms.ValidationError(
                _(
                    "Zo loopt de keten niet: een activiteit draagt bij aan een prestatie of "
                    "effect, een prestatie aan een effect, een effect aan een beleidsdoel."
                )
            )
        if (van, naar) in self.bestaand:
            raise forms.ValidationError(_("Deze schakel staat al in de keten."))
        return cleaned


class FinancierForm(NLDSFormMixin, forms.ModelForm):
    prefix = "financier"

    class Meta:
        model = Financier
        fields = ["naam", "soort", "begrotingsprogramma"]
        error_messages = {
            "naam": {"required": _("Vul de naam van de financier in.")},
            "soort": {"required": _("Kies wat voor financier dit is.")},
        }

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if self.instance.opgave.financiers.filter(naam=naam).exists():
            raise forms.ValidationError(_("Deze financier staat al in de begroting."))
        return naam


class BegrotingsregelForm(NLDSFormMixin, forms.Form):
    """One line; a line for the same year, activity and financier is updated, not doubled."""

    prefix = "regel"
    jaar = forms.IntegerField(
        label=_("Jaar"),
        error_messages={
            "required": _("Vul het jaar in."),
            "invalid": _("Vul een jaar in, bijvoorbeeld 2027."),
        },
    )
    activiteit = forms.ModelChoiceField(
        label=_("Activiteit"),
        queryset=None,
        error_messages={
            "required": _("Kies de activiteit."),
            "invalid_choice": _("Kies een activiteit uit het canvas van deze opgave."),
        },
    )
    financier = forms.ModelChoiceField(
        label=_("Financier"),
        queryset=None,
        error_messages={
            "required": _("Kies de financier."),
            "invalid_choice": _("Kies een financier van deze opgave."),
        },
    )
    begroot = BedragField(
        label=_("Begroot"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        help_text=_("In euro's, bijvoorbeeld 12.500,00."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    realisatie = BedragField(
        label=_("Realisatie"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, opgave, activiteiten, financiers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activiteit"].queryset = activiteiten
        self.fields["financier"].queryset = financiers
        self.fields["begroot"].error_messages["required"] = _(
            "Vul het begrote bedrag in, bijvoorbeeld 12.500,00."
        )
        for veld in ("begroot", "realisatie"):
            self.fields[veld].error_messages.update(
                {
                    "invalid": _("Vul een bedrag in euro's in, bijvoorbeeld 12.500,00."),
                    "min_value": _("Een bedrag kan niet negatief zijn."),
                    "max_digits": _("Dat bedrag is te groot."),
                    "max_whole_digits": _("Dat bedrag is te groot."),
                    "max_decimal_places": _(
                        "Een bedrag heeft hoogstens twee cijfers achter de komma."
                    ),
                }
            )

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if not 2000 <= jaar <= 2100:
            raise forms.ValidationError(_("Kies een jaar tussen 2000 en 2100."))
        return jaar

    def clean_realisatie(self):
        return self.cleaned_data.get("realisatie") or 0


GETAL_FOUTEN = {
    "invalid": _("Vul een getal in, bijvoorbeeld 12,5."),
    "max_digits": _("Dat getal is te groot."),
    "max_whole_digits": _("Dat getal is te groot."),
    "max_decimal_places": _("Hoogstens twee cijfers achter de komma."),
}


def _getal(label, **kwargs):
    return GetalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        error_messages=GETAL_FOUTEN | {"required": _("Vul een getal in, bijvoorbeeld 12,5.")},
        **kwargs,
    )


class IndicatorForm(NLDSFormMixin, forms.ModelForm):
    prefix = "indicator"
    nulmeting = _getal(_("Nulmeting"))
    nulmeting_datum = datum_veld(_("Datum nulmeting"))
    streefwaarde = _getal(_("Streefwaarde"))
    streefdatum = datum_veld(_("Streefdatum"))

    class Meta:
        model = Indicator
        fields = [
            "item",
            "naam",
            "eenheid",
            "bron",
            "bron_toelichting",
            "nulmeting",
            "nulmeting_datum",
            "streefwaarde",
            "streefdatum",
        ]
        error_messages = {
            "item": {
                "required": _("Kies het effect of beleidsdoel dat deze indicator meet."),
                "invalid_choice": _("Kies een effect of beleidsdoel uit dit canvas."),
            },
            "naam": {"required": _("Geef de indicator een naam.")},
            "eenheid": {"required": _("Vul de eenheid in, bijvoorbeeld %.")},
            "bron": {"required": _("Kies de bron.")},
        }

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items

    def clean(self):
        cleaned = super().clean()
        begin, eind = cleaned.get("nulmeting_datum"), cleaned.get("streefdatum")
        if begin and eind and eind <= begin:
            self.add_error("streefdatum", _("De streefdatum ligt na de datum van de nulmeting."))
        return cleaned


def _indicator_veld():
    return forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=None,
        error_messages={
            "required": _("Kies de indicator."),
            "invalid_choice": _("Kies een indicator van deze opgave."),
        },
    )


class MetingForm(NLDSFormMixin, forms.Form):
    prefix = "meting"
    indicator = _indicator_veld()
    datum = datum_veld(_("Datum"))
    waarde = _getal(_("Waarde"))
    toelichting = forms.CharField(label=_("Toelichting"), max_length=200, required=False)

    def __init__(self, *args, indicatoren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicatoren


MAX_CSV = 1024 * 1024


class MetingenImportForm(NLDSFormMixin, forms.Form):
    prefix = "import"
    indicator = _indicator_veld()
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Per regel een datum en een waarde, gescheiden door ';', bijvoorbeeld "
            "15-03-2026;12,5. Een kopregel mag. Een datum die er al is, wordt bijgewerkt."
        ),
        error_messages={"required": _("Kies een CSV-bestand."), "empty": _("Het bestand is leeg.")},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, indicatoren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicatoren

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_CSV:
            raise forms.ValidationError(_("Het bestand is groter dan 1 MB."))
        return bestand


class UitvoeringForm(NLDSFormMixin, forms.ModelForm):
    """The plan of one activity; the owner is the canvas item's eigenaar (a team member)."""

    eigenaar = forms.ModelChoiceField(
        label=_("Eigenaar uit het team"),
        queryset=None,
        required=False,
        empty_label=_("(nog niemand)"),
        error_messages={"invalid_choice": _("Kies een eigenaar uit het opgaveteam.")},
    )
    start = datum_veld(_("Start"), required=False)
    eind = datum_veld(_("Eind"), required=False)
    voortgang = forms.IntegerField(
        label=_("Voortgang (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "required": _("Vul de voortgang in, van 0 tot 100."),
            "invalid": _("Vul de voortgang in als een heel getal van 0 tot 100."),
            "min_value": _("De voortgang ligt tussen 0 en 100."),
            "max_value": _("De voortgang ligt tussen 0 en 100."),
        },
    )

    prefix = "uitvoering"

    class Meta:
        model = Uitvoering
        fields = ["eigenaar", "partner", "start", "eind", "status", "voortgang"]
        error_messages = {"status": {"invalid_choice": _("Kies een status uit de lijst.")}}

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = team

    def clean(self):
        cleaned = super().clean()
        start, eind = cleaned.get("start"), cleaned.get("eind")
        if start and eind and eind < start:
            self.add_error("eind", _("Het eind ligt niet voor de start."))
        if cleaned.get("status") == UitvoeringStatus.AFGEROND and cleaned.get("voortgang") != 100:
            self.add_error("voortgang", _("Een afgeronde activiteit staat op 100%."))
        return cleaned


class MijlpaalForm(NLDSFormMixin, forms.ModelForm):
    prefix = "mijlpaal"
    datum = datum_veld(_("Datum"))

    class Meta:
        model = Mijlpaal
        fields = ["naam", "datum"]
        error_messages = {"naam": {"required": _("Geef de mijlpaal een naam.")}}
