"""The forms of an opgave's hub: profile, phase, progress, samenhang, team."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Rol, User
from core.forms import DATUM, NLDSFormMixin, ZoekkeuzeField

from ..models import (
    Domein,
    Fase,
    Gebied,
    GebiedSoort,
    Opgave,
    OpgaveRelatie,
    Prioriteit,
    Teamlidmaatschap,
    Voortgang,
)


def _persoon_gezocht(queryset, tekst: str):
    """Without JavaScript, what was typed finds a person as the list does while typing
    (every word in a name, login, e-mail or organisation: "Tom Jansen"); a login name typed
    whole wins over other matches."""
    precies = queryset.filter(username__iexact=tekst)
    return precies if precies.exists() else queryset.zoek(tekst)


def persoon_keuze(*, rollen=(), url_name="opgaven:persoon-zoeken", **kwargs) -> ZoekkeuzeField:
    """A searchable choice of a colleague who can own work (staff and partners), by name or
    login; only ``rollen`` when given, in the choice and in the search alike. A select
    listed all of them (358 at scale) with every page that had one."""
    mensen = User.objects.ambtelijk()
    queryset = mensen.filter(rol__in=rollen) if rollen else mensen
    veld = ZoekkeuzeField(queryset, url_name=url_name, zoek_op=_persoon_gezocht, **kwargs)
    if rollen:
        veld.widget.params = {"rol": ",".join(rollen)}
    return veld


# Who may direct an opgave.
REGISSEREN = [Rol.OPGAVEREGISSEUR, Rol.BEHEERDER]


class OpgaveForm(NLDSFormMixin, forms.ModelForm):
    """The opgave's profile. Who directs it is for the beheerder and the opgaveregisseur; the
    team, the phase and (once the opgave exists) the priority change through their own forms
    on the hub page: the priority is the bestuurder's, on a proposal of the regisseur."""

    opgaveregisseur = persoon_keuze(
        rollen=REGISSEREN,
        label=_("Opgaveregisseur"),
        error_messages={"required": _("Kies wie de opgave regisseert.")},
    )

    class Meta:
        model = Opgave
        fields = [
            "titel",
            "maatschappelijke_bedoeling",
            "opgaveformulering",
            "probleemanalyse",
            "schaal",
            "gebieden",
            "domeinen",
            "herkomst",
            "herkomst_referentie",
            "prioriteit",
            "prioriteit_motivering",
            "bestuurlijk_opdrachtgever",
            "portefeuillehouder",
            "ambtelijk_opdrachtgever",
            "opgaveregisseur",
            "startdatum",
            "einddatum",
            "risicos",
        ]
        widgets = {
            "maatschappelijke_bedoeling": forms.Textarea(attrs={"rows": 4}),
            "opgaveformulering": forms.Textarea(attrs={"rows": 3}),
            "probleemanalyse": forms.Textarea(attrs={"rows": 4}),
            "prioriteit_motivering": forms.Textarea(attrs={"rows": 3}),
            "risicos": forms.Textarea(attrs={"rows": 3}),
            "gebieden": forms.CheckboxSelectMultiple,
            "domeinen": forms.CheckboxSelectMultiple,
            "startdatum": DATUM,
            "einddatum": DATUM,
        }
        error_messages = {
            "titel": {"required": _("Geef de opgave een titel.")},
            "maatschappelijke_bedoeling": {
                "required": _(
                    "Beschrijf de maatschappelijke bedoeling: waarom doet deze opgave ertoe?"
                )
            },
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["titel"].widget.attrs["maxlength"] = 200
        self.fields["prioriteit_motivering"].required = True
        self.fields["prioriteit_motivering"].error_messages["required"] = _(
            "Leg uit waarom de opgave deze prioriteit heeft."
        )
        self.fields["domeinen"].queryset = Domein.objects.filter(actief=True)
        self.fields["domeinen"].help_text = _(
            "Twee of meer domeinen: de opgave is domeinoverstijgend."
        )
        self.fields["gebieden"].queryset = Gebied.objects.exclude(soort=GebiedSoort.GEMEENTE)
        mensen = User.objects.filter(is_active=True).order_by("first_name", "last_name", "username")
        self.fields["portefeuillehouder"].queryset = mensen.filter(rol=Rol.BESTUURDER)
        self.fields["portefeuillehouder"].error_messages["invalid_choice"] = _(
            "Kies een bestuurder uit de lijst."
        )
        opgave = self.instance if self.instance.pk else None
        if opgave is not None:
            del self.fields["prioriteit"], self.fields["prioriteit_motivering"]
        mag_regisseur_kiezen = (
            user.rol == Rol.BEHEERDER or opgave is None or (opgave.opgaveregisseur_id == user.pk)
        )
        if not mag_regisseur_kiezen:
            del self.fields["opgaveregisseur"]

    def clean_titel(self):
        titel = self.cleaned_data["titel"].strip()
        if not titel:
            raise forms.ValidationError(_("Geef de opgave een titel."))
        return titel

    def clean(self):
        cleaned = super().clean()
        start, eind = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and eind and eind < start:
            self.add_error("einddatum", _("De einddatum ligt vóór de startdatum."))
        return cleaned


class FaseForm(NLDSFormMixin, forms.Form):
    prefix = "fase"  # several forms share the hub page: unique field ids

    van_fase = forms.ChoiceField(choices=Fase.choices, widget=forms.HiddenInput)
    naar_fase = forms.ChoiceField(label=_("Nieuwe fase"), choices=Fase.choices)
    datum = forms.DateField(label=_("Datum"), widget=DATUM, initial=timezone.localdate)
    toelichting = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Licht toe waarom de opgave naar deze fase gaat.")},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("naar_fase") and cleaned.get("naar_fase") == cleaned.get("van_fase"):
            self.add_error("naar_fase", _("Kies een andere fase dan de huidige."))
        datum = cleaned.get("datum")
        if datum and datum > timezone.localdate():
            self.add_error("datum", _("Een fasewijziging kan niet in de toekomst liggen."))
        return cleaned


class PrioriteitForm(NLDSFormMixin, forms.Form):
    """The bestuurder sets the priority; the regisseur proposes one. Both say why."""

    prefix = "prioriteit"  # several forms share the hub page: unique field ids

    prioriteit = forms.ChoiceField(label=_("Prioriteit"), choices=Prioriteit.choices)
    motivering = forms.CharField(
        label=_("Motivering"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Leg uit waarom de opgave deze prioriteit heeft.")},
    )


class VoortgangForm(NLDSFormMixin, forms.Form):
    prefix = "voortgang"  # several forms share the hub page: unique field ids

    voortgang = forms.ChoiceField(label=_("Voortgang"), choices=Voortgang.choices)
    toelichting = forms.CharField(
        label=_("Toelichting op de voortgang"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Licht de voortgang toe.")},
    )


def opgave_keuze(**kwargs) -> ZoekkeuzeField:
    """A searchable choice of an opgave, by title (the form narrows the queryset)."""
    kwargs.setdefault("label", _("Opgave"))
    kwargs.setdefault(
        "help_text", _("Typ een deel van de titel en kies uit de lijst (pijltjes en Enter).")
    )
    return ZoekkeuzeField(
        queryset=Opgave.objects.all(), url_name="opgaven:opgave-zoeken", zoek_op="titel", **kwargs
    )


class RelatieForm(NLDSFormMixin, forms.ModelForm):
    prefix = "samenhang"  # several forms share the hub page: unique field ids

    naar = opgave_keuze(error_messages={"required": _("Kies de opgave waarmee er samenhang is.")})

    class Meta:
        model = OpgaveRelatie
        fields = ["naar", "soort", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}
        error_messages = {
            "naar": {"required": _("Kies de opgave waarmee er samenhang is.")},
            "soort": {"required": _("Kies wat voor samenhang het is.")},
        }

    def __init__(self, *args, opgave: Opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.opgave = opgave
        self.instance.van = opgave
        self.fields["naar"].queryset = Opgave.objects.exclude(pk=opgave.pk)
        self.fields["naar"].widget.params = {"behalve": opgave.pk}

    def clean_naar(self):
        naar = self.cleaned_data["naar"]
        bestaand = OpgaveRelatie.objects.filter(
            models.Q(van=self.opgave, naar=naar) | models.Q(van=naar, naar=self.opgave)
        )
        if bestaand.exists():
            raise forms.ValidationError(_("De samenhang met deze opgave is al vastgelegd."))
        return naar

    def validate_unique(self):
        # clean_naar checks both directions with a clear message; skip the generic one.
        pass


class TeamlidForm(NLDSFormMixin, forms.ModelForm):
    prefix = "team"  # several forms share the hub page: unique field ids

    user = persoon_keuze(
        label=_("Nieuw teamlid"),
        error_messages={"required": _("Kies wie er in het team komt.")},
        help_text=_(
            "Ook medewerkers van partnerorganisaties. Typ een deel van de naam en kies uit "
            "de lijst (pijltjes en Enter)."
        ),
    )

    class Meta:
        model = Teamlidmaatschap
        fields = ["user", "rol"]

    def __init__(self, *args, opgave: Opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave
        self.fields["user"].queryset = User.objects.ambtelijk().exclude(
            pk__in=opgave.teamleden.all()
        )
        self.fields["user"].widget.params = {"team_van": opgave.pk}
