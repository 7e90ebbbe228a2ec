import datetime
import subprocess

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from canvas.models import Blok, CanvasItem
from participatie.models import (
    Actiepunt,
    Bijeenkomst,
    Inbreng,
    Opgavesprint,
    Persona,
    Terugkoppeling,
    Thematafel,
)
from tests import hostile
from tests.canvas.factories import CanvasItemFactory
from tests.conftest import client_for
from tests.participatie.factories import (
    ActiepuntFactory,
    BetrokkenheidFactory,
    BijeenkomstFactory,
    InbrengFactory,
    StakeholderFactory,
    ThematafelFactory,
)

NU = timezone.localtime()


def _dt(dagen: int, uur: int = 19) -> str:
    moment = (NU + datetime.timedelta(days=dagen)).replace(hour=uur, minute=30)
    return moment.strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def tafel(opgave):
    return ThematafelFactory(opgaven=[opgave])


@pytest.fixture
def sessie(tafel):
    return BijeenkomstFactory(thematafel=tafel)


def _post(client, actie, data, *args):
    """POST to one of a session's actions (``participatie:<actie>``) without JavaScript."""
    return client.post(reverse(f"participatie:{actie}", args=list(args)), data)


# --- Thematafels and sessions ------------------------------------------------------------


def test_regisseur_creates_a_thematafel_for_the_opgave(users, opgave):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:thematafel-create", args=[opgave.pk]),
        {
            "thema": "Dementievriendelijk Maasdal",
            "opgaven": [opgave.pk],
            "gespreksleider": users["teamlid"].pk,
            "doel": "Samen met bewoners ontdekken wat helpt.",
        },
    )
    tafel = Thematafel.objects.get()
    assert response.status_code == 302
    assert response.url == tafel.get_absolute_url()
    assert list(tafel.opgaven.all()) == [opgave]
    assert tafel.gespreksleider == users["teamlid"]


def test_thematafel_cannot_be_hung_on_an_opgave_the_user_does_not_run(users, opgave, andere_opgave):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:thematafel-create", args=[opgave.pk]),
        {"thema": "x", "opgaven": [andere_opgave.pk], "doel": "y"},
    )
    assert response.status_code == 422
    assert not Thematafel.objects.exists()


def test_editing_keeps_opgaven_someone_else_runs(users, opgave, andere_opgave):
    tafel = ThematafelFactory(opgaven=[opgave, andere_opgave])
    response = client_for(users["regisseur"]).post(
        reverse("participatie:thematafel-update", args=[tafel.pk]),
        {"thema": "Nieuw thema", "opgaven": [opgave.pk, andere_opgave.pk], "doel": "d"},
    )
    assert response.status_code == 302
    assert set(tafel.opgaven.all()) == {opgave, andere_opgave}


def test_a_session_is_planned_with_invitations(users, tafel, opgave):
    betrokken = BetrokkenheidFactory(opgave=opgave).stakeholder
    response = client_for(users["teamlid"]).post(
        reverse("participatie:bijeenkomst-create", args=[tafel.pk]),
        {
            "begint_op": _dt(10),
            "eindigt_op": _dt(10, 21),
            "locatie": "Dorpshuis",
            "agenda": "Kennismaken",
            "uitgenodigd": [betrokken.pk],
        },
    )
    bijeenkomst = Bijeenkomst.objects.get()
    assert response.status_code == 302
    assert list(bijeenkomst.uitgenodigd.all()) == [betrokken]
    assert timezone.localtime(bijeenkomst.begint_op).hour == 19


def test_planning_a_session_in_the_past_is_explained(users, tafel):
    client = client_for(users["regisseur"])
    url = reverse("participatie:bijeenkomst-create", args=[tafel.pk])
    data = {"begint_op": _dt(-3), "eindigt_op": _dt(-3, 21), "locatie": "Dorpshuis"}
    response = client.post(url, data)
    assert response.status_code == 422
    assert "ligt in het verleden" in response.content.decode()
    assert not Bijeenkomst.objects.exists()
    # recording a session that has been held is allowed when said so
    assert client.post(url, {**data, "al_gehouden": "on"}).status_code == 302
    assert Bijeenkomst.objects.count() == 1


