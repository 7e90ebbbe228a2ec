import datetime
import io
import json
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core import bijlagen

from .invoer import alleen_cijfers

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "",
    forms.RadioSelect: "",
}


KIES = _("— kies —")


# The browser's date picker; the value travels as ISO (2026-03-15), shown the Dutch way.
DATUM = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def datum_veld(label, *, leeg=None, **kwargs) -> forms.DateField:
    """A date field with the date picker and Dutch messages (``leeg``: when it is missing)."""
    return forms.DateField(
        label=label,
        widget=DATUM,
        error_messages={
            "required": leeg or _("Vul een datum in."),
            "invalid": _("Vul een datum in, bijvoorbeeld 15-03-2026."),
        },
        **kwargs,
    )


def nl_getal(value: str) -> str:
    """'12.500,50' -> '12500.50'; '12,5' -> '12.5'; '12.500' -> '12500'; '12.5' stays."""
    value = value.strip().replace(" ", "").replace("\u00a0", "")
    if "," in value:
        return value.replace(".", "").replace(",", ".")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", value):
        return value.replace(".", "")  # 12.500 is twelve thousand five hundred
    return value


class GetalField(forms.DecimalField):
    """Numbers typed the Dutch way: 12,5 or 1.234,5 (also 12.5)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = nl_getal(value)
        return super().to_python(value)


class BedragField(GetalField):
    """Euro amounts typed the Dutch way: 12.500,50 or 12500,5 (also 12500.50)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "")
        return super().to_python(value)


