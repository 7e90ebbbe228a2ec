"""The beleidsagenda: new opgaven, Dutch search, filters, pages, reordering with a reason."""

import pytest
from django.urls import reverse

from opgaven.models import AgendaWijziging, Domein, Opgave
from tests.conftest import client_for, plan_met_indexen
from tests.opgaven.factories import OpgaveFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def agenda(users):
    return [OpgaveFactory(titel=f"Opgave {i}", rang=i) for i in range(1, 5)]


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


@pytest.mark.parametrize(("prioriteit", "plaats"), [("hoog", 3), ("middel", 6), ("laag", 8)])
def test_a_new_opgave_is_placed_by_its_priority(users, prioriteit, plaats):
    """After the last opgave of the same priority (a "laag" one moved up by hand stays
    where it is), the ones after it one place down, and the reason recorded."""
    Opgave.objects.update(prioriteit="laag", rang=99)  # the two of the fixtures, last
    for rang, p in enumerate(["hoog", "hoog", "middel", "laag", "middel"], start=1):
        OpgaveFactory(titel=f"Opgave {rang}", rang=rang, prioriteit=p)
    client = client_for(users["regisseur"])
    data = _data(prioriteit=prioriteit, opgaveregisseur=users["regisseur"].pk)
    assert client.post(reverse("opgaven:opgave-create"), data).status_code == 302
    nieuw = Opgave.objects.get(titel="Vitale kernen")
    assert nieuw.rang == plaats
    rangen = list(Opgave.objects.op_agenda().values_list("rang", flat=True))
    assert rangen == list(range(1, len(rangen) + 1))  # no gaps, no ties
    wijziging = AgendaWijziging.objects.get(opgave=nieuw)
    assert (wijziging.nieuwe_rang, wijziging.door) == (plaats, users["regisseur"])
    assert f"prioriteit {prioriteit}" in wijziging.reden


def test_reordering_records_the_reason(users, agenda):
    client = client_for(users["bestuurder"])
    response = client.post(
        reverse("opgaven:agenda-verplaatsen"),
        {"verplaats": f"{agenda[2].pk}:omhoog", "reden": "Raadsmotie over eenzaamheid"},
        headers=HTMX,
    )
    assert response.status_code == 200
    order = list(
        Opgave.objects.filter(pk__in=[o.pk for o in agenda])
        .op_agenda()
        .values_list("titel", flat=True)
    )
    assert order == ["Opgave 1", "Opgave 3", "Opgave 2", "Opgave 4"]
    wijziging = AgendaWijziging.objects.get()
    assert (wijziging.reden, wijziging.door) == ("Raadsmotie over eenzaamheid", users["bestuurder"])
    assert wijziging.nieuwe_rang == wijziging.oude_rang - 1


