"""Phases, progress, the beleidsagenda and the reference lists (issue: opgavenprofiel)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from opgaven.models import AgendaWijziging, Domein, FaseWijziging, Opgave, VoortgangMelding
from tests.conftest import client_for
from tests.opgaven.factories import OpgaveFactory

HTMX = {"HX-Request": "true"}


def _fase(client, opgave, van, naar, toelichting="Verkenning afgerond met de dorpsraden.", **extra):
    data = {
        "van_fase": van,
        "naar_fase": naar,
        "datum": timezone.localdate().isoformat(),
        "toelichting": toelichting,
    }
    data.update(extra)
    data = {f"fase-{key}": value for key, value in data.items()}
    return client.post(reverse("opgaven:opgave-fase", args=[opgave.pk]), data, headers=HTMX)


def test_phase_change_is_dated_explained_and_shown(users, opgave):
    client = client_for(users["regisseur"])
    response = _fase(client, opgave, "verkennen", "formuleren")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="fase"')
    assert "Verkenning afgerond met de dorpsraden." in html
    opgave.refresh_from_db()
    assert opgave.fase == "formuleren"
    wijziging = FaseWijziging.objects.get()
    assert (wijziging.van_fase, wijziging.naar_fase, wijziging.door) == (
        "verkennen",
        "formuleren",
        users["regisseur"],
    )


def test_phase_change_from_a_stale_page_is_refused_not_applied_twice(users, opgave):
    a, b = client_for(users["regisseur"]), client_for(users["teamlid"])
    assert _fase(a, opgave, "verkennen", "formuleren").status_code == 200
    response = _fase(b, opgave, "verkennen", "formuleren")  # B's page still said "verkennen"
    assert response.status_code == 409
    assert "intussen al gewijzigd" in response.content.decode()
    assert FaseWijziging.objects.count() == 1
    opgave.refresh_from_db()
    assert opgave.fase == "formuleren"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"toelichting": "  "}, "Licht toe waarom"),
        ({"naar_fase": "verkennen"}, "Kies een andere fase"),
        (
            {"datum": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()},
            "niet in de toekomst",
        ),
        ({"datum": "31-02-2026"}, "geldige datum"),
        ({"naar_fase": "heelal"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_phase_change_is_explained(users, opgave, extra, message):
    response = _fase(client_for(users["regisseur"]), opgave, "verkennen", "formuleren", **extra)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not FaseWijziging.objects.exists()


def test_progress_report_keeps_its_history(users, opgave):
    client = client_for(users["teamlid"])
    url = reverse("opgaven:opgave-voortgang", args=[opgave.pk])
    client.post(
        url,
        {"voortgang-voortgang": "aandacht", "voortgang-toelichting": "Vrijwilligers haken af."},
        headers=HTMX,
    )
    response = client.post(
        url,
        {"voortgang-voortgang": "risico", "voortgang-toelichting": "Subsidie vervalt."},
        headers=HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vrijwilligers haken af." in html and "Subsidie vervalt." in html
    opgave.refresh_from_db()
    assert opgave.voortgang == "risico"
    assert VoortgangMelding.objects.count() == 2
    empty = client.post(
        url, {"voortgang-voortgang": "op_koers", "voortgang-toelichting": ""}, headers=HTMX
    )
    assert empty.status_code == 422
    assert "Licht de voortgang toe." in empty.content.decode()


@pytest.fixture
def agenda(users):
    return [OpgaveFactory(titel=f"Opgave {i}", rang=i) for i in range(1, 5)]


def test_reordering_records_the_reason(users, agenda):
    client = client_for(users["regisseur"])
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
    assert (wijziging.reden, wijziging.door) == ("Raadsmotie over eenzaamheid", users["regisseur"])
    assert wijziging.nieuwe_rang == wijziging.oude_rang - 1


def test_reordering_without_reason_changes_nothing(users, agenda):
    client = client_for(users["regisseur"])
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
    response = client_for(users["beheerder"]).post(
        reverse("opgaven:agenda-verplaatsen"), {"verplaats": value, "reden": "r"}
    )
    assert response.status_code == 404


def test_medewerker_cannot_reorder(users, agenda):
    response = client_for(users["medewerker"]).post(
        reverse("opgaven:agenda-verplaatsen"), {"verplaats": f"{agenda[1].pk}:omhoog", "reden": "r"}
    )
    assert response.status_code == 403


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


@pytest.mark.parametrize(
    "params",
    [
        {"q": "'); DROP TABLE opgaven_opgave; --"},
        {"q": "&|!:*()"},
        {"fase": "heelal"},
        {"domein": "abc"},
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


def test_beheerder_manages_reference_lists(users):
    client = client_for(users["beheerder"])
    domein_url = reverse("opgaven:domein-create")
    assert client.post(domein_url, {"domein-naam": "Klimaat en energie"}).status_code == 302
    dubbel = client.post(domein_url, {"domein-naam": "Klimaat en energie"})
    assert dubbel.status_code == 422
    assert "Dit domein bestaat al." in dubbel.content.decode()
    domein = Domein.objects.get()
    client.post(reverse("opgaven:domein-actief", args=[domein.pk]))
    domein.refresh_from_db()
    assert domein.actief is False
    gebied_url = reverse("opgaven:gebied-create")
    gebied = {"gebied-naam": "Broekhoven", "gebied-soort": "kern", "gebied-cbs_code": "WK0001"}
    assert client.post(gebied_url, gebied).status_code == 302
    leeg = client.post(gebied_url, {"gebied-naam": "", "gebied-soort": "kern"})
    assert leeg.status_code == 422
    assert "Geef het gebied een naam." in leeg.content.decode()


@pytest.mark.parametrize("rol", ["regisseur", "medewerker", "teamlid", "raadslid"])
def test_only_beheerder_manages_reference_lists(users, rol):
    assert client_for(users[rol]).get(reverse("opgaven:referentielijsten")).status_code == 403


def test_teamlid_cannot_reassign_the_opgave(users, opgave):
    client = client_for(users["teamlid"])
    form = client.get(reverse("opgaven:opgave-update", args=[opgave.pk])).content.decode()
    assert 'name="opgaveregisseur"' not in form
    client.post(
        reverse("opgaven:opgave-update", args=[opgave.pk]),
        {
            "titel": "T",
            "maatschappelijke_bedoeling": "B",
            "schaal": "kern",
            "prioriteit": "hoog",
            "prioriteit_motivering": "M",
            "opgaveregisseur": users["teamlid"].pk,
        },
    )
    opgave.refresh_from_db()
    assert opgave.opgaveregisseur == users["regisseur"]
    assert opgave.titel == "T"


def test_end_before_start_is_refused(users, opgave):
    response = client_for(users["regisseur"]).post(
        reverse("opgaven:opgave-update", args=[opgave.pk]),
        {
            "titel": "T",
            "maatschappelijke_bedoeling": "B",
            "schaal": "kern",
            "prioriteit": "hoog",
            "prioriteit_motivering": "M",
            "opgaveregisseur": users["regisseur"].pk,
            "startdatum": "2027-01-01",
            "einddatum": "2026-01-01",
        },
    )
    assert response.status_code == 422
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()


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


def test_moving_the_first_opgave_up_changes_and_announces_nothing(users, agenda):
    eerste = Opgave.objects.op_agenda().first()
    response = client_for(users["regisseur"]).post(
        reverse("opgaven:agenda-verplaatsen"),
        {"verplaats": f"{eerste.pk}:omhoog", "reden": "Nog hoger"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "is verplaatst" not in response.content.decode()
    assert not AgendaWijziging.objects.exists()
    assert Opgave.objects.op_agenda().first() == eerste