def _dutch_empty_choice(field) -> None:
    """Django 6.1's new '- Select an option -' has no Dutch translation yet: say it in Dutch."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None and str(field.empty_label) in _UNTRANSLATED:
            field.empty_label = KIES
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if choices and choices[0][0] == "" and str(choices[0][1]) in _UNTRANSLATED:
            field.choices = [("", KIES), *choices[1:]]


_UNTRANSLATED = {"- Select an option -", "---------"}


class ZoekTekst(str):
    """What was typed in a searchable choice without picking from the list (no JavaScript,
    or typed in full): the field looks it up by name."""


class Zoekkeuze(forms.Widget):
    """A searchable choice: a text box with the WAI-ARIA combobox pattern. Typing asks the
    server for up to 20 matches (htmx, ``url_name``), the arrows and Enter or a click pick
    one (static/js/zoekkeuze.js), and a hidden field carries the choice. For choices among
    thousands, where a select would send all of them with every page."""

    template_name = "components/zoekkeuze.html"

    def __init__(self, url_name: str, attrs=None, params: dict | None = None):
        super().__init__(attrs)
        self.url_name = url_name
        self.url_args: list = []  # for a search within an object: set by the form
        self.params = params or {}

    def value_from_datadict(self, data, files, name):
        gekozen = data.get(name, "")
        return gekozen if gekozen else ZoekTekst(data.get(f"{name}_zoek", ""))

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}_zoek" not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        tekst, gekozen = "", ""
        if isinstance(value, ZoekTekst):
            tekst = value
        elif value not in (None, ""):
            gekozen = str(value)
            try:
                obj = self.choices.queryset.filter(pk=value).first()
            except (ValueError, TypeError, ValidationError):  # a tampered value: no name
                obj = None
            tekst = self.choices.field.label_from_instance(obj) if obj else ""
        context["widget"].update({"gekozen": gekozen, "tekst": tekst, **self._zoeken()})
        return context

    def _zoeken(self) -> dict:
        params = json.dumps(self.params) if self.params else ""
        return {"url": reverse(self.url_name, args=self.url_args), "params": params}


class ZoekkeuzeMeer(Zoekkeuze):
    """Several searchable choices: those chosen as ticked checkboxes (untick to drop one),
    the search box to add another (static/js/zoekkeuze.js ticks a new box). For a choice of
    opgaven among thousands, where a select or checkboxes sent all of them."""

    template_name = "components/zoekkeuze_meer.html"

    def value_from_datadict(self, data, files, name):
        gekozen = data.getlist(name) if hasattr(data, "getlist") else data.get(name) or []
        gekozen = [gekozen] if isinstance(gekozen, str) else gekozen
        getypt = data.get(f"{name}_zoek", "")
        return [*gekozen, ZoekTekst(getypt)] if getypt.strip() else list(gekozen)

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, None, attrs)
        waarden = list(value or [])
        pks = [str(v) for v in waarden if not isinstance(v, ZoekTekst) and alleen_cijfers(str(v))]
        veld = self.choices.field
        gekozen = [
            {"pk": obj.pk, "label": veld.label_from_instance(obj)}
            for obj in self.choices.queryset.filter(pk__in=pks)
        ]
        tekst = next((v for v in waarden if isinstance(v, ZoekTekst)), "")
        context["widget"].update({"gekozen": gekozen, "tekst": tekst, **self._zoeken()})
        return context


class ZoekkeuzeField(forms.ModelChoiceField):
    """A model choice through ``Zoekkeuze``; a name typed in full (any case) is looked up
    in ``zoek_op`` when nothing was picked from the list."""

    default_error_messages = {
        "niet_gevonden": _("Niets gevonden met deze naam; kies uit de lijst die verschijnt."),
        "meerdere": _("Meer dan één gevonden met deze naam; kies uit de lijst die verschijnt."),
    }

    def __init__(self, queryset, *, url_name: str, zoek_op: str = "naam", **kwargs):
        kwargs.setdefault(
            "help_text", _("Typ een deel van de naam en kies uit de lijst (pijltjes en Enter).")
        )
        super().__init__(queryset, widget=Zoekkeuze(url_name), **kwargs)
        self.zoek_op = zoek_op

    def to_python(self, value):
        if not isinstance(value, ZoekTekst):
            return super().to_python(value)
        return _opgezocht(self, value) if value.strip() else None


def _opgezocht(veld, tekst: str):
    """The one object of ``veld``'s queryset whose ``zoek_op`` is ``tekst`` (any case), or,
    where ``zoek_op`` is a function ``(queryset, tekst) -> queryset``, the one it finds
    (the same search the list offers while typing)."""
    if callable(veld.zoek_op):
        treffers = veld.zoek_op(veld.queryset, tekst.strip())
    else:
        treffers = veld.queryset.filter(**{f"{veld.zoek_op}__iexact": tekst.strip()})
    gevonden = list(treffers[:2])
    if len(gevonden) != 1:
        code = "meerdere" if gevonden else "niet_gevonden"
        raise ValidationError(veld.error_messages[code], code=code)
    return gevonden[0]


class ZoekkeuzeMeerField(forms.ModelMultipleChoiceField):
    """Model choices through ``ZoekkeuzeMeer``; a name typed in full without picking it from
    the list is looked up in ``zoek_op`` and added."""

    default_error_messages = ZoekkeuzeField.default_error_messages

    def __init__(self, queryset, *, url_name: str, zoek_op: str = "naam", **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Typ een deel van de naam en kies uit de lijst; vink uit om te schrappen."),
        )
        super().__init__(queryset, widget=ZoekkeuzeMeer(url_name), **kwargs)
        self.zoek_op = zoek_op

    def clean(self, value):
        waarden = [v for v in value or [] if not isinstance(v, ZoekTekst)]
        waarden += [_opgezocht(self, v).pk for v in value or [] if isinstance(v, ZoekTekst)]
        return super().clean(waarden)


def zoektekst(request) -> str:
    """What was typed in a ``Zoekkeuze`` (its text box is named ``<field>_zoek``)."""
    for naam, waarde in request.GET.items():
        if naam.endswith("_zoek"):
            return waarde.strip()[:100]
    return ""


class FormRenderer(TemplatesSetting):
    """Renders every form and field with the NL Design System templates in components/."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


# Dates a municipality plans or records with; 0001-01-01 or 9999-12-31 are typing errors.
EERSTE_DATUM, LAATSTE_DATUM = datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)


def redelijke_datum(datum: datetime.date) -> bool:
    return EERSTE_DATUM <= datum <= LAATSTE_DATUM


