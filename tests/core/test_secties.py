"""What higher apps add to the pages of lower ones (core.secties): every registration
names a place that exists, none twice, and each can render."""

import pytest
import rules
from django.template.loader import get_template
from django.urls import reverse

from core import secties


def test_every_registration_names_a_place_and_its_parts_exist():
    alles = secties.geregistreerd()
    assert all(alles[soort] for soort in alles), {s: len(v) for s, v in alles.items()}
    plekken = set(secties.Plek)
    for soort, lijst in alles.items():
        assert {r.plek for r in lijst} <= plekken, soort
    for sectie in alles["secties"]:
        get_template(sectie.template_name)  # raises for a template that is not there
    for tabblad in alles["tabbladen"]:
        reverse(tabblad.url_name, args=[1])
    for verwijzing in alles["verwijzingen"]:
        reverse(verwijzing.url_name)
        assert rules.perm_exists(verwijzing.perm), verwijzing.perm


def test_a_duplicate_or_a_typo_raises():
    [sectie, *_rest] = secties.geregistreerd()["secties"]
    with pytest.raises(ValueError, match="Al geregistreerd"):
        secties.registreer(sectie)
    with pytest.raises(ValueError):
        secties.registreer(
            secties.Sectie(
                plek="opgaaf", naam="x", volgorde=1, template_name="x.html", context=dict
            )
        )
    with pytest.raises(ValueError):
        secties.render_secties(None, "stakeholder")
