"""Contactmomenten with a follow-up, and afspraken."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import DATUM, BedragField, NLDSFormMixin
from opgaven.forms.hub import persoon_keuze

from ..models import (
    Afspraak,
    Contactmoment,
    Stakeholder,
)


class ContactmomentForm(NLDSFormMixin, forms.ModelForm):
    vervolg_omschrijving = forms.CharField(
        label=_("Vervolgactie (optioneel)"), max_length=300, required=False
    )
    vervolg_eigenaar = persoon_keuze(label=_("Eigenaar van de vervolgactie"), required=False)
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
        # Who spoke for the municipality: the opgave's regisseur and team (every colleague
        # made 357 checkboxes at scale).
        self.fields["deelnemers"].queryset = User.objects.ambtelijk().filter(
            Q(pk=opgave.opgaveregisseur_id) | Q(pk__in=opgave.teamleden.values("pk"))
        )
        self.fields["deelnemers"].help_text = _("De opgaveregisseur en het team.")

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

    eigenaar = persoon_keuze(
        label=_("Bewaakt door"),
        error_messages={"required": _("Kies wie deze afspraak bewaakt.")},
    )

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
        }

    def __init__(self, *args, opgave, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.opgave = opgave
        betrokken = Stakeholder.objects.filter(betrokkenheden__opgave=opgave).order_by("naam")
        for veld in ("belover", "ontvanger"):
            self.fields[veld].queryset = betrokken
            self.fields[veld].empty_label = _("De gemeente")
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
