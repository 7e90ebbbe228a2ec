import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import client_for

PO = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def test_dutch_is_the_default_even_for_an_english_browser(users):
    client = client_for(users["medewerker"])
    response = client.get(
        reverse("opgaven:opgave-list"), headers={"Accept-Language": "en-GB,en;q=0.9"}
    )
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert '<h1 class="utrecht-heading-1">Beleidsagenda</h1>' in html


def test_english_when_chosen(users):
    client = client_for(users["medewerker"])
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("opgaven:opgave-list")}
    )
    assert response.status_code == 302
    html = client.get(reverse("opgaven:opgave-list")).content.decode()
    assert '<html lang="en"' in html
    assert "Policy agenda" in html
    assert "Beleidsagenda" not in html
    client.post(reverse("set_language"), {"language": "nl", "next": "/"})
    assert "Beleidsagenda" in client.get(reverse("opgaven:opgave-list")).content.decode()


def test_every_string_has_an_english_translation():
    text = PO.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]  # the first entry is the header
    untranslated = [
        entry.split("\n")[0]
        for entry in entries
        if re.search(r'\nmsgstr(\[\d\])? ""\s*$', entry.strip() + "\n")
    ]
    assert untranslated == []
    assert PO.with_suffix(".mo").exists()


def test_ids_from_a_thousand_up_render_without_grouping(users, opgave):
    """Element ids, hx-targets and hidden values carry ids: 1473 must never become 1.473."""
    from django.template import Context, Template

    from canvas.models import CanvasItem

    item = CanvasItem.objects.create(opgave=opgave, blok="rollen", tekst="t", pk=1473)
    html = Template('<li id="item-{{ item.pk }}">{{ bedrag|floatformat:"2g" }}</li>').render(
        Context({"item": item, "bedrag": 12500.5})
    )
    assert html == '<li id="item-1473">12.500,50</li>'


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12.500,50", "12500.50"),
        ("12500,5", "12500.5"),
        ("12.500", "12500"),
        ("€ 1.234,56", "1234.56"),
        ("12500.50", "12500.50"),
    ],
)
def test_amounts_are_read_the_dutch_way(typed, value):
    from decimal import Decimal

    from core.forms import BedragField

    assert BedragField(max_digits=12, decimal_places=2).clean(typed) == Decimal(value)
