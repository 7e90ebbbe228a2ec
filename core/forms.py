from django import forms
from django.forms.renderers import TemplatesSetting

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.CheckboxSelectMultiple: "",
    forms.RadioSelect: "",
}


class FormRenderer(TemplatesSetting):
    """Renders every form and field with the NL Design System templates in components/."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


class NLDSFormMixin:
    """Gives widgets the NL Design System classes and ties error texts to their fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
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
