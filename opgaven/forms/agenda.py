"""The beleidsagenda's filters."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from ..models import (
    Domein,
    Fase,
    Gebied,
    Opgave,
    Prioriteit,
    Voortgang,
)


class AgendaFilter(django_filters.FilterSet):
    """Filters of the beleidsagenda; every parameter is declared, nothing else reaches the ORM."""

    q = django_filters.CharFilter(label=_("Zoeken"), method="zoeken")
    domein = django_filters.ModelChoiceFilter(
        label=_("Domein"),
        field_name="domeinen",
        queryset=Domein.objects.all(),
        empty_label=_("Alle"),
    )
    gebied = django_filters.ModelChoiceFilter(
        label=_("Gebied"),
        field_name="gebieden",
        queryset=Gebied.objects.all(),
        empty_label=_("Alle"),
    )
    fase = django_filters.ChoiceFilter(label=_("Fase"), choices=Fase.choices, empty_label=_("Alle"))
    voortgang = django_filters.ChoiceFilter(
        label=_("Voortgang"), choices=Voortgang.choices, empty_label=_("Alle")
    )
    prioriteit = django_filters.ChoiceFilter(
        label=_("Prioriteit"), choices=Prioriteit.choices, empty_label=_("Alle")
    )
    opgaveregisseur = django_filters.ModelChoiceFilter(
        label=_("Opgaveregisseur"),
        queryset=User.objects.filter(geregisseerde_opgaven__isnull=False).distinct(),
        empty_label=_("Alle"),
    )
    portefeuillehouder = django_filters.ChoiceFilter(
        label=_("Portefeuillehouder"), field_name="bestuurlijk_opdrachtgever", empty_label=_("Alle")
    )

    class Meta:
        model = Opgave
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        namen = (
            Opgave.objects.exclude(bestuurlijk_opdrachtgever="")
            .order_by("bestuurlijk_opdrachtgever")
            .values_list("bestuurlijk_opdrachtgever", flat=True)
            .distinct()
        )
        self.filters["portefeuillehouder"].extra["choices"] = [(n, n) for n in namen]
        for field in self.form.fields.values():
            css = "utrecht-textbox utrecht-textbox--html-input"
            if isinstance(field.widget, forms.Select):
                css = "utrecht-select utrecht-select--html-select"
            field.widget.attrs["class"] = css

    def zoeken(self, queryset, name, value):
        return queryset.zoek(value)

    @property
    def qs(self):
        # Filtering on many-to-many fields can repeat an opgave; the agenda lists each once.
        return super().qs.distinct()
