"""Moties en toezeggingen: the griffie's list read from csv (all or nothing, every
bad line named), the stand the team reports (afgedaan only with an explanation), shown
to raadsleden and in the programme report."""

import datetime
import subprocess

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opgaven.models import Opgave
from rapportages.models import Motie, MotieStatus
from rapportages.renderers import programmarapportage
from tests import hostile
from tests.conftest import client_for, tel_queries

pytestmark = pytest.mark.django_db

KOP = "soort;nummer;datum;titel;indieners;opgaven;deadline;link\r\n"


def _csv(tekst: str, codering="cp1252") -> SimpleUploadedFile:
    return SimpleUploadedFile("moties.csv", tekst.encode(codering), content_type="text/csv")


def _importeer(client, bestand):
    return client.post(reverse("rapportages:moties-import"), {"import-bestand": bestand})


def test_the_griffies_list_is_read_and_read_again_without_losing_the_stand(users, opgave):
    Opgave.objects.filter(pk=opgave.pk).update(titel="Vitale kernen")
    beheerder = client_for(users["beheerder"])
    regels = (
        KOP + "Motie;M2026-014;12-03-2026;Een ontmoetingsplek in elke kern;Dorpsbelang;"
        "vitale KERNEN;31-12-2026;https://ris.example.nl/m14\r\n"
        + f"toezegging;T7;2026-02-05;Monitor vóór de zomer {hostile.SCRIPT};;;;\r\n"
    )
    antwoord = _importeer(beheerder, _csv(regels))
    assert antwoord.status_code == 302
    m14 = Motie.objects.get(nummer="M2026-014")
    assert list(m14.opgaven.all()) == [opgave] and m14.deadline == datetime.date(2026, 12, 31)
    m14.stand_melden(
        status=MotieStatus.AFGEDAAN, toelichting="Plek geopend.", user=users["regisseur"]
    )
    # Read again, with a changed title: updated, the stand and the opgaven stay.
    _importeer(
        beheerder, _csv(regels.replace("elke kern", "iedere kern").replace("vitale KERNEN", ""))
    )
    m14.refresh_from_db()
    assert m14.titel == "Een ontmoetingsplek in iedere kern"
    assert m14.status == MotieStatus.AFGEDAAN and list(m14.opgaven.all()) == [opgave]
    assert Motie.objects.count() == 2
    # Raadsleden read the list; markup in a title stays text.
    html = client_for(users["raadslid"]).get(reverse("rapportages:motie-list")).content.decode()
    assert "Monitor vóór de zomer" in html and hostile.SCRIPT not in html
    assert "Plek geopend." in html


def test_a_bad_list_names_every_bad_line_and_saves_nothing(users, opgave):
    beheerder = client_for(users["beheerder"])
    regels = (
        KOP
        + "Motie;M1;31-02-2026;Een datum die niet bestaat;;;;\r\n"
        + "Motie;M2;01-03-2026;Een opgave die er niet is;;Bestaat niet;;\r\n"
        + "Motie;M3;01-03-2026;Goed;;;;javascript:alert(1)\r\n"
        + "Motie;M4;01-03-2026;Goed;;;;\r\n"
        + "Motie;M4;02-03-2026;Dubbel;;;;\r\n"
        + "Ingezonden brief;B1;01-03-2026;Geen soort;;;;\r\n"
        + f"Motie;M5;01-03-2026;{'x' * 400};;;;\r\n"
    )
    antwoord = _importeer(beheerder, _csv(regels, "utf-8"))
    assert antwoord.status_code == 422
    html = antwoord.content.decode()
    for regel in range(2, 9):
        if regel != 5:
            assert f"Regel {regel}" in html, regel
    assert "Er is niets ingelezen" in html
    assert not Motie.objects.exists()
    for bestand, melding in [
        (_csv("nummer;titel\r\nM1;t\r\n"), "De kopregel mist de kolom(men) datum, soort."),
        (_csv("\x00\x01binair"), "Dit is geen tekstbestand."),
        (SimpleUploadedFile("leeg.csv", b""), "Het bestand is leeg."),
    ]:
        antwoord = _importeer(beheerder, bestand)
        assert antwoord.status_code == 422 and melding in antwoord.content.decode()