def test_a_session_that_ends_before_it_begins_is_refused(users, tafel):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:bijeenkomst-create", args=[tafel.pk]),
        {"begint_op": _dt(5, 21), "eindigt_op": _dt(5, 19), "locatie": "Dorpshuis"},
    )
    assert response.status_code == 422
    assert "moet eindigen nadat ze begint" in response.content.decode()
    assert not Bijeenkomst.objects.exists()


def test_attendance_from_another_opgave_is_refused_and_keeps_what_was_saved(
    users, sessie, opgave, andere_opgave
):
    eigen = BetrokkenheidFactory(opgave=opgave).stakeholder
    vreemd = BetrokkenheidFactory(opgave=andere_opgave).stakeholder
    client = client_for(users["regisseur"])
    data = {"aanwezig-aantal_niet_geregistreerd": 4}
    actie = "bijeenkomst-aanwezigheid"
    goed = {**data, "aanwezig-aanwezig": [eigen.pk]}
    assert _post(client, actie, goed, sessie.pk).status_code == 302
    fout = {**data, "aanwezig-aanwezig": [eigen.pk, vreemd.pk]}
    response = _post(client, actie, fout, sessie.pk)
    assert response.status_code == 422
    assert "niet betrokken bij de opgave(n) van deze thematafel" in response.content.decode()
    sessie.refresh_from_db()
    assert list(sessie.aanwezig.all()) == [eigen]
    assert sessie.aantal_niet_geregistreerd == 4


def test_a_negative_number_of_residents_is_refused(users, sessie):
    response = _post(
        client_for(users["regisseur"]),
        "bijeenkomst-aanwezigheid",
        {"aanwezig-aantal_niet_geregistreerd": -2},
        sessie.pk,
    )
    assert response.status_code == 422
    assert "kan niet negatief zijn" in response.content.decode()


def test_verslag_keeps_simple_markup_and_loses_everything_that_runs(users, sessie):
    verslag = (
        f"<p>Goed gesprek, <strong>veel</strong> ideeën.</p>{hostile.SCRIPT}{hostile.IMG}"
        '<a href="javascript:alert(1)">klik</a><p style="color:red" onclick="x()">x</p>'
    )
    response = _post(
        client_for(users["regisseur"]),
        "bijeenkomst-verslag",
        {"verslag-verslag": verslag},
        sessie.pk,
    )
    assert response.status_code == 302
    sessie.refresh_from_db()
    assert "<strong>veel</strong>" in sessie.verslag
    for gevaarlijk in ("<script", "onerror", "javascript:", "onclick", "style="):
        assert gevaarlijk not in sessie.verslag
    page = client_for(users["medewerker"]).get(sessie.get_absolute_url()).content.decode()
    assert "<strong>veel</strong>" in page
    assert hostile.SCRIPT not in page
    assert hostile.IMG not in page


# --- Inbreng, votes, terugkoppeling ----------------------------------------------------


def test_inbreng_is_recorded_with_blocks_and_votes(users, sessie, opgave):
    spreker = BetrokkenheidFactory(opgave=opgave).stakeholder
    response = _post(
        client_for(users["teamlid"]),
        "inbreng-create",
        {
            "inbreng-soort": "zorg",
            "inbreng-tekst": hostile.text("Zorg"),
            "inbreng-stakeholder": spreker.pk,
            "inbreng-blokken": [Blok.DOELGROEPEN, Blok.PARTICIPATIE],
            "inbreng-stemmen": 7,
        },
        sessie.pk,
    )
    inbreng = Inbreng.objects.get()
    assert response.status_code == 302
    assert response.url.endswith(f"#inbreng-{inbreng.pk}")
    assert inbreng.blokken == [Blok.DOELGROEPEN, Blok.PARTICIPATIE]
    assert inbreng.stemmen == 7
    assert inbreng.stakeholder == spreker
    assert inbreng.terugkoppeling == Terugkoppeling.OPEN


