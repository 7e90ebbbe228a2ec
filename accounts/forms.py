from django import forms
from django.conf import settings
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.utils.translation import gettext_lazy as _

from core.forms import NLDSFormMixin
from core.security_log import client_ip, log_event

from . import blokkade
from .models import (
    STANDAARD_FREQUENTIE,
    Frequentie,
    Koppeling,
    Meldingsoort,
    Meldingvoorkeur,
    Rol,
    User,
)


class LoginForm(NLDSFormMixin, AuthenticationForm):
    """Django's login form, refusing while the account or the address is locked out (without
    trying the password, and without saying whether the account exists)."""

    # The error summary's heading (components/form.html): nothing was being saved here.
    foutkop = _("Inloggen is niet gelukt:")
    error_messages = AuthenticationForm.error_messages | {
        "geblokkeerd": _(
            "Te veel mislukte pogingen. Om uw account te beschermen kunt u het over "
            "%(minuten)s minuten opnieuw proberen, of vraag de beheerder om het te ontgrendelen."
        ),
    }

    def clean(self):
        if not settings.LOCAL_LOGIN:
            raise forms.ValidationError(
                _("Inloggen gaat hier alleen met uw organisatie-account."), code="uit"
            )
        naam = self.cleaned_data.get("username")
        if naam and blokkade.is_geblokkeerd(naam, client_ip(self.request)):
            log_event("login", request=self.request, obj=str(naam)[:150], outcome="locked")
            raise forms.ValidationError(
                self.error_messages["geblokkeerd"],
                code="geblokkeerd",
                params={"minuten": settings.LOGIN_COOLOFF_MINUTES},
            )
        return super().clean()


class CodeForm(NLDSFormMixin, forms.Form):
    """A six-digit code from the authenticator app, or a recovery code."""

    foutkop = _("Inloggen is niet gelukt:")

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("De zes cijfers uit uw authenticator-app, of een van uw herstelcodes."),
        error_messages={"required": _("Vul de code in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )


class WachtwoordWijzigenForm(NLDSFormMixin, PasswordChangeForm):
    pass


class WachtwoordVergetenForm(NLDSFormMixin, PasswordResetForm):
    pass


class WachtwoordInstellenForm(NLDSFormMixin, SetPasswordForm):
    pass


class GebruikerFilter(NLDSFormMixin, forms.Form):
    q = forms.CharField(label=_("Naam, e-mail of organisatie"), required=False, max_length=100)
    rol = forms.ChoiceField(label=_("Rol"), required=False, choices=[("", _("Alle")), *Rol.choices])
    actief = forms.ChoiceField(
        label=_("Actief"),
        required=False,
        choices=[("", _("Alle")), ("ja", _("Actief")), ("nee", _("Gedeactiveerd"))],
    )


class BeveiligingslogFilter(NLDSFormMixin, forms.Form):
    """The beheerder's view of the security log: by person, kind, outcome and period."""

    gebruiker = forms.CharField(label=_("Gebruikersnaam"), required=False, max_length=150)
    actie = forms.CharField(
        label=_("Soort"),
        required=False,
        max_length=50,
        help_text=_("Bijvoorbeeld login, lockout, permission_denied of export."),
    )
    uitkomst = forms.ChoiceField(
        label=_("Uitkomst"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("ok", _("Gelukt")),
            ("failed", _("Mislukt")),
            ("denied", _("Geweigerd")),
            ("locked", _("Geblokkeerd")),
        ],
    )
    van = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            raise forms.ValidationError(_("De begindatum ligt na de einddatum."))
        return data

    def gefilterd(self, regels):
        """``regels`` narrowed by what was filled in (all of them when nothing valid was)."""
        if not self.is_valid():
            return regels
        data = self.cleaned_data
        if data["gebruiker"]:
            regels = regels.filter(gebruiker__iexact=data["gebruiker"].strip())
        if data["actie"]:
            regels = regels.filter(actie=data["actie"].strip())
        if data["uitkomst"]:
            regels = regels.filter(uitkomst=data["uitkomst"])
        if data["van"]:
            regels = regels.filter(moment__date__gte=data["van"])
        if data["tot"]:
            regels = regels.filter(moment__date__lte=data["tot"])
        return regels


class UitnodigingForm(NLDSFormMixin, forms.ModelForm):
    """A new account: the e-mail address is also the login name."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "organisatie", "rol"]
        labels = {"first_name": _("Voornaam"), "last_name": _("Achternaam")}
        help_texts = {"organisatie": _("Voor partners: de organisatie waar zij werken.")}
        error_messages = {
            "first_name": {"required": _("Vul de voornaam in.")},
            "email": {"required": _("Vul het e-mailadres in.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("first_name", "last_name", "email"):
            self.fields[naam].required = naam != "last_name"
        self.fields["email"].error_messages["invalid"] = _(
            "Vul een geldig e-mailadres in, bijvoorbeeld naam@gemeente.nl."
        )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        bestaand = User.objects.filter(username__iexact=email) | User.objects.filter(
            email__iexact=email
        )
        if bestaand.exists():
            raise forms.ValidationError(
                _("Er is al een account met dit e-mailadres. Zoek het op in de lijst.")
            )
        return email

    def save(self, commit=True) -> User:
        user = super().save(commit=False)
        user.username = user.email
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class RolForm(NLDSFormMixin, forms.Form):
    rol = forms.ChoiceField(
        label=_("Rol"),
        choices=Rol.choices,
        error_messages={"invalid_choice": _("Kies een van de rollen uit de lijst.")},
    )
    portefeuille_alle = forms.BooleanField(
        label=_("Bestuurlijk akkoord op alle opgaven"),
        required=False,
        help_text=_(
            "Alleen voor bestuurders. Anders geeft een bestuurder akkoord op de opgaven "
            "waarvan diegene portefeuillehouder is."
        ),
    )


class MeldingvoorkeurenForm(NLDSFormMixin, forms.Form):
    """Per kind of melding (a field each, below): at once by e-mail, a daily or weekly
    overview, or off."""

    def __init__(self, *args, user: User, **kwargs):
        gekozen = dict(user.meldingvoorkeuren.values_list("soort", "frequentie"))
        initial = {s.value: gekozen.get(s.value, STANDAARD_FREQUENTIE[s]) for s in Meldingsoort}
        super().__init__(*args, initial=initial, **kwargs)
        self.user = user

    def save(self) -> None:
        for soort, frequentie in self.cleaned_data.items():
            Meldingvoorkeur.objects.update_or_create(
                user=self.user, soort=soort, defaults={"frequentie": frequentie}
            )


for _soort in Meldingsoort:
    MeldingvoorkeurenForm.base_fields[_soort.value] = forms.ChoiceField(
        label=_soort.label,
        choices=Frequentie.choices,
        error_messages={
            "required": _("Kies hoe u deze melding wilt krijgen."),
            "invalid_choice": _("Kies een van de mogelijkheden uit de lijst."),
        },
    )


class KoppelingForm(NLDSFormMixin, forms.ModelForm):
    class Meta:
        model = Koppeling
        fields = ["naam", "scope"]
        labels = {"naam": _("Naam van de koppeling"), "scope": _("Wat mag de koppeling?")}
        help_texts = {
            "naam": _("Bijvoorbeeld het systeem dat haar gebruikt: Power BI, Key2Financiën.")
        }
        error_messages = {
            "naam": {
                "required": _("Geef de koppeling een naam."),
                "unique": _("Er is al een koppeling met deze naam."),
            },
            "scope": {"invalid_choice": _("Kies lezen, of lezen en schrijven.")},
        }
