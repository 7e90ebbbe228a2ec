"""The beleidsagenda's filters."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import ZoekkeuzeField

from ..models import (
    Domein,
    Fase,
    Gebied,
    Opgave,
    Prioriteit,
    Teamlidmaatschap,
    Voortgang,
)


class PersoonFilter(django_filters.ModelChoiceFilter):
    """A colleague, searched as you type (core.forms.Zoekkeuze), not a select listing every
    regisseur or team member with every page (356 options, 17 kB of the agenda at
    scale)."""

    field_class = ZoekkeuzeField

    def __init__(self, **kwargs):
        kwargs.setdefault("url_name", "opgaven:persoon-zoeken")
        kwargs.setdefault("zoek_op", "username")
        super().__init__(queryset=User.objects.ambtelijk(), **kwargs)


class AgendaFilter(django_filters.FilterSet):
    """Filters of the beleidsagenda; every parameter is declared, nothing else reaches the ORM."""

    q = django_filters.CharFilter(label=_("Zoeken"), method="zoeken")
    domein = django_filters.ModelChoiceFilter(
        label=_("Domein"),
        method="met_domein",
        queryset=Domein.objects.all(),
        empty_label=_("Alle"),
    )
    gebied = django_filters.ModelChoiceFilter(
        label=_("Gebied"),
        method="met_gebied",
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
    opgaveregisseur = PersoonFilter(label=_("Opgaveregisseur"))
    teamlid = PersoonFilter(label=_("Teamlid"), method="met_teamlid")
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

    # Many-to-many filters as subqueries: a join would repeat opgaven, and the DISTINCT
    # that undoes it sorts the whole agenda before the page is taken.
    def met_domein(self, queryset, name, value):
        return queryset.filter(
            pk__in=Opgave.domeinen.through.objects.filter(domein=value).values("opgave")
        )

    def met_teamlid(self, queryset, name, value):
        return queryset.filter(pk__in=Teamlidmaatschap.objects.filter(user=value).values("opgave"))

    def met_gebied(self, queryset, name, value):
        """In the gebied or in one that lies in it, as the gebied's page counts them."""
        return queryset.in_gebied(value)
