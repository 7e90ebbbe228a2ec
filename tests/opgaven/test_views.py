import pytest
from django.urls import reverse

from opgaven.models import Opgave
from tests import hostile
from tests.conftest import client_for


def _data(**overrides):
    data = {
        "titel": "Vitale kernen",
        "maatschappelijke_bedoeling": "Ontmoeting in elk dorp.",
        "schaal": "kern",
        "prioriteit": "hoog",
        "prioriteit_motivering": "Eén op drie ouderen voelt zich eenzaam.",
    }
    data.update(overrides)
    return data


def test_regisseur_creates_opgave(users):
    client = client_for(users["regisseur"])
    response = client.post(
        reverse("opgaven:opgave-create"), _data(opgaveregisseur=users["regisseur"].pk)
    )
    opgave = Opgave.objects.get(titel="Vitale kernen")
    assert response.status_code == 302
    assert response["Location"] == opgave.get_absolute_url()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("titel", "   ", "Geef de opgave een titel."),
        ("titel", "x" * 201, "niet meer dan 200 tekens"),
        ("maatschappelijke_bedoeling", "", "Beschrijf de maatschappelijke bedoeling"),
        ("schaal", "heelal", "Selecteer een geldige keuze"),
        ("opgaveregisseur", "", "Kies wie de opgave regisseert."),
    ],
)
def test_bad_input_is_explained_in_dutch_and_nothing_is_lost(users, opgave, field, value, message):
    client = client_for(users["regisseur"])
    oud = opgave.titel
    data = _data(opgaveregisseur=users["regisseur"].pk)
    data[field] = value
    response = client.post(reverse("opgaven:opgave-update", args=[opgave.pk]), data)
    html = response.content.decode()
    assert response.status_code == 422
    assert message in html
    assert "De opgave is niet opgeslagen" in html
    assert 'aria-invalid="true"' in html
    opgave.refresh_from_db()
    assert opgave.titel == oud
    if field != "maatschappelijke_bedoeling":
        assert "Ontmoeting in elk dorp." in html  # what the user typed is still there


def test_hostile_text_is_shown_literally(users, opgave):
    client = client_for(users["medewerker"])
    for url in [reverse("opgaven:opgave-list"), opgave.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "<img src=x onerror" not in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "<script>alert(1)</script>" not in html
    hub = client.get(opgave.get_absolute_url()).content.decode()
    assert "&lt;a hx-get=&quot;/accounts/uitloggen/&quot;" in hub
    assert hostile.DUTCH in hub


def test_history_names_who_changed_what(users, opgave):
    client = client_for(users["teamlid"])
    data = _data(titel="Nieuwe titel", risicos="Te weinig vrijwilligers")
    assert client.post(reverse("opgaven:opgave-update", args=[opgave.pk]), data).status_code == 302
    hub = client.get(opgave.get_absolute_url()).content.decode()
    geschiedenis = hub[hub.index("Geschiedenis") :]
    assert str(users["teamlid"]).replace("<", "&lt;").replace(">", "&gt;") in geschiedenis
    assert "opgave gewijzigd" in geschiedenis
    assert "Nieuwe titel" in geschiedenis
    assert "Te weinig vrijwilligers" in geschiedenis


def test_get_never_changes_state(users, opgave):
    client = client_for(users["beheerder"])
    before = Opgave.objects.get(pk=opgave.pk).updated_at
    client.get(reverse("opgaven:opgave-update", args=[opgave.pk]), {"titel": "Via GET"})
    assert Opgave.objects.get(pk=opgave.pk).updated_at == before
