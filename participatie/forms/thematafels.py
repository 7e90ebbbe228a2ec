"""Thematafels, their bijeenkomsten, inbreng with terugkoppeling, actiepunten."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from canvas.models import Blok
from core.forms import DATUM, NLDSFormMixin, ZoekkeuzeMeerField
from opgaven.forms.hub import persoon_keuze
from opgaven.models import Opgave

from ..models import (
    Actiepunt,
    Bijeenkomst,
    Inbreng,
    Opgavesprint,
    Stakeholder,
    Terugkoppeling,
    Thematafel,
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
    gespreksleider = persoon_keuze(label=_("Gespreksleider"), required=False)
    opgaven = ZoekkeuzeMeerField(
        queryset=Opgave.objects.none(),
        url_name="opgaven:opgave-zoeken",
        zoek_op="titel",
        label=_("Opgaven"),
        error_messages={"required": _("Kies voor welke opgave(n) deze thematafel is.")},
    )

    class Meta:
        model = Thematafel
        fields = ["thema", "opgaven", "gespreksleider", "doel"]
        widgets = {
            "doel": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "thema": {"required": _("Vul het thema van de thematafel in.")},
            "doel": {"required": _("Beschrijf wat deze thematafel moet opleveren.")},
        }

    def __init__(self, *args, opgaven, **kwargs):
        super().__init__(*args, **kwargs)
        # Only opgaven this user works on: a thematafel is run by the opgaven's teams.
        self.fields["opgaven"].queryset = opgaven
        self.fields["opgaven"].widget.params = {"bewerkbaar": "1"}


class BijeenkomstForm(NLDSFormMixin, forms.ModelForm):
    al_gehouden = forms.BooleanField(
        label=_("Deze bijeenkomst is al gehouden (achteraf vastleggen)"), required=False
    )

    class Meta:
        model = Bijeenkomst
        fields = [
            *("begint_op", "eindigt_op", "locatie", "agenda", "uitgenodigd", "sprint"),
            *("aanmelden_open", "plaatsen"),
        ]
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
        # Who was invited comes first and says so: the list to tick off at the door.
        uitgenodigd = Bijeenkomst.uitgenodigd.through.objects.filter(
            bijeenkomst_id=self.instance.pk, stakeholder_id=OuterRef("pk")
        )
        aanwezig = self.fields["aanwezig"]
        aanwezig.queryset = (
            stakeholders_van(self.instance.thematafel.opgaven.all())
            .annotate(is_uitgenodigd=Exists(uitgenodigd))
            .order_by("-is_uitgenodigd", "naam")
        )
        aanwezig.label_from_instance = lambda s: (
            _("%(naam)s (uitgenodigd)") % {"naam": s.naam} if s.is_uitgenodigd else s.naam
        )
        aanwezig.error_messages["invalid_choice"] = NIET_VAN_DEZE_OPGAVE
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
                "Gewone tekst; een witregel begint een nieuwe alinea. Opmaak kan met "
                "Markdown: **vet**, *schuin*, een lijst met regels die beginnen met - of "
                "1., een kop met ###, een link als [tekst](https://...). Met Voorbeeld "
                "ziet u het resultaat voordat u opslaat."
            )
        }


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

    def __init__(self, *args, bijeenkomst, met_afzender: bool = True, **kwargs):
        """``met_afzender=False``: without the choice of stakeholder (the opgave's
        stakeholders are not for partners to browse); the inbreng is then anonymous."""
        super().__init__(*args, **kwargs)
        self.instance.bijeenkomst = bijeenkomst
        if not met_afzender:
            del self.fields["stakeholder"]
            return
        veld = self.fields["stakeholder"]
        veld.queryset = stakeholders_van(bijeenkomst.thematafel.opgaven.all())
        veld.required = False
        veld.empty_label = _("— anoniem of niet geregistreerd —")
        veld.error_messages["invalid_choice"] = NIET_VAN_DEZE_OPGAVE

    def clean(self):
        """Found in use: inbreng on a session dated days ahead counted nowhere ("0 bijeenkomsten
        gehouden"); it is recorded from the start of the session."""
        bijeenkomst = self.instance.bijeenkomst
        if bijeenkomst.begint_op > timezone.now():
            raise forms.ValidationError(
                _(
                    "Deze bijeenkomst begint pas op %(wanneer)s; inbreng legt u vast vanaf de "
                    "start. Klopt de datum niet, pas dan eerst de bijeenkomst aan."
                )
                % {
                    "wanneer": formats.date_format(
                        timezone.localtime(bijeenkomst.begint_op), "j F Y, H:i"
                    )
                }
            )
        return super().clean()


class StemmenForm(NLDSFormMixin, forms.Form):
    stemmen = _stemmen_veld()


class ActiepuntForm(NLDSFormMixin, forms.ModelForm):
    prefix = "actiepunt"

    # Searched per session: partners who may add action points search there too.
    eigenaar = persoon_keuze(
        label=_("Eigenaar"),
        url_name="participatie:actiepunt-eigenaar-zoeken",
        error_messages={"required": _("Kies wie het actiepunt oppakt.")},
    )

    class Meta:
        model = Actiepunt
        fields = ["omschrijving", "eigenaar", "deadline"]
        widgets = {"deadline": DATUM}
        error_messages = {
            "omschrijving": {"required": _("Beschrijf wat er moet gebeuren.")},
            "deadline": {"required": _("Vul in wanneer het uiterlijk klaar moet zijn.")},
        }

    def __init__(self, *args, bijeenkomst, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.bijeenkomst = bijeenkomst
        self.fields["eigenaar"].widget.url_args = [bijeenkomst.pk]


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
