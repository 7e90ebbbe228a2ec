"""Thematafels: made for the opgaven one runs, sessions planned, in calendars, and the
terugkoppeling PDF."""

import datetime
import subprocess

import icalendar
from django.urls import reverse
from django.utils import timezone

from participatie.models import (
    Bijeenkomst,
    Terugkoppeling,
    Thematafel,
)
from tests import hostile
from tests.conftest import client_for
from tests.documenten import maak_document
from tests.participatie.factories import (
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


def test_the_opgaven_of_a_thematafel_are_searched_not_listed(users, opgave, andere_opgave):
    """At scale: the form listed every opgave a beheerder may change as checkboxes (3,014 at
    scale, 481 kB). Now the chosen ones are ticked and others are added by search."""
    andere_opgave.titel = "Eenzaamheid in Maasdal"
    andere_opgave.save()
    beheerder = client_for(users["beheerder"])
    url = reverse("participatie:thematafel-create", args=[opgave.pk])
    formulier = beheerder.get(url).text
    assert f'name="opgaven" value="{opgave.pk}" checked' in formulier  # the opgave at hand
    assert "Eenzaamheid in Maasdal" not in formulier and 'name="opgaven_zoek"' in formulier
    zoeken = reverse("opgaven:opgave-zoeken")
    eigen = {"opgaven_zoek": "maasdal", "bewerkbaar": "1"}
    assert "Eenzaamheid in Maasdal" in beheerder.get(zoeken, eigen).text
    assert "Eenzaamheid in Maasdal" not in client_for(users["regisseur"]).get(zoeken, eigen).text

    data = {"thema": "Samen", "doel": "d", "opgaven": [opgave.pk]}
    getypt = beheerder.post(url, data | {"opgaven_zoek": "eenzaamheid in maasdal"})
    assert getypt.status_code == 302
    assert set(Thematafel.objects.get().opgaven.all()) == {opgave, andere_opgave}
    onbekend = beheerder.post(url, data | {"thema": "Ander", "opgaven_zoek": "<b>Geen</b>"})
    assert onbekend.status_code == 422 and "Niets gevonden met deze naam" in onbekend.text
    assert "<b>Geen</b>" not in onbekend.text and Thematafel.objects.count() == 1
    leeg = beheerder.post(url, {"thema": "Leeg", "doel": "d"})
    assert leeg.status_code == 422 and "Kies voor welke opgave(n)" in leeg.text


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
    client = client_for(users["teamlid"])
    response = client.post(
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
    pagina = client.get(response["Location"]).content.decode()
    assert "De bijeenkomst is gepland." in pagina
    assert timezone.localtime(bijeenkomst.begint_op).hour == 19


def test_planning_a_session_in_the_past_is_explained(users, tafel):
    client = client_for(users["regisseur"])
    url = reverse("participatie:bijeenkomst-create", args=[tafel.pk])
    data = {"begint_op": _dt(-3), "eindigt_op": _dt(-3, 21), "locatie": "Dorpshuis"}
    response = client.post(url, data)
    assert response.status_code == 422
    assert "ligt in het verleden" in response.content.decode()
    assert not Bijeenkomst.objects.exists()
    # recording a session that has been held is allowed when said so, and said so after
    response = client.post(url, {**data, "al_gehouden": "on"}, follow=True)
    assert Bijeenkomst.objects.count() == 1
    assert "De bijeenkomst is vastgelegd." in response.content.decode()
    assert "is gepland" not in response.content.decode()


def test_a_session_that_ends_before_it_begins_is_refused(users, tafel):
    response = client_for(users["regisseur"]).post(
        reverse("participatie:bijeenkomst-create", args=[tafel.pk]),
        {"begint_op": _dt(5, 21), "eindigt_op": _dt(5, 19), "locatie": "Dorpshuis"},
    )
    assert response.status_code == 422
    assert "moet eindigen nadat ze begint" in response.content.decode()
    assert not Bijeenkomst.objects.exists()


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
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(
        maak_document(
            client_for(users["regisseur"]),
            reverse("rapportages:document-terugkoppeling", args=[tafel.pk]),
        )
    )
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