def test_reordering_without_reason_changes_nothing(users, agenda):
    client = client_for(users["bestuurder"])
    response = client.post(
        reverse("opgaven:agenda-verplaatsen"),
        {"verplaats": f"{agenda[2].pk}:omhoog", "reden": " "},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "Geef een reden" in response.content.decode()
    assert list(Opgave.objects.filter(pk__in=[o.pk for o in agenda]).op_agenda()) == agenda
    assert not AgendaWijziging.objects.exists()


@pytest.mark.parametrize("value", ["x:omhoog", "1:zijwaarts", "", "1;DROP TABLE"])
def test_reordering_rejects_malformed_requests(users, agenda, value):
    response = client_for(users["bestuurder"]).post(
        reverse("opgaven:agenda-verplaatsen"), {"verplaats": value, "reden": "r"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("rol", ["medewerker", "regisseur", "beheerder"])
def test_only_the_bestuurder_reorders(users, agenda, rol):
    response = client_for(users[rol]).post(
        reverse("opgaven:agenda-verplaatsen"), {"verplaats": f"{agenda[1].pk}:omhoog", "reden": "r"}
    )
    assert response.status_code == 403
    assert "bepaalt de bestuurder" in response.content.decode()
    assert not AgendaWijziging.objects.exists()


def _volgorde(agenda) -> list[str]:
    return list(
        Opgave.objects.filter(pk__in=[o.pk for o in agenda])
        .op_agenda()
        .values_list("titel", flat=True)
    )


def test_typed_places_move_several_opgaven_with_one_reason(users, agenda):
    """Without dragging and without JavaScript: type the new places, save once. The
    opgaven in between shift; each move is recorded with the one reason; a field left at
    its place moves nothing."""
    Opgave.objects.exclude(pk__in=[o.pk for o in agenda]).update(rang=99)
    response = client_for(users["bestuurder"]).post(
        reverse("opgaven:agenda-verplaatsen"),
        {
            "verplaats": "plaatsen",
            "reden": "Coalitieakkoord",
            f"plaats-{agenda[3].pk}": "1",
            f"plaats-{agenda[0].pk}": "3",
            f"plaats-{agenda[1].pk}": "2",  # unchanged
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "2 opgaven zijn verplaatst" in response.content.decode()
    assert _volgorde(agenda) == ["Opgave 4", "Opgave 2", "Opgave 1", "Opgave 3"]
    wijzigingen = AgendaWijziging.objects.order_by("pk")
    assert [(w.opgave.titel, w.oude_rang, w.nieuwe_rang) for w in wijzigingen] == [
        ("Opgave 4", 4, 1),
        ("Opgave 1", 2, 3),
    ]
    assert {w.reden for w in wijzigingen} == {"Coalitieakkoord"}
    rangen = list(Opgave.objects.op_agenda().values_list("rang", flat=True))
    assert rangen == list(range(1, len(rangen) + 1))


@pytest.mark.parametrize("plaats", ["abc", "-1", "", "1e3", "9999999"])
def test_a_place_that_is_no_number_moves_nothing_and_says_why(users, agenda, plaats):
    response = client_for(users["bestuurder"]).post(
        reverse("opgaven:agenda-verplaatsen"),
        {"verplaats": "plaatsen", "reden": "r", f"plaats-{agenda[3].pk}": plaats},
        headers=HTMX,
    )
    assert response.status_code == 422
    assert "Geef als nieuwe plaats een getal" in response.content.decode()
    assert not AgendaWijziging.objects.exists()


def test_a_place_past_the_end_means_last(users, agenda):
    Opgave.objects.exclude(pk__in=[o.pk for o in agenda]).update(rang=0)
    client_for(users["bestuurder"]).post(
        reverse("opgaven:agenda-verplaatsen"),
        {"verplaats": "plaatsen", "reden": "r", f"plaats-{agenda[0].pk}": "40"},
    )
    assert Opgave.objects.op_agenda().last() == agenda[0]
    assert _volgorde(agenda) == ["Opgave 2", "Opgave 3", "Opgave 4", "Opgave 1"]


def test_moving_the_first_opgave_up_changes_and_announces_nothing(users, agenda):
    eerste = Opgave.objects.op_agenda().first()
    response = client_for(users["bestuurder"]).post(
        reverse("opgaven:agenda-verplaatsen"),
        {"verplaats": f"{eerste.pk}:omhoog", "reden": "Nog hoger"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "is verplaatst" not in response.content.decode()
    assert not AgendaWijziging.objects.exists()
    assert Opgave.objects.op_agenda().first() == eerste


@pytest.mark.parametrize(
    ("zoekterm", "gevonden"),
    [("eenzaam", True), ("woning", True), ("ouderen", True), ("fietspad", False)],
)
def test_dutch_full_text_search(users, zoekterm, gevonden):
    OpgaveFactory(titel="Eenzaamheid onder ouderen", maatschappelijke_bedoeling="Niemand alleen.")
    OpgaveFactory(titel="Woningtekort", maatschappelijke_bedoeling="Bouwen voor starters.")
    html = (
        client_for(users["medewerker"])
        .get(reverse("opgaven:opgave-list"), {"q": zoekterm})
        .content.decode()
    )
    titel = {
        "eenzaam": "Eenzaamheid onder ouderen",
        "woning": "Woningtekort",
        "ouderen": "Eenzaamheid onder ouderen",
    }
    if gevonden:
        assert titel[zoekterm] in html
    else:
        assert "Geen opgaven gevonden" in html


def test_the_agenda_search_reads_the_index(users):
    """At scale: 'eenzaam' took 3.2 s on 3,000 opgaven: the vector was computed per row in a
    sequential scan, and a DISTINCT sorted the whole agenda. Now the search reads the GIN
    index on the weighted vector and the many-to-many filters are subqueries (no DISTINCT)."""
    from opgaven.forms.agenda import AgendaFilter

    zorg = Domein.objects.create(naam="Zorg en welzijn")
    OpgaveFactory(titel="Eenzaamheid onder ouderen").domeinen.set([zorg])
    gezocht = AgendaFilter({"q": "eenzaam"}, queryset=Opgave.objects.op_agenda()).qs
    # Without the agenda's order (as the page's count asks): on a tiny table the planner may
    # also walk the order's index and test each row, which at scale it does only for a
    # word in most opgaven (there the first twenty come soon).
    plan = plan_met_indexen(gezocht.order_by())
    assert "opgave_zoekvector" in plan and "Seq Scan on opgaven_opgave" not in plan, plan
    assert [o.titel for o in gezocht] == ["Eenzaamheid onder ouderen"]
    gefilterd = AgendaFilter({"q": "eenzaam", "domein": zorg.pk}, queryset=Opgave.objects.all())
    assert "Unique" not in gefilterd.qs.explain()


def test_the_agendas_first_page_reads_the_index_in_its_order(users):
    """At scale: the first page sorted all 3,000 opgaven to show twenty (4.2 ms); the index on
    the agenda's order (rank, title, id) hands them over in order."""
    OpgaveFactory.create_batch(3)
    plan = plan_met_indexen(Opgave.objects.op_agenda()[:20])
    assert "opgave_agenda_volgorde" in plan and "Sort" not in plan, plan


def test_an_opgave_in_two_chosen_domains_and_areas_is_listed_once(users):
    from opgaven.forms.agenda import AgendaFilter
    from opgaven.models import Gebied

    zorg = Domein.objects.create(naam="Zorg en welzijn")
    kern = Gebied.objects.create(naam="Oosterwolde", soort="kern")
    opgave = OpgaveFactory(titel="Vitale kernen")
    opgave.domeinen.set([zorg, Domein.objects.create(naam="Wonen")])
    opgave.gebieden.set([kern, Gebied.objects.create(naam="Zuiderwolde", soort="kern")])
    qs = AgendaFilter({"domein": zorg.pk, "gebied": kern.pk}, queryset=Opgave.objects.all()).qs
    assert list(qs) == [opgave]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "'); DROP TABLE opgaven_opgave; --"},
        {"q": "&|!:*()"},
        {"fase": "heelal"},
        {"domein": "abc"},
        {"teamlid": "abc"},
        {"teamlid_zoek": "<script>alert(1)</script>"},
        {"opgaveregisseur": "99999999999999999999"},
        {"order_by": "password"},
        {"pagina": "999"},
    ],
)
def test_hostile_agenda_parameters_never_break_the_page(users, params):
    OpgaveFactory()
    response = client_for(users["medewerker"]).get(reverse("opgaven:opgave-list"), params)
    assert response.status_code == 200
    assert Opgave.objects.exists()


def test_filters_combine(users):
    zorg = Domein.objects.create(naam="Zorg en welzijn")
    wonen = Domein.objects.create(naam="Wonen")
    a = OpgaveFactory(titel="Alpha", fase="realiseren")
    a.domeinen.set([zorg, wonen])
    OpgaveFactory(titel="Beta", fase="realiseren").domeinen.set([wonen])
    OpgaveFactory(titel="Gamma", fase="verkennen").domeinen.set([zorg])
    html = (
        client_for(users["medewerker"])
        .get(
            reverse("opgaven:opgave-list"),
            {"domein": zorg.pk, "fase": "realiseren"},
            headers={"HX-Request": "true", "HX-Target": "agenda"},
        )
        .content.decode()
    )
    assert html.lstrip().startswith('<div id="agenda">')
    assert "Alpha" in html and "Beta" not in html and "Gamma" not in html
    assert "domeinoverstijgend" in html


def test_agenda_pages_keep_the_filters(users):
    for i in range(25):
        OpgaveFactory(titel=f"Woningbouw {i:02d}", rang=i + 10)
    client = client_for(users["medewerker"])
    eerste = client.get(reverse("opgaven:opgave-list"), {"q": "woningbouw"}).content.decode()
    assert "Pagina 1 van 2" in eerste
    assert "?q=woningbouw&amp;pagina=2" in eerste
    tweede = client.get(
        reverse("opgaven:opgave-list"), {"q": "woningbouw", "pagina": 2}
    ).content.decode()
    assert "Pagina 2 van 2" in tweede
    assert tweede.count('<tr class="utrecht-table__row" id="agenda-') == 5


def test_people_are_searched_not_listed_and_a_typed_name_is_looked_up(users):
    """At scale: the filters by regisseur and team member listed every one of them with each
    page (356 options at scale); now they are searchable choices."""
    from tests.accounts.factories import UserFactory

    vera = UserFactory(rol="teamlid", username="vvisser", first_name="Vera", last_name="Visser")
    for i in range(30):
        OpgaveFactory(titel=f"Ander {i}").teamleden.add(UserFactory(first_name=f"Lid {i}"))
    OpgaveFactory(titel="Met Vera").teamleden.add(vera)
    client = client_for(users["medewerker"])
    url = reverse("opgaven:opgave-list")
    pagina = client.get(url).content.decode()
    assert "Lid 1" not in pagina and "Visser" not in pagina
    assert 'name="teamlid_zoek"' in pagina and 'role="combobox"' in pagina

    # Chosen from the list (the hidden field): filtered, the name stays in the box.
    gekozen = client.get(url, {"teamlid": vera.pk}).content.decode()
    assert "Met Vera" in gekozen and "Ander 1" not in gekozen
    assert 'value="Vera Visser"' in gekozen
    # Typed in full without JavaScript: looked up by login name.
    getypt = client.get(url, {"teamlid": "", "teamlid_zoek": "VVISSER"}).content.decode()
    assert "Met Vera" in getypt and "Ander 1" not in getypt
    # Not found: the agenda unfiltered, and why, in Dutch.
    onbekend = client.get(
        url, {"teamlid": "", "teamlid_zoek": "niemand"}, headers={**HTMX, "HX-Target": "agenda"}
    )
    html = onbekend.content.decode()
    assert onbekend.status_code == 200 and html.lstrip().startswith('<div id="agenda">')
    assert f"{Opgave.objects.count()} opgaven gevonden" in html
    assert "Niet gefilterd op Teamlid: Niets gevonden met deze naam" in html


def test_the_first_is_not_offered_up_nor_the_last_down(users, agenda):
    html = client_for(users["bestuurder"]).get(reverse("opgaven:opgave-list")).content.decode()
    volgorde = list(Opgave.objects.op_agenda())
    eerste, laatste = volgorde[0], volgorde[-1]
    assert f'value="{eerste.pk}:omhoog"' not in html
    assert f'value="{eerste.pk}:omlaag"' in html
    assert f'value="{laatste.pk}:omlaag"' not in html
    assert f'value="{laatste.pk}:omhoog"' in html
    assert html.count(":omhoog") == html.count(":omlaag") == len(volgorde) - 1