def test_the_team_reports_the_stand_and_afgedaan_needs_an_explanation(users, opgave):
    motie = Motie.objects.create(
        soort="motie",
        nummer="M9",
        datum=datetime.date(2026, 1, 8),
        titel="Bankjes",
        deadline=datetime.date(2026, 2, 1),
    )
    motie.opgaven.add(opgave)
    assert motie.is_te_laat
    url = reverse("rapportages:motie-stand", args=[motie.pk])
    teamlid = client_for(users["teamlid"])
    antwoord = teamlid.post(
        url, {"stand-status": "afgedaan", "stand-toelichting": ""}, headers={"HX-Request": "true"}
    )
    assert antwoord.status_code == 422
    assert "Schrijf op hoe het is afgedaan" in antwoord.content.decode()
    motie.refresh_from_db()
    assert motie.status == MotieStatus.IN_BEHANDELING
    teamlid.post(
        url, {"stand-status": "afgedaan", "stand-toelichting": "Twaalf bankjes geplaatst."}
    )
    motie.refresh_from_db()
    assert (motie.status, motie.status_door) == (MotieStatus.AFGEDAAN, users["teamlid"])
    assert not motie.is_te_laat
    # Who changed the stand is in the history.
    MotieEvent = apps.get_model("rapportages", "MotieEvent")
    assert MotieEvent.objects.filter(pgh_obj=motie, status="afgedaan").exists()
    # The opgave's page lists it with its stand.
    url = reverse("rapportages:opgave-rapportages", args=[opgave.pk])
    hub = client_for(users["medewerker"]).get(url).content.decode()
    assert 'id="moties"' in hub and "Twaalf bankjes geplaatst." in hub


def test_the_report_shows_the_stand_per_opgave_and_in_an_overview(
    users, opgave, andere_opgave, tmp_path
):
    open_ = Motie.objects.create(
        soort="motie",
        nummer="M2026-022",
        datum=datetime.date(2026, 5, 28),
        titel="Starterswoningen eerst voor jongeren",
        deadline=datetime.date(2026, 10, 1),
    )
    open_.opgaven.add(opgave, andere_opgave)
    klaar = Motie.objects.create(
        soort="toezegging",
        nummer="T7",
        datum=datetime.date(2026, 2, 5),
        titel="Monitor",
        status="afgedaan",
        toelichting="Raadsinformatiebrief van 24 juni.",
    )
    klaar.opgaven.add(opgave)
    pdf = programmarapportage(Opgave.objects.all(), titel="Met moties").pdf
    pad = tmp_path / "r.pdf"
    pad.write_bytes(pdf)
    tekst = " ".join(
        subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Stand van moties en toezeggingen" in tekst
    assert "In behandeling, te laat" in tekst
    assert "Afgedaan: Raadsinformatiebrief van 24 juni." in tekst
    # Per opgave: the motie on two opgaven appears in both sections.
    assert tekst.count("Starterswoningen eerst voor jongeren") == 3


def test_the_list_costs_the_same_queries_for_3_or_30_moties(users, opgave, andere_opgave):
    client = client_for(users["partner"])

    def maak(n, start):
        for i in range(start, start + n):
            m = Motie.objects.create(
                soort="motie", nummer=f"M{i}", datum=datetime.date(2026, 1, 1), titel="t"
            )
            m.opgaven.add(opgave, andere_opgave)

    maak(3, 0)
    weinig = tel_queries(client, reverse("rapportages:motie-list"))
    maak(27, 3)
    assert tel_queries(client, reverse("rapportages:motie-list")) == weinig


def test_the_opgaven_of_a_motie_are_searched_and_a_title_typed_in_full_is_added(
    users, opgave, andere_opgave
):
    """At scale: the form was a select of every opgave (3,014 at scale, 187 kB)."""
    client = client_for(users["beheerder"])
    url = reverse("rapportages:motie-create")
    formulier = client.get(url).text
    assert opgave.titel not in formulier and 'name="motie-opgaven_zoek"' in formulier
    data = {
        "motie-soort": "motie",
        "motie-nummer": "M-2026-17",
        "motie-datum": "2026-11-12",
        "motie-titel": "Ontmoeten in elke kern",
        "motie-opgaven": [opgave.pk],
        "motie-opgaven_zoek": andere_opgave.titel.upper(),
    }
    assert client.post(url, data).status_code == 302
    motie = Motie.objects.get()
    assert set(motie.opgaven.all()) == {opgave, andere_opgave}
    bewerken = client.get(reverse("rapportages:motie-update", args=[motie.pk])).text
    for o in (opgave, andere_opgave):
        assert f'name="motie-opgaven" value="{o.pk}" checked' in bewerken
    vreemd = client.post(url, data | {"motie-nummer": "M-18", "motie-opgaven": ["x", "999999"]})
    assert vreemd.status_code == 422 and Motie.objects.count() == 1