def test_a_vote_count_below_zero_is_refused(users, sessie):
    client = client_for(users["regisseur"])
    response = _post(
        client,
        "inbreng-create",
        {
            "inbreng-soort": "idee",
            "inbreng-tekst": "x",
            "inbreng-stemmen": -1,
        },
        sessie.pk,
    )
    assert response.status_code == 422
    assert "Het aantal stemmen kan niet negatief zijn." in response.content.decode()
    assert not Inbreng.objects.exists()
    inbreng = InbrengFactory(bijeenkomst=sessie, stemmen=3)
    response = _post(
        client,
        "inbreng-stemmen",
        {f"stemmen-{inbreng.pk}-stemmen": -5},
        sessie.pk,
        inbreng.pk,
    )
    assert response.status_code == 422
    assert "Het aantal stemmen kan niet negatief zijn." in response.content.decode()
    inbreng.refresh_from_db()
    assert inbreng.stemmen == 3


def test_inbreng_from_another_sessions_id_is_not_found(users, sessie):
    ander = InbrengFactory()
    response = _post(
        client_for(users["regisseur"]),
        "inbreng-stemmen",
        {f"stemmen-{ander.pk}-stemmen": 1},
        sessie.pk,
        ander.pk,
    )
    assert response.status_code == 404


def test_not_taking_inbreng_over_needs_a_reason(users, sessie):
    inbreng = InbrengFactory(bijeenkomst=sessie)
    client = client_for(users["regisseur"])
    prefix = f"terugkoppeling-{inbreng.pk}"
    actie, args = "inbreng-terugkoppeling", (sessie.pk, inbreng.pk)
    response = _post(client, actie, {f"{prefix}-terugkoppeling": "niet_overgenomen"}, *args)
    assert response.status_code == 422
    assert "waarom hun inbreng niet is overgenomen" in response.content.decode()
    inbreng.refresh_from_db()
    assert inbreng.terugkoppeling == Terugkoppeling.OPEN
    response = _post(
        client,
        actie,
        {
            f"{prefix}-terugkoppeling": "niet_overgenomen",
            f"{prefix}-toelichting": "Valt buiten wat de gemeente kan doen.",
        },
        *args,
    )
    assert response.status_code == 302
    inbreng.refresh_from_db()
    assert inbreng.terugkoppeling == Terugkoppeling.NIET_OVERGENOMEN
    assert inbreng.teruggekoppeld_door == users["regisseur"]


def test_taking_inbreng_over_puts_it_in_the_canvas_with_links_both_ways(users, sessie, opgave):
    inbreng = InbrengFactory(bijeenkomst=sessie, blokken=[Blok.ACTIVITEITEN])
    client = client_for(users["teamlid"])
    prefix = f"overnemen-{inbreng.pk}"
    data = {f"{prefix}-blok": Blok.ACTIVITEITEN, f"{prefix}-opgave": opgave.pk}
    args = ("inbreng-overnemen", data, sessie.pk, inbreng.pk)
    assert _post(client, *args).status_code == 302
    # a second click (another tab) does not create a second item
    assert _post(client, *args).status_code == 302
    item = CanvasItem.objects.get()
    inbreng.refresh_from_db()
    assert item.opgave == opgave and item.blok == Blok.ACTIVITEITEN
    assert item.tekst == inbreng.tekst
    assert inbreng.canvas_item == item
    assert inbreng.terugkoppeling == Terugkoppeling.OVERGENOMEN
    canvas = client.get(reverse("canvas:canvas-detail", args=[opgave.pk])).content.decode()
    assert inbreng.get_absolute_url() in canvas
    sessie_page = client.get(sessie.get_absolute_url()).content.decode()
    assert f"#item-{item.pk}" in sessie_page


