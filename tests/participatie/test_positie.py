import pytest
from django.urls import reverse

from participatie import grid
from participatie.models import Beoordeling, Betrokkenheid, Stakeholder
from tests.conftest import client_for, tel_queries
from tests.participatie.factories import BetrokkenheidFactory, StakeholderFactory


def test_grid_places_power_up_and_interest_right(opgave):
    hoog = BetrokkenheidFactory(opgave=opgave, invloed=5, belang=5)
    laag = BetrokkenheidFactory(opgave=opgave, invloed=1, belang=1)
    punten = {p.betrokkenheid.pk: p for p in grid.punten([hoog, laag])}
    assert punten[hoog.pk].x > punten[laag.pk].x
    assert punten[hoog.pk].y < punten[laag.pk].y  # SVG y grows downwards


def test_stakeholders_in_one_cell_do_not_overlap(opgave):
    samen = [BetrokkenheidFactory(opgave=opgave, invloed=3, belang=3) for _ in range(6)]
    posities = {(p.x, p.y) for p in grid.punten(samen)}
    assert len(posities) == 6


def test_positie_page_shows_grid_table_and_gap(users, opgave):
    b = BetrokkenheidFactory(
        opgave=opgave, ladder_nu=1, ladder_gewenst=4, acties="Uitnodigen voor de thematafel"
    )
    html = (
        client_for(users["medewerker"])
        .get(reverse("participatie:positie", args=[opgave.pk]))
        .content.decode()
    )
    assert '<svg class="app-grid"' in html and 'role="group"' in html
    assert html.count("<circle") == 1
    assert "Uitnodigen voor de thematafel" in html
    assert "Informeren → Coproduceren" in html
    assert (
        reverse("participatie:betrokkenheid-beoordelen", args=[b.pk]) not in html
    )  # a reader cannot re-assess


def test_reassessment_keeps_the_earlier_one(users, opgave):
    b = BetrokkenheidFactory(opgave=opgave, invloed=2, belang=2)
    Beoordeling.objects.create(
        betrokkenheid=b, invloed=2, belang=2, houding="onbekend", ladder_nu=1, ladder_gewenst=1
    )
    url = reverse("participatie:betrokkenheid-beoordelen", args=[b.pk])
    data = {
        "invloed": 5,
        "belang": 4,
        "houding": "positief",
        "ladder_nu": 2,
        "ladder_gewenst": 4,
        "acties": "Samen een sprint",
    }
    assert client_for(users["teamlid"]).post(url, data).status_code == 302
    b.refresh_from_db()
    assert (b.invloed, b.belang, b.houding, b.ladder_gat) == (5, 4, "positief", 2)
    assert list(b.beoordelingen.values_list("invloed", flat=True)) == [5, 2]


def test_a_gap_without_actions_is_refused(users, opgave):
    b = BetrokkenheidFactory(opgave=opgave)
    url = reverse("participatie:betrokkenheid-beoordelen", args=[b.pk])
    data = {
        "invloed": 3,
        "belang": 3,
        "houding": "neutraal",
        "ladder_nu": 1,
        "ladder_gewenst": 5,
        "acties": "",
    }
    response = client_for(users["regisseur"]).post(url, data)
    assert response.status_code == 422
    assert (
        "Beschrijf hoe u deze stakeholder naar de gewenste trede brengt."
        in response.content.decode()
    )
    assert not Beoordeling.objects.exists()


@pytest.mark.parametrize("rol", ["medewerker", "teamlid_ander", "regisseur2"])
def test_outsiders_cannot_reassess(users, opgave, rol):
    b = BetrokkenheidFactory(opgave=opgave)
    url = reverse("participatie:betrokkenheid-beoordelen", args=[b.pk])
    assert client_for(users[rol]).get(url).status_code == 403


def test_positie_queries_do_not_grow(users, opgave):
    client = client_for(users["regisseur"])

    def count():
        return tel_queries(client, reverse("participatie:positie", args=[opgave.pk]))

    for _ in range(3):
        BetrokkenheidFactory(opgave=opgave, ladder_gewenst=3)
    klein = count()
    for _ in range(27):
        BetrokkenheidFactory(opgave=opgave, ladder_gewenst=3)
    assert count() == klein