def _binnen_redelijke_jaren(waarde) -> None:
    datum = waarde.date() if isinstance(waarde, datetime.datetime) else waarde
    if not redelijke_datum(datum):
        raise ValidationError(_("Kies een datum tussen 1900 en 2100."), code="buiten_bereik")


class NLDSFormMixin:
    """Gives widgets the NL Design System classes, ties error texts to their fields, and
    bounds every date to 1900-2100."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _dutch_empty_choice(field)
            if isinstance(field, forms.DateField | forms.DateTimeField):
                field.validators.append(_binnen_redelijke_jaren)
            widget = field.widget
            css = next(
                (c for cls, c in _WIDGET_CLASSES.items() if isinstance(widget, cls)),
                "utrecht-textbox utrecht-textbox--html-input",
            )
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}_fout"
                widget.attrs["aria-invalid"] = "true"


MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = 4000


class HuisstijlForm(NLDSFormMixin, forms.Form):
    """Name, logo (PNG or JPEG, checked by decoding it) and theme of the municipality."""

    naam = forms.CharField(
        label=_("Naam van de gemeente"),
        max_length=100,
        error_messages={"required": _("Vul de naam van de gemeente in.")},
    )
    logo = forms.FileField(
        label=_("Logo (PNG of JPEG, hoogstens 512 kB)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    logo_verwijderen = forms.BooleanField(label=_("Huidig logo verwijderen"), required=False)
    thema = forms.ChoiceField(label=_("Thema"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [(k, v["label"]) for k, v in settings.THEMAS.items()]

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        if not naam:
            raise forms.ValidationError(_("Vul de naam van de gemeente in."))
        return naam

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        if upload.size > MAX_LOGO_BYTES:
            raise forms.ValidationError(_("Het logo is te groot: hoogstens 512 kB."))
        data = upload.read()
        try:
            with Image.open(io.BytesIO(data)) as image:
                formaat, (breedte, hoogte) = image.format, image.size
                image.verify()
        except Exception as error:
            raise forms.ValidationError(
                _("Dit bestand is geen geldige PNG- of JPEG-afbeelding.")
            ) from error
        if formaat not in ("PNG", "JPEG"):
            raise forms.ValidationError(_("Alleen PNG- of JPEG-afbeeldingen zijn toegestaan."))
        # A few bytes can claim billions of pixels; every PDF would unpack them.
        if breedte > MAX_LOGO_PIXELS or hoogte > MAX_LOGO_PIXELS:
            raise forms.ValidationError(
                _("Het logo is te groot: hoogstens %(n)s bij %(n)s pixels.")
                % {"n": MAX_LOGO_PIXELS}
            )
        return data, f"image/{formaat.lower()}"


class BijlageForm(NLDSFormMixin, forms.Form):
    """A document for ``eigenaar`` (an opgave, a bijeenkomst, a bijdrage, a motie), or
    (``reeks``) a new version of one of its documents; ``model`` is where it is kept."""

    prefix = "bijlage"

    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, Word, Excel, OpenDocument-tekst of een afbeelding (PNG, JPEG)."),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
            "invalid": _("Kies een bestand."),
        },
    )
    reeks = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(self, *args, eigenaar, model, **kwargs):
        super().__init__(*args, **kwargs)
        self.eigenaar, self.model = eigenaar, model
        self.fields["bestand"].widget.attrs["accept"] = bijlagen.TOEGESTAAN

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        self.gekeurd = bijlagen.keur(bestand)
        return bestand

    def clean_reeks(self):
        reeks = self.cleaned_data["reeks"]
        van_eigenaar = {self.model.EIGENAAR: self.eigenaar}
        if reeks and not self.model.objects.filter(**van_eigenaar, reeks=reeks).exists():
            raise ValidationError(_("Dit document hoort hier niet bij."))
        return reeks

    def save(self, *, door):
        return self.model.toevoegen(
            eigenaar=self.eigenaar,
            bestand=self.cleaned_data["bestand"],
            gekeurd=self.gekeurd,
            door=door,
            reeks=self.cleaned_data["reeks"],
        )