def test_taking_over_into_an_opgave_outside_the_thematafel_is_refused(users, sessie, andere_opgave):
    inbreng = InbrengFactory(bijeenkomst=sessie)
    prefix = f"overnemen-{inbreng.pk}"
    response = _post(
        client_for(users["beheerder"]),
        "inbreng-overnemen",
        {f"{prefix}-blok": Blok.ACTIVITEITEN, f"{prefix}-opgave": andere_opgave.pk},
        sessie.pk,
        inbreng.pk,
    )
    assert response.status_code == 422
    assert "Kies een opgave van deze thematafel." in response.content.decode()
    assert not CanvasItem.objects.exists()


def test_action_points_are_added_and_closed(users, sessie):
    client = client_for(users["regisseur"])
    deadline = (NU + datetime.timedelta(days=14)).date().isoformat()
    response = _post(
        client,
        "actiepunt-create",
        {
            "actiepunt-omschrijving": "Ruimte in het dorpshuis regelen",
            "actiepunt-eigenaar": users["teamlid"].pk,
            "actiepunt-deadline": deadline,
        },
        sessie.pk,
    )
    assert response.status_code == 302
    punt = Actiepunt.objects.get()
    assert punt.eigenaar == users["teamlid"]
    _post(client, "actiepunt-status", {"status": "gereed"}, sessie.pk, punt.pk)
    punt.refresh_from_db()
    assert punt.status == "gereed"


def test_medewerker_reads_a_session_but_cannot_change_it(users, sessie):
    client = client_for(users["medewerker"])
    page = client.get(sessie.get_absolute_url())
    assert page.status_code == 200
    assert "Inbreng toevoegen" not in page.content.decode()
    response = _post(
        client,
        "inbreng-create",
        {
            "inbreng-soort": "idee",
            "inbreng-tekst": "x",
            "inbreng-stemmen": 0,
        },
        sessie.pk,
    )
    assert response.status_code == 403
    assert not Inbreng.objects.exists()


# --- Calendar and feedback document -----------------------------------------------------


