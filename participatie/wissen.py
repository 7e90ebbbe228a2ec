"""Erasing a person (AVG art. 17) from the free texts that mention them through a link.

Anonymising a stakeholder blanks their own fields, but colleagues also wrote their name
into texts linked to them: the summary of a contactmoment with them and its follow-up
actions, their inbreng (and the canvas item made from it, also in frozen canvas
versions), afspraken they made or received, the verslag, agenda and action points of
sessions they were invited to or attended, the actions planned for their position. Those
texts stay (the work they record stays true) with the person's name, e-mail address and
phone number replaced, in the objects and in every earlier state in their history.

What is not linked to the person (a canvas item typed by hand, a signal) is not searched:
the register cannot know whom a free text means. docs/privacy.md says so.
"""

import re

from django.apps import apps
from django.db.models import F, Q, QuerySet
from django.dispatch import Signal

from canvas.models import CanvasItem, CanvasVersie
from core import geschiedenis

from .models import (
    Actiepunt,
    Afspraak,
    Betrokkenheid,
    Bijeenkomst,
    Contactmoment,
    Inbreng,
    Stakeholder,
    Vervolgactie,
)

# Sent after a person was erased here, with ``opgaven`` (the ids of the opgaven they were
# linked to): the apps above delete or remake what they made from the data (rapportages:
# concept reports, exports, documents) and answer with what stays as an archive record.
persoon_gewist = Signal()

VERVANGING = "[naam verwijderd]"
# Parts of a Dutch surname that say nothing about who someone is on their own.
TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in", "la", "le"}


def patroon(stakeholder: Stakeholder) -> re.Pattern | None:
    """The full name, each name part of three letters or more (not a tussenvoegsel; both
    halves of a double name and the whole), the e-mail address and the phone number, as
    whole words, case-insensitive."""
    delen = {stakeholder.naam, stakeholder.email, stakeholder.telefoon}
    delen |= {
        deel
        # "Zandvoort-Brinkhorst" is also "Zandvoort" and "Brinkhorst"
        for deel in re.split(r"[\s,]+|-", stakeholder.naam) + stakeholder.naam.split()
        if len(deel) >= 3 and deel.lower() not in TUSSENVOEGSELS
    }
    delen = sorted({d.strip() for d in delen if d and d.strip()}, key=len, reverse=True)
    if not delen:
        return None
    return re.compile("|".join(rf"(?<!\w){re.escape(d)}(?!\w)" for d in delen), re.IGNORECASE)


def gekoppelde_teksten(stakeholder: Stakeholder) -> list[tuple[QuerySet, tuple[str, ...]]]:
    """The objects linked to the person, with their free-text fields."""
    bijeenkomsten = Bijeenkomst.objects.filter(
        Q(aanwezig=stakeholder) | Q(uitgenodigd=stakeholder) | Q(inbreng__stakeholder=stakeholder)
    )
    contact = Contactmoment.objects.filter(stakeholders=stakeholder)
    inbreng = Inbreng.objects.filter(stakeholder=stakeholder)
    return [
        (contact, ("samenvatting",)),
        (Vervolgactie.objects.filter(contactmoment__in=contact), ("omschrijving",)),
        (inbreng, ("tekst", "toelichting")),
        (CanvasItem.objects.filter(pk__in=inbreng.values("canvas_item")), ("tekst",)),
        (
            Afspraak.objects.filter(Q(belover=stakeholder) | Q(ontvanger=stakeholder)),
            ("omschrijving",),
        ),
        (bijeenkomsten, ("verslag", "agenda")),
        (Actiepunt.objects.filter(bijeenkomst__in=bijeenkomsten), ("omschrijving",)),
        (Betrokkenheid.objects.filter(stakeholder=stakeholder), ("acties",)),
    ]


def gekoppelde_opgaven(stakeholder: Stakeholder) -> set[int]:
    """The opgaven the person was linked to: positioned, in contact, afspraken, inbreng."""
    return {
        *Betrokkenheid.objects.filter(stakeholder=stakeholder).values_list("opgave", flat=True),
        *Contactmoment.objects.filter(stakeholders=stakeholder).values_list("opgave", flat=True),
        *Afspraak.objects.filter(Q(belover=stakeholder) | Q(ontvanger=stakeholder)).values_list(
            "opgave", flat=True
        ),
        *Inbreng.objects.filter(stakeholder=stakeholder).values_list(
            "bijeenkomst__thematafel__opgaven", flat=True
        ),
    } - {None}


def wis_uit_teksten(stakeholder: Stakeholder) -> int:
    """Replace the person in every linked text and its history; how many objects changed.

    Call before the stakeholder's own fields are blanked: the name is what is searched for.
    """
    zoek = patroon(stakeholder)
    if zoek is None:
        return 0
    aantal = 0
    canvas_items: set[int] = set()
    for objecten, velden in gekoppelde_teksten(stakeholder):
        model = objecten.model
        ids = set(objecten.values_list("pk", flat=True))
        for pk, *waarden in model.objects.filter(pk__in=ids).values_list("pk", *velden):
            nieuw = _vervangen(zoek, velden, waarden)
            if nieuw:
                if model is CanvasItem:
                    # A colleague's open edit form must not save the old text back.
                    nieuw["versie"] = F("versie") + 1
                    canvas_items.add(pk)
                model.objects.filter(pk=pk).update(**nieuw)
                aantal += 1
        _wis_uit_geschiedenis(zoek, model, ids, velden)
    if canvas_items:
        _wis_uit_versies(zoek, canvas_items)
    return aantal


def _vervangen(zoek: re.Pattern, velden, waarden) -> dict[str, str]:
    return {
        veld: zoek.sub(VERVANGING, waarde)
        for veld, waarde in zip(velden, waarden, strict=True)
        if waarde and zoek.search(waarde)
    }


def _event_model(model):
    return apps.get_model(model._meta.app_label, f"{model.__name__}Event")


def _wis_uit_geschiedenis(zoek: re.Pattern, model, ids: set[int], velden) -> None:
    events = _event_model(model)
    with geschiedenis.herschrijven(events):
        rijen = events.objects.filter(pgh_obj_id__in=ids).values_list("pgh_id", *velden)
        for pgh_id, *waarden in rijen:
            if nieuw := _vervangen(zoek, velden, waarden):
                events.objects.filter(pgh_id=pgh_id).update(**nieuw)


def _wis_uit_versies(zoek: re.Pattern, item_ids: set[int]) -> None:
    """Frozen canvas versions hold copies of the items: the same texts, in JSON."""

    def geschoond(items: list[dict]) -> list[dict] | None:
        nieuw = [
            i | {"tekst": zoek.sub(VERVANGING, i["tekst"])} if i.get("id") in item_ids else i
            for i in items
        ]
        return nieuw if nieuw != items else None

    opgaven = CanvasItem.objects.filter(pk__in=item_ids).values("opgave")
    for versie in CanvasVersie.objects.filter(opgave__in=opgaven).only("pk", "items"):
        if (items := geschoond(versie.items)) is not None:
            CanvasVersie.objects.filter(pk=versie.pk).update(items=items)
    events = _event_model(CanvasVersie)
    with geschiedenis.herschrijven(events):
        for pgh_id, items in events.objects.filter(opgave__in=opgaven).values_list(
            "pgh_id", "items"
        ):
            if (nieuw := geschoond(items)) is not None:
                events.objects.filter(pgh_id=pgh_id).update(items=nieuw)