HTMX = {"HX-Request": "true"}


def _url(opgave):
    return reverse("participatie:betrokkenheid-create", args=[opgave.pk])


def test_new_stakeholder_is_added_in_place(users, opgave):
    client = client_for(users["teamlid"])
    response = client.post(
        _url(opgave),
        {
            "nieuwe_naam": "Dorpsraad Zoë",
            "nieuwe_soort": "belangenorganisatie",
            "rol": "partner",
            "invloed": 5,
            "belang": 5,
        },
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="betrokkenheden"')
    assert "Dorpsraad Zoë" in html
    assert "Nauw betrekken" in html
    assert Betrokkenheid.objects.get(opgave=opgave).stakeholder.naam == "Dorpsraad Zoë"
    # The hub's history (another app's section) hears of the change and reloads itself.
    assert "opgave-gewijzigd" in response["HX-Trigger-After-Settle"]


def test_existing_stakeholder_twice_is_refused_in_dutch(users, opgave):
    bestaand = BetrokkenheidFactory(opgave=opgave)
    client = client_for(users["regisseur"])
    response = client.post(
        _url(opgave),
        {"stakeholder": bestaand.stakeholder.pk, "rol": "partner", "invloed": 3, "belang": 3},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "al betrokken bij deze opgave" in response.content.decode()
    assert Betrokkenheid.objects.filter(opgave=opgave).count() == 1


def test_both_or_neither_stakeholder_is_explained(users, opgave):
    stakeholder = StakeholderFactory()
    client = client_for(users["regisseur"])
    both = client.post(
        _url(opgave),
        {
            "stakeholder": stakeholder.pk,
            "nieuwe_naam": "x",
            "nieuwe_soort": "inwoner",
            "rol": "partner",
            "invloed": 3,
            "belang": 3,
        },
        headers=HTMX,
    )
    neither = client.post(_url(opgave), {"rol": "partner", "invloed": 3, "belang": 3}, headers=HTMX)
    assert both.status_code == neither.status_code == 422
    assert "niet allebei" in both.content.decode()
    assert "Kies een bestaande stakeholder of vul de naam" in neither.content.decode()
    assert Stakeholder.objects.count() == 1


def test_out_of_range_scores_are_refused(users, opgave):
    client = client_for(users["regisseur"])
    response = client.post(
        _url(opgave),
        {
            "nieuwe_naam": "X",
            "nieuwe_soort": "inwoner",
            "rol": "partner",
            "invloed": 9,
            "belang": -1,
        },
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Betrokkenheid.objects.exists()


def test_without_javascript_the_form_page_works(users, opgave):
    client = client_for(users["regisseur"])
    page = client.get(_url(opgave))
    assert page.status_code == 200
    assert "<title>" in page.content.decode()
    response = client.post(
        _url(opgave),
        {
            "nieuwe_naam": "Buurtbus",
            "nieuwe_soort": "maatschappelijke_organisatie",
            "rol": "uitvoerder",
            "invloed": 2,
            "belang": 4,
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#betrokkenheden")


def test_delete_removes_only_the_betrokkenheid(users, opgave):
    b = BetrokkenheidFactory(opgave=opgave)
    client = client_for(users["regisseur"])
    response = client.post(reverse("participatie:betrokkenheid-delete", args=[b.pk]), headers=HTMX)
    assert response.status_code == 200
    assert not Betrokkenheid.objects.exists()
    assert Stakeholder.objects.filter(pk=b.stakeholder_id).exists()


def test_the_stakeholder_choice_is_searched_not_listed(users, opgave):
    """At scale: the hub sent all 100,000 stakeholders as options of a select (6.4 MB). Now the
    form has a search box; the server answers with at most 20 matches."""
    for i in range(25):
        StakeholderFactory(naam=f"Dorpsraad Peize {i:02d}")
    StakeholderFactory(naam="Zorggroep Ee")
    client = client_for(users["teamlid"])
    pagina = client.get(
        reverse("participatie:positie", args=[opgave.pk]), {"formulier": "stakeholder-toevoegen"}
    ).content.decode()
    assert "Dorpsraad Peize" not in pagina and 'role="combobox"' in pagina
    response = client.get(
        reverse("participatie:stakeholder-zoeken"),
        {"stakeholder_zoek": "peize"},
        headers={**HTMX, "HX-Target": "id_stakeholder_lijst"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('role="option"') == 20
    assert 'id="id_stakeholder_lijst_' in html and "typ meer om te verfijnen" in html
    assert "Zorggroep Ee" not in html
    leeg = client.get(reverse("participatie:stakeholder-zoeken"), {"stakeholder_zoek": "qqq"})
    assert 'role="option"' not in leeg.content.decode()
    assert "Niets gevonden" in leeg.content.decode()


@pytest.mark.parametrize(
    ("getypt", "status", "melding"),
    [
        ("zorggroep ee", 200, None),
        ("Zorggroep", 422, "Niets gevonden met deze naam"),
        ("Dubbel", 422, "Meer dan één gevonden"),
    ],
)
def test_a_name_typed_in_full_without_javascript_is_looked_up(
    users, opgave, getypt, status, melding
):
    StakeholderFactory(naam="Zorggroep Ee")
    StakeholderFactory(naam="Dubbel")
    StakeholderFactory(naam="dubbel")
    response = client_for(users["regisseur"]).post(
        _url(opgave),
        {
            "stakeholder": "",
            "stakeholder_zoek": getypt,
            "rol": "partner",
            "invloed": 3,
            "belang": 3,
        },
        headers=HTMX,
    )
    assert response.status_code == status
    if melding:
        assert melding in response.content.decode()
        # what was typed stays in the box
        assert f'value="{getypt}"' in response.content.decode()
    else:
        assert Betrokkenheid.objects.get(opgave=opgave).stakeholder.naam == "Zorggroep Ee"


@pytest.mark.parametrize("waarde", ["abc", "1e9", "-1", "99999999999999999999999", "1;2"])
def test_a_tampered_choice_is_refused_in_dutch_not_with_a_500(users, opgave, waarde):
    response = client_for(users["regisseur"]).post(
        _url(opgave),
        {"stakeholder": waarde, "rol": "partner", "invloed": 3, "belang": 3},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert not Betrokkenheid.objects.filter(opgave=opgave).exists()


def test_an_action_is_planned_in_place_from_a_gap_on_the_ladder(users, opgave):
    """Kept as a re-assessment (the old one stays, dated), everything else as it was; an
    empty plan is refused in Dutch."""
    b = BetrokkenheidFactory(opgave=opgave, ladder_nu=1, ladder_gewenst=4, acties="Eerst bellen")
    client = client_for(users["regisseur"])
    url = reverse("participatie:betrokkenheid-acties", args=[b.pk])
    htmx = {"HX-Request": "true"}
    positie = reverse("participatie:positie", args=[opgave.pk])
    pagina = client.get(positie).content.decode()
    # The form opens on demand: the page names it, opening it asks for the page with it.
    assert "Actie plannen voor" in pagina and url not in pagina
    pagina = client.get(positie, {"formulier": f"acties-{b.pk}"}).content.decode()
    assert url in pagina and f'id="acties-{b.pk}-openklap" open' in pagina

    leeg = client.post(url, {f"acties-{b.pk}-acties": "  "}, headers=htmx)
    assert leeg.status_code == 422
    assert "Beschrijf welke actie u plant." in leeg.content.decode()
    assert Betrokkenheid.objects.get(pk=b.pk).acties == "Eerst bellen"

    response = client.post(url, {f"acties-{b.pk}-acties": "Huisbezoek in mei"}, headers=htmx)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="in-positie"') and "Huisbezoek in mei" in html
    b.refresh_from_db()
    assert (b.acties, b.ladder_nu, b.ladder_gewenst, b.invloed) == ("Huisbezoek in mei", 1, 4, 4)
    assert Beoordeling.objects.filter(betrokkenheid=b).count() == 1