def test_sessions_export_as_ics_that_parses(users, tafel):
    eerste = BijeenkomstFactory(thematafel=tafel, agenda=f"Punt 1, punt 2; {hostile.text()}")
    BijeenkomstFactory(thematafel=tafel, begint_op=eerste.begint_op + datetime.timedelta(days=14))
    response = client_for(users["medewerker"]).get(
        reverse("participatie:thematafel-ics", args=[tafel.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    agenda = icalendar.Calendar.from_ical(response.content)
    events = agenda.walk("VEVENT")
    assert len(events) == 2
    first = events[0]
    # iCalendar has whole seconds
    assert first.decoded("dtstart") == eerste.begint_op.replace(microsecond=0)
    assert first.decoded("dtend") == eerste.eindigt_op.replace(microsecond=0)
    assert str(first["location"]) == eerste.locatie
    assert str(first["description"]) == eerste.agenda
    assert str(first["summary"]) == f"Thematafel: {tafel.thema}"
    assert str(first["uid"]) == f"bijeenkomst-{eerste.pk}@opgavenregie"


def test_terugkoppeling_pdf_shows_what_was_done_and_names_no_residents(users, tafel, tmp_path):
    gehouden = BijeenkomstFactory(
        thematafel=tafel,
        begint_op=timezone.now() - datetime.timedelta(days=3),
        eindigt_op=timezone.now() - datetime.timedelta(days=3, hours=-2),
    )
    bewoner = StakeholderFactory(
        naam="Geheime Bewoner",
        soort="inwoner",
        vorm="persoon",
        grondslag="toestemming",
        doel="Thematafel",
        bewaren_tot=datetime.date(2030, 1, 1),
    )
    InbrengFactory(
        bijeenkomst=gehouden,
        tekst="Een bankje bij de bushalte",
        stakeholder=bewoner,
        terugkoppeling=Terugkoppeling.NIET_OVERGENOMEN,
        toelichting="De provincie gaat over deze halte.",
    )
    InbrengFactory(bijeenkomst=gehouden, tekst=f"Koffie in de bieb {hostile.SCRIPT}")
    response = client_for(users["regisseur"]).get(
        reverse("participatie:thematafel-terugkoppeling", args=[tafel.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())
    assert "Wat we hoorden en wat we ermee doen" in text
    assert "Een bankje bij de bushalte" in text
    assert "Niet overgenomen" in text
    assert "De provincie gaat over deze halte." in text
    assert "Nog geen terugkoppeling" in text
    assert "Geheime Bewoner" not in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "Tagged:          yes" in info.stdout


# --- Sprints and personas -------------------------------------------------------------


def test_sprints_are_numbered_and_sprint_one_asks_for_the_intent(users, opgave):
    client = client_for(users["regisseur"])
    url = reverse("participatie:sprint-create", args=[opgave.pk])
    basis = {
        "startdatum": "2027-01-04",
        "einddatum": "2027-01-29",
        "doel": "Ontmoetingsplek in Oosterhout",
    }
    response = client.post(url, basis)
    assert response.status_code == 422
    assert "Sprint 1 begint met de maatschappelijke bedoeling" in response.content.decode()
    eerste = {
        **basis,
        "maatschappelijke_bedoeling": "Vitale kern",
        "aanpak_tot_nu_toe": "Gesprekken",
    }
    assert client.post(url, eerste).status_code == 302
    assert (
        client.post(
            url, {**basis, "startdatum": "2027-02-01", "einddatum": "2027-02-26"}
        ).status_code
        == 302
    )
    assert list(opgave.sprints.values_list("nummer", flat=True)) == [1, 2]


def test_a_sprint_that_ends_before_it_starts_is_refused(users, opgave):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:sprint-create", args=[opgave.pk]),
        {
            "startdatum": "2027-03-01",
            "einddatum": "2027-02-01",
            "doel": "d",
            "maatschappelijke_bedoeling": "b",
            "aanpak_tot_nu_toe": "a",
        },
    )
    assert response.status_code == 422
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()
    assert not Opgavesprint.objects.exists()


def test_persona_links_to_doelgroepen_of_its_own_canvas_only(users, opgave, andere_opgave):
    eigen = CanvasItemFactory(opgave=opgave, blok=Blok.DOELGROEPEN, tekst="Ouderen in de kern")
    vreemd = CanvasItemFactory(opgave=andere_opgave, blok=Blok.DOELGROEPEN)
    client = client_for(users["regisseur"])
    url = reverse("participatie:persona-create", args=[opgave.pk])
    data = {"naam": "Riet (82)", "beschrijving": "Woont alleen.", "doelgroepen": [vreemd.pk]}
    response = client.post(url, data)
    assert response.status_code == 422
    assert "Kies doelgroepen uit het canvas van deze opgave." in response.content.decode()
    assert client.post(url, {**data, "doelgroepen": [eigen.pk]}).status_code == 302
    persona = Persona.objects.get()
    response = client.post(
        reverse("participatie:reisstap-create", args=[persona.pk]),
        {
            "stap-omschrijving": "Zoekt vervoer naar de huisarts",
            "stap-knelpunt": "Geen bus",
        },
    )
    assert response.status_code == 302
    page = client.get(persona.get_absolute_url()).content.decode()
    assert "Zoekt vervoer naar de huisarts" in page
    assert "Ouderen in de kern" in page


# --- Overview across opgaven -------------------------------------------------------------


def test_overview_shows_upcoming_sessions_open_actions_and_open_loops(users, tafel):
    komend = BijeenkomstFactory(thematafel=tafel, locatie="Komende plek")
    BijeenkomstFactory(
        thematafel=tafel,
        locatie="Vorige plek",
        begint_op=timezone.now() - datetime.timedelta(days=30),
        eindigt_op=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    ActiepuntFactory(bijeenkomst=komend, eigenaar=users["teamlid"], omschrijving="Mijn actie")
    ActiepuntFactory(bijeenkomst=komend, eigenaar=users["regisseur"], omschrijving="Andermans")
    ActiepuntFactory(
        bijeenkomst=komend, eigenaar=users["teamlid"], omschrijving="Klaar", status="gereed"
    )
    InbrengFactory(bijeenkomst=komend, tekst="Open lus")
    InbrengFactory(bijeenkomst=komend, tekst="Gesloten lus", terugkoppeling="in_onderzoek")
    client = client_for(users["teamlid"])
    page = client.get(reverse("participatie:overzicht")).content.decode()
    assert "Komende plek" in page and "Vorige plek" not in page
    assert "Mijn actie" in page and "Andermans" not in page and "Klaar" not in page
    assert "Open lus" in page and "Gesloten lus" not in page
    alle = client.get(reverse("participatie:overzicht"), {"actiepunten": "alle"}).content.decode()
    assert "Mijn actie" in alle and "Andermans" in alle and "Klaar" not in alle


def test_inzage_includes_what_a_person_brought_in(users, sessie):
    persoon = StakeholderFactory(
        soort="inwoner",
        vorm="persoon",
        grondslag="toestemming",
        doel="Thematafel",
        bewaren_tot=datetime.date(2030, 1, 1),
    )
    sessie.uitgenodigd.add(persoon)
    sessie.aanwezig.add(persoon)
    InbrengFactory(bijeenkomst=sessie, stakeholder=persoon, tekst="Meer bankjes")
    data = (
        client_for(users["beheerder"])
        .get(reverse("participatie:stakeholder-inzage", args=[persoon.pk]))
        .json()
    )
    assert data["inbreng"][0]["inbreng"] == "Meer bankjes"
    assert data["bijeenkomsten"][0]["aanwezig"] is True


def test_start_page_and_hub_show_what_waits(users, sessie, opgave):
    ActiepuntFactory(bijeenkomst=sessie, eigenaar=users["regisseur"], omschrijving="Zaal huren")
    InbrengFactory(bijeenkomst=sessie)
    client = client_for(users["regisseur"])
    start = client.get(reverse("home")).content.decode()
    assert "Wacht op u" in start and "Zaal huren" in start
    hub = client.get(opgave.get_absolute_url()).content.decode()
    assert "1 inbreng wacht op terugkoppeling." in hub
    assert sessie.thematafel.get_absolute_url() in hub


def test_removing_inbreng_keeps_the_canvas_item_it_became(users, sessie, opgave):
    item = CanvasItemFactory(opgave=opgave)
    inbreng = InbrengFactory(bijeenkomst=sessie, canvas_item=item)
    punt = ActiepuntFactory(bijeenkomst=sessie)
    client = client_for(users["regisseur"])
    assert _post(client, "inbreng-delete", {}, sessie.pk, inbreng.pk).status_code == 302
    assert _post(client, "actiepunt-delete", {}, sessie.pk, punt.pk).status_code == 302
    assert not Inbreng.objects.exists() and not Actiepunt.objects.exists()
    assert CanvasItem.objects.filter(pk=item.pk).exists()
    # someone outside the team cannot remove anything
    other = InbrengFactory(bijeenkomst=sessie)
    assert (
        _post(
            client_for(users["teamlid_ander"]), "inbreng-delete", {}, sessie.pk, other.pk
        ).status_code
        == 403
    )
    assert Inbreng.objects.filter(pk=other.pk).exists()
