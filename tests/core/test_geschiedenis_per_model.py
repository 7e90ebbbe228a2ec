"""Every tracked model, one by one: a change to one of its fields is in that object's
history, in words (the field's label and the new value as people read it); a model that
records only additions and removals has its addition described. A new tracked model
without an instance here fails the test, so none is left out."""

import pytest
from django.apps import apps
from django.db import models
from pghistory.models import Events

from canvas.models import Uitvoering
from core.geschiedenis import beschrijf
from opgaven.models import Prioriteitsvoorstel
from participatie.models import Partnerkoppeling, Stakeholder
from rapportages.models import Rapportage
from tests.participatie.factories import StakeholderFactory
from tests.test_permissions import _objecten

pytestmark = pytest.mark.django_db

# Its history is the vaststelling and publication only (tests/rapportages/test_publiceren.py).
NIET_HIER = {Rapportage}
# The field a person would change, where the first text field is not it.
VOORKEUR = ("titel", "naam", "omschrijving", "tekst", "motivering", "toelichting", "first_name")
GEWIJZIGD = "Gewijzigd door de geschiedenistest"


def _gevolgde_modellen() -> list[type[models.Model]]:
    modellen = {m.pgh_tracked_model for m in apps.get_models() if hasattr(m, "pgh_tracked_model")}
    return sorted(modellen - NIET_HIER, key=lambda m: m._meta.label)


def _instanties(o) -> dict[type, models.Model]:
    """Every object the permission matrix makes, and what they point at."""
    gevonden: dict[type, models.Model] = {}
    for waarde in vars(o).values():
        if not isinstance(waarde, models.Model):
            continue
        gevonden.setdefault(type(waarde), waarde)
        for veld in waarde._meta.concrete_fields:
            if veld.is_relation and (doel := getattr(waarde, veld.name, None)) is not None:
                gevonden.setdefault(type(doel), doel)
    return gevonden


def _extra(o, users) -> None:
    """What the matrix does not make."""
    o.voorstel = Prioriteitsvoorstel.objects.create(
        opgave=o.opgave, prioriteit="hoog", motivering="Urgent", door=users["regisseur"]
    )
    o.uitvoering = Uitvoering.objects.create(activiteit=o.activiteit)
    o.partnerkoppeling = Partnerkoppeling.objects.create(
        user=users["partner"], organisatie=StakeholderFactory()
    )


def _velden(model) -> list[models.Field]:
    """The fields a person changes that the history records, in the order tried: free
    text (the usual one first), a choice, a number, a reference."""
    event_model = next(
        m for m in apps.get_models() if getattr(m, "pgh_tracked_model", None) is model
    )
    gevolgd = {f.name for f in event_model._meta.concrete_fields}

    def rang(f) -> tuple[int, int]:
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices:
            return (0, VOORKEUR.index(f.name) if f.name in VOORKEUR else len(VOORKEUR))
        if f.choices:
            return (1, 0)
        return (2, 0) if isinstance(f, models.IntegerField) else (3, 0)

    velden = [
        f
        for f in model._meta.concrete_fields
        if f.editable
        and not f.primary_key
        and f.name in gevolgd
        and f.name not in ("password", "username", "email", "reeks", "sha256", "sleutel")
        and f.name not in ("created_at", "updated_at", "versie", "volgorde", "last_login")
        and (
            isinstance(f, (models.CharField, models.TextField, models.IntegerField))
            or f.many_to_one
        )
    ]
    return sorted(velden, key=rang)


def _wijziging(obj) -> tuple[models.Field, object, str]:
    """A field of ``obj``, a new value for it, and that value as the history should say it."""
    veld = _velden(type(obj))[0]
    if isinstance(veld, (models.CharField, models.TextField)) and not veld.choices:
        nieuw = GEWIJZIGD[: veld.max_length or len(GEWIJZIGD)]
        return veld, nieuw, nieuw
    if veld.choices:
        oud = getattr(obj, veld.attname)
        nieuw, label = next((w, label) for w, label in veld.flatchoices if w not in (oud, ""))
        return veld, nieuw, str(label)
    if isinstance(veld, models.IntegerField):
        nieuw = (getattr(obj, veld.attname) or 0) + 1
        return veld, nieuw, str(nieuw)
    assert veld.related_model is Stakeholder, veld  # the one reference-only model
    nieuw = StakeholderFactory(naam="Nieuwe organisatie")
    return veld, nieuw.pk, "Nieuwe organisatie"


def test_every_tracked_model_is_covered_here(users, opgave, andere_opgave):
    o = _objecten(users, opgave, andere_opgave)
    _extra(o, users)
    ontbreekt = [m._meta.label for m in _gevolgde_modellen() if m not in _instanties(o)]
    assert not ontbreekt, ontbreekt


@pytest.mark.parametrize("model", _gevolgde_modellen(), ids=lambda m: m._meta.label)
def test_a_change_is_in_the_objects_history_in_words(users, opgave, andere_opgave, model):
    o = _objecten(users, opgave, andere_opgave)
    _extra(o, users)
    obj = _instanties(o)[model]
    lezer = users["beheerder"]
    triggers = {t.name for t in model._meta.triggers}
    if "update_update" not in triggers:
        gebeurtenissen = beschrijf(Events.objects.tracks(obj).order_by("pgh_id"), lezer=lezer)
        toegevoegd = [g for g in gebeurtenissen if g.actie == "aangemaakt"]
        assert toegevoegd and toegevoegd[0].wat == str(model._meta.verbose_name)
        return
    veld, nieuw, in_woorden = _wijziging(obj)
    model.objects.filter(pk=obj.pk).update(**{veld.attname: nieuw})
    gebeurtenissen = beschrijf(Events.objects.tracks(obj).order_by("-pgh_id"), lezer=lezer)
    wijziging = next(g for g in gebeurtenissen if g.actie == "gewijzigd")
    gelezen = [(label, na) for label, _voor, na in wijziging.wijzigingen]
    assert (str(veld.verbose_name), in_woorden) in gelezen, gelezen
